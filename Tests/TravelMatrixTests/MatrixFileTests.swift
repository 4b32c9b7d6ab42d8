import DagrouteCore
import Foundation
import TravelMatrix
import XCTest

final class MatrixFileTests: XCTestCase {
    let matrix = DurationMatrix(rows: 2, columns: 3, seconds: [0, 61, DurationMatrix.unreachable, 5, 0, 7],
                                metres: [0, 900, DurationMatrix.unreachable, 40, 0, 70])

    func testLongFormCSV() {
        let text = String(decoding: MatrixFile.csv(matrix, rowIds: ["a", "b,c"], columnIds: ["x", "y", "z"]), as: UTF8.self)
        XCTAssertEqual(text, """
            from,to,seconds,metres
            a,x,0,0
            a,y,61,900
            a,z,,
            "b,c",x,5,40
            "b,c",y,0,0
            "b,c",z,7,70

            """)
    }

    func testBinaryRoundTripAndLayout() throws {
        let data = MatrixFile.binary(matrix, rowIds: ["a", "bé"], columnIds: ["x", "y", "z"])
        XCTAssertEqual(Array(data.prefix(8)), Array("DGMATRIX".utf8))
        XCTAssertEqual(Array(data[8..<24]), [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(Array(data[28..<32]), [61, 0, 0, 0])   // seconds (0,1) little-endian
        let back = try MatrixFile.readBinary(data, file: "m.bin")
        XCTAssertEqual(back.matrix, matrix)
        XCTAssertEqual(back.rowIds, ["a", "bé"]); XCTAssertEqual(back.columnIds, ["x", "y", "z"])
        XCTAssertThrowsError(try MatrixFile.readBinary(data.prefix(40), file: "m.bin"))
    }

    func testStreamedFilesEqualTheInMemoryEncodings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("matrixfile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Large enough for several CSV chunks.
        let n = 300
        let big = DurationMatrix(rows: n, columns: n, seconds: (0..<(n * n)).map { Int32($0 % 9973) },
                                 metres: (0..<(n * n)).map { Int32($0 % 7919) * 3 })
        let ids = (0..<n).map { "p\($0)" }
        for (format, expected) in [(MatrixFile.Format.csv, MatrixFile.csv(big, rowIds: ids, columnIds: ids)),
                                   (.bin, MatrixFile.binary(big, rowIds: ids, columnIds: ids))] {
            let url = dir.appendingPathComponent("m.\(format.rawValue)")
            try MatrixFile.write(big, rowIds: ids, columnIds: ids, format: format, to: url)
            XCTAssertEqual(try Data(contentsOf: url), expected, format.rawValue)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["m.bin", "m.csv"])
        // A device is written to, never replaced; a folder is refused.
        try MatrixFile.write(big, rowIds: ids, columnIds: ids, format: .bin, to: URL(fileURLWithPath: "/dev/null"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType, .typeCharacterSpecial)
        XCTAssertThrowsError(try MatrixFile.write(big, rowIds: ids, columnIds: ids, format: .bin, to: dir))
    }

    func testPointsFileReportsEveryProblemWithLineAndColumn() throws {
        let csv = "id;lat;lon\nA;52,1;5,2\n;52;5\nA;91;5\nC;abc\n"
        let table = try CSVTable.parse(Data(csv.utf8), file: "p.csv")
        XCTAssertThrowsError(try PointsFile.parse(table)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            let places = ds.map { "\($0.line!):\($0.column!)" }
            XCTAssertEqual(places, ["3:1", "4:1", "4:2", "5:2", "5:3"], "\(ds)")
            XCTAssertTrue(ds[2].message.contains("found 91"), ds[2].message)
        }
        let ok = try PointsFile.parse(CSVTable.parse(Data("lon,id,lat\n5.2,A,52.1\n".utf8), file: "q.csv"))
        XCTAssertEqual(ok, [MatrixPoint(id: "A", position: GeoPoint(lat: 52.1, lon: 5.2))])
        XCTAssertThrowsError(try PointsFile.parse(CSVTable.parse(Data("id,lat\n".utf8), file: "r.csv")))
    }
}
