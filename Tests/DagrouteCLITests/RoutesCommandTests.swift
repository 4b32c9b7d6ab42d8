import Foundation
import XCTest

final class RoutesCommandTests: XCTestCase {
    func smallRegion() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-routes-\(UUID().uuidString)")
        let r = try CLIRunner.run(["generate", "--clients", "60", "--seed", "5", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testRoutesForMondayPrintsSummaryAndWritesSheets() throws {
        let region = try smallRegion()
        let out = region.appendingPathComponent("out")
        let r = try CLIRunner.run(["routes", region.path, "--day", "mon", "--scenario", "pooled", "--time-limit", "5", "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("late arrivals: 0"), r.stdout)
        XCTAssertTrue(r.stdout.contains("rides over their limit: 0"), r.stdout)
        let sheet = try String(contentsOf: out.appendingPathComponent("routes.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(sheet[0].hasPrefix("day,trip,vehicle,fleet_row,sequence,stop_type,client_id,location_id"), String(sheet[0]))
        XCTAssertGreaterThan(sheet.count, 10)
        XCTAssertTrue(sheet.dropFirst().allSatisfy { $0.hasPrefix("mon,") })
        let geo = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("routes.geojson"))) as? [String: Any]
        XCTAssertEqual(geo?["type"] as? String, "FeatureCollection")
    }

    func testBadDayAndUnknownScenarioAreInputErrors() throws {
        let region = try smallRegion()
        var r = try CLIRunner.run(["routes", region.path, "--day", "someday"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("someday"), r.stderr)
        r = try CLIRunner.run(["routes", region.path, "--day", "mon", "--scenario", "nope", "--out", region.appendingPathComponent("out").path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--scenario") && r.stderr.contains("nope"), r.stderr)
    }
}
