import Foundation
import XCTest

/// `dagroute compare` end to end on a small generated region (debug builds are slow; the default
/// instance runs in `Scripts/run-default.sh` and BENCHMARKS).
final class CompareCommandTests: XCTestCase {
    /// A generated 60-client region in a temporary folder.
    func smallRegion() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-compare-\(UUID().uuidString)")
        let r = try CLIRunner.run(["generate", "--clients", "60", "--seed", "7", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testCompareWritesSummaryKPIsAndRouteSheets() throws {
        let region = try smallRegion()
        let out = region.appendingPathComponent("out")
        let r = try CLIRunner.run(["compare", region.path, "--out", out.path, "--time-limit", "20", "--seed", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("status-quo") && r.stdout.contains("saving"), r.stdout)
        XCTAssertTrue(r.stderr.contains("status-quo mon morning-in"), "progress per scenario, day and wave: \(r.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
        let scenarios = try XCTUnwrap(summary?["scenarios"] as? [[String: Any]])
        XCTAssertEqual(scenarios.prefix(3).compactMap { $0["name"] as? String }, ["status-quo", "pooled", "reassigned-pooled"])
        for s in scenarios {
            for key in ["cost_eur_per_year", "cost_eur_per_day", "vehicle_hours_per_week", "km_per_week", "peak_vehicles", "mean_ride_min", "max_ride_min"] {
                XCTAssertNotNil(s[key], "\(key) missing")
            }
            let name = s["name"] as! String
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("routes-\(name).csv").path))
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("routes-\(name).geojson").path))
            let own = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("scenario-\(name).json"))) as? [String: Any]
            XCTAssertEqual(own?["cost_eur_per_year"] as? Double, s["cost_eur_per_year"] as? Double)
        }
        let statusQuo = scenarios[0]["cost_eur_per_year"] as! Double, pooled = scenarios[1]["cost_eur_per_year"] as! Double
        XCTAssertLessThanOrEqual(pooled, statusQuo + 0.01)
        let kpis = try String(contentsOf: out.appendingPathComponent("kpis.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(kpis.count, scenarios.count + 1)
        XCTAssertTrue(kpis[0].hasPrefix("name,cost_eur_per_day,"))
        // The self-contained report: every scenario named, client ids present, nothing external.
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        for s in scenarios { XCTAssertTrue(html.contains(s["name"] as! String)) }
        XCTAssertTrue(html.contains("C0001"), "client ids appear unless --anonymise")
        for external in ["http://", "https://", "=\"//", "url("] { XCTAssertFalse(html.contains(external), external) }
    }

    func testAnonymisedReportHidesClientIds() throws {
        let region = try smallRegion()
        let out = region.appendingPathComponent("out")
        let r = try CLIRunner.run(["compare", region.path, "--out", out.path, "--time-limit", "5", "--quiet", "--anonymise"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let ids = try String(contentsOf: region.appendingPathComponent("clients.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        XCTAssertEqual(ids.count, 60)
        for id in ids { XCTAssertFalse(html.contains(id), id) }
        XCTAssertTrue(html.contains("status-quo"))
    }

    func testQuietSilencesProgress() throws {
        let region = try smallRegion()
        let r = try CLIRunner.run(["compare", region.path, "--out", region.appendingPathComponent("out").path, "--time-limit", "5", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("morning-in"), r.stderr)
    }

    func testBadTimeLimitIsAnInputError() throws {
        let r = try CLIRunner.run(["compare", "nowhere", "--time-limit", "0"])
        XCTAssertEqual(r.status, 2)
    }
}
