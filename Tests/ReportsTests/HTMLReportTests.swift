import DagrouteCore
import Foundation
@testable import Reports
import XCTest

final class HTMLReportTests: XCTestCase {
    /// Every way an HTML page can pull in something from elsewhere: an attribute value that is a
    /// URL with a scheme or protocol-relative, and CSS `url(` / `@import` other than `url(#id)`.
    static func externalReferences(_ scan: XHTMLScan) -> [String] {
        var found: [String] = []
        for a in scan.attributes {
            let v = a.value.trimmingCharacters(in: .whitespaces).lowercased()
            if v.contains("http:") || v.contains("https:") || v.hasPrefix("//") || v.contains("url(")
                || (["href", "src", "xlink:href", "action", "srcset", "poster", "data"].contains(a.name.lowercased()) && !v.hasPrefix("#")) {
                found.append("\(a.element) \(a.name)=\"\(a.value)\"")
            }
        }
        let css = scan.styleText.lowercased()
        var rest = Substring(css)
        while let r = rest.range(of: "url(") {
            let after = rest[r.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            if !after.hasPrefix("#") { found.append("css " + String(rest[r.lowerBound...].prefix(40))) }
            rest = rest[r.upperBound...]
        }
        if css.contains("@import") { found.append("css @import") }
        return found
    }

    func testReportIsWellFormedAndSelfContained() throws {
        let html = HTMLReport.render(ReportFixtures.model)
        let scan = XHTMLScan.parse(html)
        XCTAssertNil(scan.error, "report must be well-formed XML: \(String(describing: scan.error))")
        XCTAssertEqual(Self.externalReferences(scan), [])
        // Stronger than the attribute scan: no scheme and no protocol-relative reference anywhere.
        XCTAssertFalse(html.contains("http:") || html.contains("https:"), "no URL scheme anywhere")
        XCTAssertFalse(html.contains("\"//") || html.contains("'//") || html.contains("(//"), "no protocol-relative reference")
        XCTAssertNil(scan.elementCounts["link"]); XCTAssertNil(scan.elementCounts["img"]); XCTAssertNil(scan.elementCounts["iframe"])
        XCTAssertEqual(scan.elementCounts["script"], 1)
        XCTAssertTrue(scan.attributes.filter { $0.element == "script" }.isEmpty, "inline script only, no src")
    }

    func testHostileTextIsEscapedAndSurvivesAsText() throws {
        let html = HTMLReport.render(ReportFixtures.model)
        XCTAssertFalse(html.contains(ReportFixtures.nastyId), "raw id must not appear unescaped")
        XCTAssertFalse(html.contains("<C&1>"))
        let scan = XHTMLScan.parse(html)
        XCTAssertNil(scan.error)
        let text = scan.texts.joined()
        XCTAssertTrue(text.contains(ReportFixtures.nastyId + " → L1"), "the id reads back as text in the client's tooltip")
        XCTAssertTrue(text.contains("De Brug & <Co> \"Hilversum\""))
        XCTAssertTrue(text.contains("Test <report> & more"))
        XCTAssertTrue(scan.attributes.contains { $0.name == "data-group" && $0.value == "pooled <&> · mon · morning" })
    }

    func testMapChartsAndTablesShowTheModel() throws {
        let model = ReportFixtures.model
        let scan = XHTMLScan.parse(HTMLReport.render(model))
        XCTAssertNil(scan.error)
        XCTAssertEqual(scan.inGroup["clients/circle"], model.clients.count)
        XCTAssertEqual(scan.inGroup["routes/polyline"], model.routes.count)
        XCTAssertEqual(scan.inGroup["locations/circle"], model.locations.count)
        // One option per route group plus "all".
        XCTAssertEqual(scan.elementCounts["option"], 3)
        // Savings: pooled saves € 50,000 a year = 20.0 %.
        let text = scan.texts.joined(separator: "|")
        XCTAssertTrue(text.contains("€ 50,000|20.0%"), text)
        XCTAssertTrue(scan.texts.joined().contains("Extra & <table>"))
        // Two bar charts (cost, vehicle hours) with one bar per scenario; histogram bars for both series.
        XCTAssertEqual(scan.attributes.filter { $0.name == "class" && $0.value == "bar" }.count, 4)
        XCTAssertTrue(text.contains("€ 250,000") && text.contains("10.0 h") && text.contains("8.3 h"), text)
    }

    func testHistogramBinsCountEverySample() {
        let series = [ReportModel.RideTimes(name: "a", samples: [Seconds(0), Seconds(299), Seconds(300), Seconds(3599)]),
                      ReportModel.RideTimes(name: "b", samples: [Seconds(3600)])]
        let bin = 5
        let counts = SVGCharts.binCounts(series, bin: bin)
        XCTAssertEqual(counts.map { $0.reduce(0, +) }, [4, 1])
        XCTAssertEqual(counts[0][0], 2)
        XCTAssertEqual(counts[0][1], 1)
        XCTAssertEqual(counts[0][11], 1)
        XCTAssertEqual(counts[1][12], 1)
    }

    /// Defective values from upstream (NaN positions, negative ride times, absurd money) never trap
    /// and never break the markup.
    func testDefectiveValuesRenderWithoutTrapping() {
        var model = ReportFixtures.model
        model.clients.append(ReportModel.Client(id: "nan", position: GeoPoint(lat: .nan, lon: .infinity), location: "L1"))
        model.rideTimes = [ReportModel.RideTimes(name: "neg", samples: [Seconds(-60), Seconds(-1)])]
        model.scenarios[1].costPerYear = EuroCents(Int.max / 2)
        model.scenarios[1].vehicleTimePerWeek = Seconds(-3600)
        let scan = XHTMLScan.parse(HTMLReport.render(model))
        XCTAssertNil(scan.error)
        XCTAssertEqual(NumberFormat.decimal(1e30, digits: 2), String(format: "%.2f", 1e30))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(GeoJSONWriter.text(model).utf8)))
    }

    func testEmptyModelStillRendersWellFormed() {
        let scan = XHTMLScan.parse(HTMLReport.render(ReportModel(title: "empty")))
        XCTAssertNil(scan.error)
        XCTAssertNil(scan.elementCounts["table"])
    }
}
