import DagrouteCore
import Foundation
import TravelMatrix
import XCTest

/// DGMATRIX inputs found while fuzzing `MatrixFile.readBinary` (Scripts/fuzz.sh FuzzMatrixFiles):
/// each must be an input error at a byte offset, never a trap or a silently accepted file.
final class MatrixFileFuzzRegressionTests: XCTestCase {
    /// Header of a DGMATRIX file with the given dimensions (magic, version 1, rows, columns, reserved).
    func header(rows: UInt32, columns: UInt32) -> [UInt8] {
        var out = Array("DGMATRIX".utf8)
        for v in [1, rows, columns, 0] as [UInt32] { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    func assertInputError(_ bytes: [UInt8], offset: Int, _ fragment: String, line: UInt = #line) {
        XCTAssertThrowsError(try MatrixFile.readBinary(Data(bytes), file: "m.bin"), line: line) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("expected an input error, found \(error)", line: line) }
            XCTAssertEqual(ds.first?.byteOffset, offset, line: line)
            XCTAssertTrue(ds.first?.message.contains(fragment) ?? false, "\(ds)", line: line)
        }
    }

    /// rows × columns overflowed Int (a trap) before it was compared with the file size.
    func testHugeDimensionsAreAnInputError() {
        assertInputError(header(rows: .max, columns: .max), offset: 24, "matrix entries")
    }

    /// Bytes after the last id were ignored.
    func testTrailingBytesAreAnInputError() {
        let one = header(rows: 1, columns: 1) + [UInt8](repeating: 0, count: 8) + [1, 0, 0, 0, 0x41, 1, 0, 0, 0, 0x41]
        XCTAssertNoThrow(try MatrixFile.readBinary(Data(one), file: "m.bin"))
        assertInputError(one + [0], offset: one.count, "expected the end of the file, found 1 more bytes")
    }

    /// An id that is not UTF-8 was read with replacement characters.
    func testNonUTF8IdIsAnInputError() {
        let bad = header(rows: 1, columns: 1) + [UInt8](repeating: 0, count: 8) + [1, 0, 0, 0, 0xFF, 1, 0, 0, 0, 0x41]
        assertInputError(bad, offset: 36, "expected an id in UTF-8")
    }
}
