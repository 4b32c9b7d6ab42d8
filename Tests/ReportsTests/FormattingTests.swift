import DagrouteCore
import Foundation
import Reports
import XCTest

final class FormattingTests: XCTestCase {
    func testNumbersHaveThousandsSeparatorsAndRoundHalfAwayFromZero() {
        XCTAssertEqual(NumberFormat.integer(0), "0")
        XCTAssertEqual(NumberFormat.integer(999), "999")
        XCTAssertEqual(NumberFormat.integer(1000), "1,000")
        XCTAssertEqual(NumberFormat.integer(-1_234_567), "-1,234,567")
        XCTAssertEqual(NumberFormat.decimal(1234.567, digits: 1), "1,234.6")
        XCTAssertEqual(NumberFormat.decimal(-0.05, digits: 1), "-0.1")
        XCTAssertEqual(NumberFormat.decimal(0.04, digits: 1), "0.0")
        XCTAssertEqual(NumberFormat.decimal(2.5, digits: 0), "3")
        XCTAssertEqual(NumberFormat.decimal(.nan, digits: 2), "-")
        XCTAssertEqual(NumberFormat.euros(EuroCents(123_456_789)), "€ 1,234,567.89")
        XCTAssertEqual(NumberFormat.euros(EuroCents(-5)), "-€ 0.05")
        XCTAssertEqual(NumberFormat.wholeEuros(EuroCents(123_450)), "€ 1,235")
        XCTAssertEqual(NumberFormat.wholeEuros(EuroCents(-123_450)), "-€ 1,235")
        XCTAssertEqual(NumberFormat.percent(0.1234), "12.3%")
        XCTAssertEqual(NumberFormat.minutes(Seconds(754)), "12.6")
        XCTAssertEqual(NumberFormat.kilometres(Metres(12_345)), "12.3")
    }

    func testTextTableAlignsNumbersRightAndTextLeft() {
        var t = ReportTable(title: "T", columns: [.text("name"), .number("cost")], note: "euros")
        t.add(["Bussum", "€ 5.00"])
        t.add(["'s-Graveland", "€ 1,234.50"])
        t.add(["total", "€ 1,239.50"], isTotal: true)
        XCTAssertEqual(t.text, """
        T
        name                cost
        ------------  ----------
        Bussum            € 5.00
        's-Graveland  € 1,234.50
        ------------  ----------
        total         € 1,239.50
        euros

        """)
    }

    func testCSVFieldsRoundTripThroughTheInstanceTokenizer() throws {
        let rows = [["id", "name", "note"],
                    ["C1", "Zorg, \"De Brug\"", "two\nlines"],
                    ["C2", " padded ", "a;b"],
                    ["C3", "=HYPERLINK(1)", "-12.5"]]
        var w = CSVWriter(header: rows[0])
        for r in rows.dropFirst() { w.addRow(r) }
        let table = try CSVTable.parse(Data(w.text.utf8), file: "t.csv")
        XCTAssertEqual(table.delimiter, ",")
        XCTAssertEqual(table.header, rows[0])
        XCTAssertEqual(table.rows.map(\.fields), [
            ["C1", "Zorg, \"De Brug\"", "two\nlines"],
            ["C2", " padded ", "a;b"],
            ["C3", "'=HYPERLINK(1)", "-12.5"],   // a formula is defused, a negative number is not
        ])
    }

    func testJSONTextParsesBackWithEscapesAndStableNumbers() throws {
        let v = JSONValue.object([("s", .string("a\"b\\c\n\u{1}é€")), ("n", .double(0.1 + 0.2, digits: 3)),
                                  ("z", .double(-0.0001, digits: 2)), ("i", .int(-7)), ("a", .array([.bool(true), .null])),
                                  ("e", .object([])), ("nan", .double(.nan, digits: 1))])
        for pretty in [true, false] {
            let text = v.text(pretty: pretty)
            let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            XCTAssertEqual(parsed["s"] as? String, "a\"b\\c\n\u{1}é€")
            XCTAssertEqual(parsed["i"] as? Int, -7)
            XCTAssertTrue(parsed["nan"] is NSNull)
            XCTAssertTrue(text.contains("0.300"), text)
            XCTAssertTrue(text.contains("0.00") && !text.contains("-0.00"), text)
            // Members keep their given order.
            XCTAssertLessThan(text.range(of: "\"s\"")!.lowerBound, text.range(of: "\"n\"")!.lowerBound)
        }
    }
}
