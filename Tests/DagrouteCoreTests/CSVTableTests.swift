import DagrouteCore
import Foundation
import XCTest

final class CSVTableTests: XCTestCase {
    func testDetectsSemicolonBOMQuotesAndDecimalComma() throws {
        let text = "\u{FEFF}id;name;lat\r\n1;\"Huis \"\"De Linde\"\"; Bussum\";52,274\r\n\r\n2;plain;52.3\r\n"
        let t = try CSVTable.parse(Data(text.utf8), file: "x.csv")
        XCTAssertEqual(t.delimiter, ";")
        XCTAssertEqual(t.header, ["id", "name", "lat"])
        XCTAssertEqual(t.rows.count, 2)
        XCTAssertEqual(t.rows[0].fields[1], "Huis \"De Linde\"; Bussum")
        XCTAssertEqual(t.rows[0].line, 2)
        XCTAssertEqual(t.rows[1].line, 4)
        XCTAssertEqual(t.number(t.rows[0].fields[2]), 52.274)
        XCTAssertEqual(t.number(t.rows[1].fields[2]), 52.3)
        XCTAssertEqual(t.column("LAT"), 3)
    }

    func testCommaDelimiterDoesNotAcceptDecimalComma() throws {
        let t = try CSVTable.parse(Data("a,b\n\"1,5\",2\n".utf8), file: "x.csv")
        XCTAssertEqual(t.delimiter, ",")
        XCTAssertNil(t.number(t.rows[0].fields[0]))
        XCTAssertEqual(t.number(t.rows[0].fields[1]), 2)
    }

    func testQuotedFieldSpanningLinesKeepsLineNumbers() throws {
        let t = try CSVTable.parse(Data("a,b\n\"x\ny\",1\n3,4\n".utf8), file: "x.csv")
        XCTAssertEqual(t.rows.map(\.line), [2, 4])
        XCTAssertEqual(t.rows[0].fields[0], "x\ny")
    }

    func testRejectsNaNInfinityAndJunkNumbers() {
        for s in ["nan", "inf", "1e999", "12a", "", " ", "0x10"] {
            XCTAssertNil(CSVTable.number(s, decimalComma: false), s)
        }
        XCTAssertEqual(CSVTable.number(" -1.5e2 ", decimalComma: false), -150)
    }

    func testNonUTF8IsAnErrorWithLineAndOffset() {
        var bytes = Array("id,name\n1,ok\n2,".utf8)
        bytes += [0xE9, 0x0A]
        XCTAssertThrowsError(try CSVTable.parse(Data(bytes), file: "c.csv")) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ds.first?.line, 3)
            XCTAssertEqual(ds.first?.byteOffset, 15)
            XCTAssertEqual(ds.first?.file, "c.csv")
        }
    }

    func testUnclosedQuoteAndEmptyFileAreErrors() {
        XCTAssertThrowsError(try CSVTable.parse(Data("a,b\n\"open,1\n".utf8), file: "q.csv")) { error in
            XCTAssertTrue("\(error)".contains("q.csv:2"), "\(error)")
        }
        XCTAssertThrowsError(try CSVTable.parse(Data(), file: "e.csv")) { error in
            XCTAssertTrue("\(error)".contains("empty file"), "\(error)")
        }
    }
}
