import DagrouteCore
import Formats
import XCTest

/// Inputs found by `Scripts/fuzz.sh FuzzRoutingFormats`: each must be an input error at its line
/// and column, never a trap.
final class RoutingFormatsFuzzRegressionTests: XCTestCase {
    static func cvrp(x2: String) -> String {
        """
        NAME : tiny
        TYPE : CVRP
        DIMENSION : 2
        EDGE_WEIGHT_TYPE : EUC_2D
        CAPACITY : 10
        NODE_COORD_SECTION
        1 0 0
        2 \(x2) 0
        DEMAND_SECTION
        1 0
        2 1
        DEPOT_SECTION
        1
        -1
        EOF
        """
    }

    /// A coordinate of 1e300 made the rounded Euclidean distance overflow `Int` (a trap).
    func testHugeCoordinateIsAnInputError() {
        XCTAssertThrowsError(try CVRPLIBReader.parse(text: Self.cvrp(x2: "1e300"), file: "tiny.vrp")) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("expected an input error, found \(error)") }
            XCTAssertEqual(ds.first?.line, 8)
            XCTAssertEqual(ds.first?.column, 3)
            XCTAssertTrue(ds.first?.message.contains("expected an x coordinate of at most 1000000000 in magnitude, found '1e300'") ?? false, "\(ds)")
        }
    }

    /// The largest accepted coordinate still gives a distance.
    func testLargestCoordinateReads() throws {
        let b = try CVRPLIBReader.parse(text: Self.cvrp(x2: "1e9"), file: "tiny.vrp")
        XCTAssertEqual(b.objective([]), 0)
        XCTAssertEqual(b.problem.stops.count, 1)
    }
}
