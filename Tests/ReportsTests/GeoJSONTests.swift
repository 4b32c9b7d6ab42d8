import DagrouteCore
import Foundation
import Reports
import XCTest

final class GeoJSONTests: XCTestCase {
    func testFeatureCollectionRoundTripsWithTheRightFeatures() throws {
        let model = ReportFixtures.model
        let text = GeoJSONWriter.text(model)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(root["type"] as? String, "FeatureCollection")
        let features = try XCTUnwrap(root["features"] as? [[String: Any]])
        let props = features.map { $0["properties"] as! [String: Any] }
        let kinds = props.map { $0["kind"] as! String }
        XCTAssertEqual(kinds.filter { $0 == "location" }.count, model.locations.count)
        XCTAssertEqual(kinds.filter { $0 == "client" }.count, model.clients.count)
        XCTAssertEqual(kinds.filter { $0 == "route" }.count, model.routes.count)

        for (f, p) in zip(features, props) {
            XCTAssertEqual(f["type"] as? String, "Feature")
            let geometry = try XCTUnwrap(f["geometry"] as? [String: Any])
            switch p["kind"] as! String {
            case "route":
                XCTAssertEqual(geometry["type"] as? String, "LineString")
                let coords = try XCTUnwrap(geometry["coordinates"] as? [[Double]])
                let stops = try XCTUnwrap(p["stops"] as? [[String: Any]])
                XCTAssertEqual(coords.count, stops.count)
                XCTAssertGreaterThanOrEqual(coords.count, 2)
            default:
                XCTAssertEqual(geometry["type"] as? String, "Point")
            }
        }
        // Coordinates are [lon, lat] (RFC 7946), and ids and hostile text survive intact.
        let client0 = try XCTUnwrap(features.first { ($0["properties"] as! [String: Any])["id"] as? String == ReportFixtures.nastyId })
        let coords = try XCTUnwrap((client0["geometry"] as! [String: Any])["coordinates"] as? [Double])
        XCTAssertEqual(coords[0], model.clients[0].position.lon, accuracy: 1e-6)
        XCTAssertEqual(coords[1], model.clients[0].position.lat, accuracy: 1e-6)
        let pooled = try XCTUnwrap(props.first { $0["vehicle"] as? String == "pool-1" })
        XCTAssertEqual(pooled["scenario"] as? String, "pooled <&>")
        let stops = try XCTUnwrap(pooled["stops"] as? [[String: Any]])
        XCTAssertEqual(stops.map { $0["time"] as? String }, ["08:05", "08:10", "08:15", "08:25"])
        XCTAssertTrue(props.contains { $0["kind"] as? String == "client" && $0["location"] is NSNull })
    }

    func testOutputIsByteStable() {
        XCTAssertEqual(GeoJSONWriter.text(ReportFixtures.model), GeoJSONWriter.text(ReportFixtures.model))
        XCTAssertEqual(HTMLReport.render(ReportFixtures.model), HTMLReport.render(ReportFixtures.model))
    }
}
