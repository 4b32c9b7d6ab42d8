import DagrouteCore
import Formats
import XCTest

/// Inputs found by `Scripts/fuzz.sh FuzzORLibrary`: each must be an input error at its line and
/// column, never a trap.
final class ORLibraryFuzzRegressionTests: XCTestCase {
    /// An integral cost too large for Int passed the integer check and trapped in `Int(Double)`.
    func testHugeIntegerCostIsAnInputError() {
        let text = " 1\n 1 1\n 205555555555555555555555555555555555555555555\n 1\n 5\n"
        XCTAssertThrowsError(try ORLibraryGAP.parse(text, file: "gap.txt")) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("expected an input error, found \(error)") }
            XCTAssertEqual(ds.first?.line, 3)
            XCTAssertEqual(ds.first?.column, 2)
            XCTAssertTrue(ds.first?.message.contains("expected an integer (cost of agent 1, job 1 in problem 1), found '2055") ?? false, "\(ds)")
        }
    }

    /// The largest exact integer still reads.
    func testLargestExactIntegerCostReads() throws {
        let problems = try ORLibraryGAP.parse(" 1\n 1 1\n 9007199254740992\n 1\n 5\n", file: "gap.txt")
        XCTAssertEqual(problems.first?.cost, [[9_007_199_254_740_992]])
    }
}
