import Foundation
import XCTest

/// Same inputs + seed + thread count → byte-identical outputs, checked by running the built binary
/// twice. Each run is a fresh process with its own random hashing seed, so any dependence on
/// Dictionary/Set iteration order shows up as a difference. Also: results that the docs promise
/// to be independent of thread count or row order are compared across those.
final class DeterminismTests: XCTestCase {
    static let shared = CLIRunner.sharedInstances

    override func setUp() {
        // Routing solves are bounded by iterations (not wall time) so that they are reproducible.
        setenv("DAGROUTE_MAX_ITERATIONS", "200", 1)
    }

    override func tearDown() {
        unsetenv("DAGROUTE_MAX_ITERATIONS")
    }

    func testGenerateIsByteIdenticalForASeed() throws {
        for (clients, seed) in [(40, 1), (250, 9)] {
            let a = try temporaryFolder().appendingPathComponent("a"), b = try temporaryFolder().appendingPathComponent("b")
            for folder in [a, b] {
                let r = try CLIRunner.run(["generate", "--clients", "\(clients)", "--seed", "\(seed)", folder.path])
                XCTAssertEqual(r.status, 0, r.stderr)
            }
            for name in ["clients.csv", "locations.csv", "fleet.csv", "settings.json"] {
                XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)),
                               "generate --clients \(clients) --seed \(seed): \(name) differs between runs")
            }
        }
    }

    /// Every `solve` format twice with the same seed and threads: the JSON (but for `time_s`) and
    /// the solution file are byte-identical; for routing, on 1 and on 2 threads.
    func testSolveIsByteIdenticalForSeedAndThreads() throws {
        let routing: [(String, String)] = [
            ("cvrp/A/A-n32-k5.vrp", "vrplib"), ("vrptw/solomon/C101.txt", "solomon"), ("darp/cordeau2006/a2-16.txt", "cordeau"),
        ]
        for (file, format) in routing {
            for threads in ["1", "2"] {
                let outputs = try (0..<2).map { _ -> (String, Data) in
                    let sol = try temporaryFolder().appendingPathComponent("plan.sol")
                    let r = try CLIRunner.run(["solve", Self.shared.appendingPathComponent(file).path, "--format", format, "--seed", "7",
                                               "--threads", threads, "--time-limit", "600", "--json", "--solution-out", sol.path])
                    XCTAssertEqual(r.status, 0, r.stderr)
                    return (try withoutTime(r.stdout), try Data(contentsOf: sol))
                }
                XCTAssertEqual(outputs[0].0, outputs[1].0, "\(file) on \(threads) threads: JSON differs between runs")
                XCTAssertEqual(outputs[0].1, outputs[1].1, "\(file) on \(threads) threads: solution file differs between runs")
            }
        }
        let mip: [[String]] = [
            ["solve", Self.shared.appendingPathComponent("gap/orlib/gap1.txt").path, "--format", "orlib-gap", "--problem", "3", "--sense", "max", "--json"],
            ["solve", Self.shared.appendingPathComponent("cflp/orlib/cap41.txt").path, "--format", "orlib-cap", "--json"],
        ]
        for arguments in mip {
            let runs = try (0..<2).map { _ -> String in
                let r = try CLIRunner.run(arguments)
                XCTAssertEqual(r.status, 0, r.stderr)
                return try withoutTime(r.stdout)
            }
            XCTAssertEqual(runs[0], runs[1], "\(arguments[1]): JSON differs between runs")
        }
    }

    /// The crow-fly and the road matrix: byte-identical on 1 and 2 threads, in CSV and binary form.
    func testMatrixIsByteIdenticalAcrossRunsAndThreads() throws {
        let points = try pointsFile(shuffled: false)
        for road in [nil, Self.shared.appendingPathComponent("osm/amsterdam.osm.pbf").path] {
            for format in ["csv", "bin"] {
                let files = try ["1", "2", "2"].map { threads -> Data in
                    let out = try temporaryFolder().appendingPathComponent("m.\(format)")
                    var arguments = ["matrix", "--points", points.path, "--out", out.path, "--format", format, "--threads", threads, "--quiet"]
                    if let road { arguments += ["--road", road, "--snap-radius", "5000"] }
                    let r = try CLIRunner.run(arguments)
                    XCTAssertEqual(r.status, 0, r.stderr)
                    return try Data(contentsOf: out)
                }
                XCTAssertEqual(files[0], files[1], "matrix \(road == nil ? "crow-fly" : "road") \(format): 1 vs 2 threads")
                XCTAssertEqual(files[1], files[2], "matrix \(road == nil ? "crow-fly" : "road") \(format): two runs on 2 threads")
            }
        }
    }

    /// `matrix --help` promises every ordered pair; an entry must not depend on the order of the
    /// points in the file.
    func testMatrixEntriesIndependentOfRowOrder() throws {
        for road in [nil, Self.shared.appendingPathComponent("osm/amsterdam.osm.pbf").path] {
            let entries = try [false, true].map { shuffled -> [String: String] in
                let out = try temporaryFolder().appendingPathComponent("m.csv")
                var arguments = ["matrix", "--points", try pointsFile(shuffled: shuffled).path, "--out", out.path, "--quiet"]
                if let road { arguments += ["--road", road, "--snap-radius", "5000"] }
                let r = try CLIRunner.run(arguments)
                XCTAssertEqual(r.status, 0, r.stderr)
                var byPair: [String: String] = [:]
                for line in try String(contentsOf: out, encoding: .utf8).split(separator: "\n").dropFirst() {
                    let f = line.split(separator: ",", omittingEmptySubsequences: false)
                    byPair["\(f[0])→\(f[1])"] = "\(f[2]),\(f[3])"
                }
                return byPair
            }
            XCTAssertEqual(entries[0].count, 12 * 12)
            XCTAssertEqual(entries[0], entries[1], "matrix \(road == nil ? "crow-fly" : "road"): entries depend on row order")
        }
    }

    func testGraphExportIsByteIdenticalAcrossThreads() throws {
        let pbf = Self.shared.appendingPathComponent("osm/amsterdam.osm.pbf").path
        let folders = try ["1", "2"].map { threads -> URL in
            let out = try temporaryFolder().appendingPathComponent("graph")
            let r = try CLIRunner.run(["graph", "export", "--road", pbf, "--out", out.path, "--threads", threads, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            return out
        }
        for name in ["nodes.csv", "edges.csv"] {
            XCTAssertEqual(try Data(contentsOf: folders[0].appendingPathComponent(name)), try Data(contentsOf: folders[1].appendingPathComponent(name)), name)
        }
    }

    /// A shuffled instance (clients, locations and fleet rows in another order) validates to the
    /// same summary: counts do not depend on row order.
    func testValidateSummaryIndependentOfRowOrder() throws {
        let folder = try temporaryFolder().appendingPathComponent("region")
        XCTAssertEqual(try CLIRunner.run(["generate", "--clients", "120", "--seed", "4", folder.path]).status, 0)
        let original = try CLIRunner.run(["validate", "--format", "json", folder.path])
        XCTAssertEqual(original.status, 0, original.stderr)
        var rng = SystemRandomNumberGenerator()
        for name in ["clients.csv", "locations.csv", "fleet.csv"] {
            let url = folder.appendingPathComponent(name)
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            try ([lines[0]] + lines.dropFirst().shuffled(using: &rng)).joined(separator: "\n").appending("\n")
                .write(to: url, atomically: true, encoding: .utf8)
        }
        let shuffled = try CLIRunner.run(["validate", "--format", "json", folder.path])
        XCTAssertEqual(shuffled.status, 0, shuffled.stderr)
        XCTAssertEqual(shuffled.stdout, original.stdout)
    }

    /// `compare`, `routes`, `assign` and `analyze` on a small generated region: a second run with
    /// the same seed and threads, and a run on a copy whose clients.csv, locations.csv and
    /// fleet.csv rows are in another order, write byte-identical files and print the same (but
    /// for the output path). Their searches end at their iteration budgets here (generous time
    /// limit), which is what makes them reproducible; stderr (progress with timings) is not compared.
    func testScenarioCommandsByteIdenticalAcrossRunsAndRowOrder() throws {
        let original = try temporaryFolder().appendingPathComponent("region")
        XCTAssertEqual(try CLIRunner.run(["generate", "--clients", "16", "--seed", "13", original.path]).status, 0)
        let shuffled = try temporaryFolder().appendingPathComponent("region")
        try FileManager.default.copyItem(at: original, to: shuffled)
        for name in ["clients.csv", "locations.csv", "fleet.csv"] {
            let url = shuffled.appendingPathComponent(name)
            var rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
            let header = rows.removeFirst()
            rows.reverse()
            if rows.count > 2 { rows.swapAt(0, rows.count / 2) }
            try ([header] + rows).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let commands: [(String, [String])] = [
            ("compare", ["compare", "REGION", "--out", "OUT/compare", "--time-limit", "600", "--seed", "3", "--threads", "2", "--quiet"]),
            ("routes", ["routes", "REGION", "--day", "tue", "--scenario", "pooled", "--time-limit", "600", "--seed", "5", "--threads", "2",
                        "--out", "OUT/routes", "--quiet"]),
            ("assign", ["assign", "REGION", "--scenario", "reassigned-pooled", "--out", "OUT/assign"]),
            ("analyze", ["analyze", "REGION", "--out", "OUT/analyze"]),
        ]
        var runs: [[String: Data]] = []
        for region in [original, original, shuffled] {
            let out = try temporaryFolder()
            var files: [String: Data] = [:]
            for (name, template) in commands {
                let arguments = template.map { $0.replacingOccurrences(of: "REGION", with: region.path).replacingOccurrences(of: "OUT", with: out.path) }
                let r = try CLIRunner.run(arguments)
                XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
                files["\(name) stdout"] = Data(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("Wrote") }.joined(separator: "\n").utf8)
            }
            let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isRegularFileKey]))
            for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                files[String(url.path.dropFirst(out.path.count))] = try Data(contentsOf: url)
            }
            runs.append(files)
        }
        XCTAssertGreaterThanOrEqual(runs[0].count, 4 + 2 + 1 + 3 + 3 * 4 + 3, "every command wrote its files: \(runs[0].keys.sorted())")
        for (k, what) in [(1, "a second run"), (2, "a run with the rows of the files in another order")] {
            XCTAssertEqual(runs[k].keys.sorted(), runs[0].keys.sorted(), what)
            for key in runs[0].keys.sorted() where runs[k][key] != runs[0][key] {
                XCTFail("\(key) differs in \(what)")
            }
        }
        // The routing search is the same on one thread as on two (iteration budget binding).
        let single = try temporaryFolder()
        let r = try CLIRunner.run(["routes", original.path, "--day", "tue", "--scenario", "pooled", "--time-limit", "600", "--seed", "5",
                                   "--threads", "1", "--out", single.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try Data(contentsOf: single.appendingPathComponent("routes.csv")), runs[0]["/routes/routes.csv"], "routes on 1 vs 2 threads")
    }

    // MARK: - helpers

    /// Twelve points around Amsterdam's centre, in file order or shuffled.
    func pointsFile(shuffled: Bool) throws -> URL {
        var rows = (0..<12).map { k in
            String(format: "P%02d,%.6f,%.6f", k, 52.365 + Double(k % 4) * 0.004, 4.885 + Double(k / 4) * 0.006)
        }
        if shuffled { rows.reverse(); rows.swapAt(0, 5) }
        let url = try temporaryFolder().appendingPathComponent("points.csv")
        try (["id,lat,lon"] + rows).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The JSON object without its wall-clock field, re-encoded with sorted keys.
    func withoutTime(_ json: String) throws -> String {
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        object["time_s"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
