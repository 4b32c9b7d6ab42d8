import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `dagroute analyze` run as a user would, its numbers checked against a recomputation straight
/// from the instance's CSV files (own CSV split, own haversine and travel-time formula).
final class AnalyzeCommandTests: XCTestCase {
    static let defaultInstance = CLIRunner.repositoryRoot.appendingPathComponent("Instances/gooi-en-vechtstreek")

    struct Trip { var client: String; var needsTransport: Bool; var seconds: Int }

    /// Direct drive seconds of every client with a current location, by the settings'
    /// travel_time formula: speed = short + (long − short)·d/(d + half), time = detour·d/speed.
    static func recompute(_ folder: URL, detour: Double, short: Double, long: Double, halfKm: Double) throws -> [Trip] {
        func rows(_ name: String) throws -> [[String: String]] {
            let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        }
        var position: [String: (Double, Double)] = [:]
        for l in try rows("locations.csv") { position[l["id"]!] = (Double(l["lat"]!)!, Double(l["lon"]!)!) }
        return try rows("clients.csv").compactMap { c in
            guard let loc = c["current_location"], let (lat2, lon2) = position[loc] else { return nil }
            let lat1 = Double(c["lat"]!)!, lon1 = Double(c["lon"]!)!, rad = Double.pi / 180
            let h = pow(sin((lat2 - lat1) * rad / 2), 2) + cos(lat1 * rad) * cos(lat2 * rad) * pow(sin((lon2 - lon1) * rad / 2), 2)
            let km = 2 * 6_371_008.8 * asin(sqrt(h)) / 1000
            let speed = short + (long - short) * km / (km + halfKm)
            return Trip(client: c["id"]!, needsTransport: c["needs_transport"] != "0", seconds: km > 0 ? Int((detour * km / speed * 3600).rounded()) : 0)
        }
    }

    func analyzeJSON(_ folder: URL) throws -> [String: Any] {
        let r = try CLIRunner.run(["analyze", folder.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout)
    }

    func assertDirect(_ json: [String: Any], _ trips: [Trip], file: StaticString = #filePath, line: UInt = #line) throws {
        let direct = try XCTUnwrap(json["direct"] as? [String: Any])
        for (key, set) in [("all", trips), ("needing_transport", trips.filter(\.needsTransport))] {
            let d = try XCTUnwrap(direct[key] as? [String: Any])
            let s = set.map(\.seconds).sorted()
            XCTAssertEqual(d["clients"] as? Int, s.count, key, file: file, line: line)
            XCTAssertEqual(d["max_s"] as? Int, s.last, key, file: file, line: line)
            XCTAssertEqual(d["median_s"] as? Int, s[(s.count + 1) / 2 - 1], key, file: file, line: line)
            XCTAssertEqual(d["p90_s"] as? Int, s[Int((0.9 * Double(s.count)).rounded(.up)) - 1], key, file: file, line: line)
            XCTAssertEqual(try XCTUnwrap(d["mean_s"] as? Double), Double(s.reduce(0, +)) / Double(s.count), accuracy: 0.051, file: file, line: line)
            for minutes in [30, 45, 60] {
                let over = s.filter { $0 > minutes * 60 }.count
                XCTAssertEqual(d["over_\(minutes)_min"] as? Int, over, "\(key) over \(minutes)", file: file, line: line)
                XCTAssertEqual(try XCTUnwrap(d["share_over_\(minutes)_min"] as? Double), Double(over) / Double(s.count), accuracy: 0.00005,
                               file: file, line: line)
            }
        }
    }

    func testDefaultInstanceNumbersAgreeWithARecomputationFromTheCSVFiles() throws {
        let json = try analyzeJSON(Self.defaultInstance)
        let trips = try Self.recompute(Self.defaultInstance, detour: 1.3, short: 25, long: 70, halfKm: 6)
        XCTAssertEqual(trips.count, 600)
        try assertDirect(json, trips)
        let histogram = try XCTUnwrap(json["direct_histogram"] as? [[String: Any]])
        for bin in histogram {
            let from = bin["from_min"] as! Int, to = bin["to_min"] as! Int
            XCTAssertEqual(bin["clients"] as? Int, trips.filter { $0.seconds >= from * 60 && $0.seconds < to * 60 }.count)
        }
        let flows = try XCTUnwrap(json["flows"] as? [[String: Any]])
        XCTAssertEqual(flows.reduce(0) { $0 + ($1["clients"] as! Int) }, 600)

        // The text report shows the same figures, aligned.
        let text = try CLIRunner.run(["analyze", Self.defaultInstance.path])
        XCTAssertEqual(text.status, 0, text.stderr)
        let s = trips.map(\.seconds).sorted()
        let maxMinutes = String(format: "%.1f", Double(s.last!) / 60)
        let row = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.hasPrefix("all with a location") })
        XCTAssertTrue(row.contains("  600  ") && row.contains(" \(maxMinutes) "), String(row))
        XCTAssertTrue(text.stdout.contains("Capacity use per location (clients / places)"))
    }

    /// Slow speeds in settings.json make the 30/45/60-minute shares non-trivial; analyze must use them.
    func testSettingsTravelModelIsUsedAndSharesOverNormsAgree() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-analyze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for name in ["clients.csv", "locations.csv", "fleet.csv"] {
            try FileManager.default.copyItem(at: Self.defaultInstance.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try Data(#"{"travel_time": {"detour_factor": 1.5, "speed_short_kmh": 6, "speed_long_kmh": 12, "half_speed_km": 3}}"#.utf8)
            .write(to: dir.appendingPathComponent("settings.json"))
        let json = try analyzeJSON(dir)
        let trips = try Self.recompute(dir, detour: 1.5, short: 6, long: 12, halfKm: 3)
        XCTAssertGreaterThan(trips.filter { $0.seconds > 1800 }.count, 0)
        try assertDirect(json, trips)
    }

    /// Clients without a current location count as clients but have no direct drive, flow or slot.
    func testClientsWithoutACurrentLocation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-analyze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for name in ["locations.csv", "fleet.csv", "settings.json"] {
            try FileManager.default.copyItem(at: Self.defaultInstance.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        var lines = try String(contentsOf: Self.defaultInstance.appendingPathComponent("clients.csv"), encoding: .utf8).components(separatedBy: "\n")
        let column = lines[0].components(separatedBy: ",").firstIndex(of: "current_location")!
        for i in stride(from: 1, to: 601, by: 10) {
            var fields = lines[i].components(separatedBy: ",")
            fields[column] = ""
            lines[i] = fields.joined(separator: ",")
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("clients.csv"))
        let json = try analyzeJSON(dir)
        let trips = try Self.recompute(dir, detour: 1.3, short: 25, long: 70, halfKm: 6)
        XCTAssertEqual(trips.count, 540)
        XCTAssertEqual(json["clients"] as? Int, 600)
        try assertDirect(json, trips)
        let flows = try XCTUnwrap(json["flows"] as? [[String: Any]])
        XCTAssertEqual(flows.reduce(0) { $0 + ($1["clients"] as! Int) }, 540)
    }

    func testOutFilesAnonymised() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-analyze-out-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let r = try CLIRunner.run(["analyze", Self.defaultInstance.path, "--out", out.path, "--anonymise", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("analysis.html"), encoding: .utf8)
        let geojson = try String(contentsOf: out.appendingPathComponent("analysis.geojson"), encoding: .utf8)
        let written = try Data(contentsOf: out.appendingPathComponent("analysis.json"))
        XCTAssertEqual(String(decoding: written, as: UTF8.self), r.stdout, "analysis.json is the --format json output")
        let clients = try String(contentsOf: Self.defaultInstance.appendingPathComponent("clients.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let ids = Set(clients.map { $0[0] }), homes = Set(clients.map { "\($0[2]) \($0[1])" })
        XCTAssertNil(html.range(of: "C[0-9]{4}", options: .regularExpression), "a client id leaked into the HTML")
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(geojson.utf8)) as? [String: Any])
        let features = try XCTUnwrap(root["features"] as? [[String: Any]])
        let kinds = features.map { ($0["properties"] as! [String: Any])["kind"] as! String }
        for f in features where (f["properties"] as! [String: Any])["kind"] as? String == "client" {
            let id = try XCTUnwrap((f["properties"] as! [String: Any])["id"] as? String)
            XCTAssertFalse(ids.contains(id)); XCTAssertTrue(id.hasPrefix("p") && id.count == 17, id)
            let c = try XCTUnwrap((f["geometry"] as! [String: Any])["coordinates"] as? [Double])
            XCTAssertFalse(homes.contains(String(format: "%.6f %.6f", c[0], c[1])), "an exact home leaked")
        }
        XCTAssertEqual(kinds.filter { $0 == "client" }.count, 600)
        XCTAssertEqual(kinds.filter { $0 == "location" }.count, 25)
        XCTAssertFalse(html.contains("http:") || html.contains("https:"))
        let parser = XMLParser(data: Data(html.utf8))
        XCTAssertTrue(parser.parse(), "analysis.html is well-formed: \(String(describing: parser.parserError))")
        // Two runs hash with different salts.
        let r2 = try CLIRunner.run(["analyze", Self.defaultInstance.path, "--out", out.path, "--anonymise"])
        XCTAssertEqual(r2.status, 0, r2.stderr)
        XCTAssertNotEqual(try String(contentsOf: out.appendingPathComponent("analysis.geojson"), encoding: .utf8), geojson)
    }

    func testWithoutAnonymiseOutputsAreByteIdenticalAcrossRuns() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-analyze-det-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
        for run in ["a", "b"] {
            let r = try CLIRunner.run(["analyze", Self.defaultInstance.path, "--out", base.appendingPathComponent(run).path])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        for name in ["analysis.json", "analysis.html", "analysis.geojson"] {
            XCTAssertEqual(try Data(contentsOf: base.appendingPathComponent("a/" + name)), try Data(contentsOf: base.appendingPathComponent("b/" + name)), name)
        }
    }

    func testBadInputIsExitCodeTwo() throws {
        let missing = try CLIRunner.run(["analyze", "/nonexistent-instance-folder"])
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("clients.csv"), missing.stderr)
        let anonymiseAlone = try CLIRunner.run(["analyze", Self.defaultInstance.path, "--anonymise"])
        XCTAssertEqual(anonymiseAlone.status, 2)
        XCTAssertTrue(anonymiseAlone.stderr.contains("--out"), anonymiseAlone.stderr)
        let json = try CLIRunner.run(["analyze", "/nonexistent-instance-folder", "--format", "json"])
        XCTAssertEqual(json.status, 2)
        XCTAssertTrue(json.stdout.contains("\"kind\":\"input\""), json.stdout)
    }
}
