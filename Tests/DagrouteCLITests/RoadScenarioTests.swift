import Foundation
import XCTest

/// Road travel times (`--road`) in `matrix <instance>` and the scenario commands, on a small
/// generated instance moved into the Amsterdam extract of ../shared/instances/osm.
final class RoadScenarioTests: XCTestCase {
    static let amsterdam = CLIRunner.sharedInstances.appendingPathComponent("osm/amsterdam.osm.pbf")
    /// The part of the extract whose roads form its largest strongly connected network.
    static let box = (lat: 52.3410...52.3455, lon: 4.9250...4.9310)

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-road-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Keep the contraction-hierarchy cache inside the test folder.
        setenv("XDG_CACHE_HOME", folder.appendingPathComponent("cache").path, 1)
    }

    override func tearDownWithError() throws {
        unsetenv("XDG_CACHE_HOME")
        try? FileManager.default.removeItem(at: folder)
    }

    /// Rows of a simple CSV file (no quoted fields) as dictionaries by header.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// `generate`d instance with every position (lat/lon and depot_lat/depot_lon columns) mapped
    /// linearly from the bounding box of all positions onto `box`; `moveFirstClient` puts the first
    /// client 6 km north instead, out of reach of every road of the extract.
    func amsterdamInstance(clients: Int = 8, moveFirstClient: Bool = false) throws -> URL {
        let region = folder.appendingPathComponent(moveFirstClient ? "far" : "region")
        XCTAssertEqual(try CLIRunner.run(["generate", "--clients", "\(clients)", "--seed", "3", region.path]).status, 0)
        let files = ["clients.csv", "locations.csv", "fleet.csv"]
        let pairs = [("lat", "lon"), ("depot_lat", "depot_lon")]
        var lats: [Double] = [], lons: [Double] = []
        for f in files {
            for row in try Self.rows(region.appendingPathComponent(f)) {
                for (a, b) in pairs {
                    if let lat = row[a].flatMap(Double.init), let lon = row[b].flatMap(Double.init) { lats.append(lat); lons.append(lon) }
                }
            }
        }
        func map(_ v: Double, _ from: [Double], _ to: ClosedRange<Double>) -> Double {
            to.lowerBound + (v - from.min()!) / (from.max()! - from.min()!) * (to.upperBound - to.lowerBound)
        }
        for f in files {
            let url = region.appendingPathComponent(f)
            var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            for k in 1..<lines.count {
                var fields = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                for (a, b) in pairs {
                    guard let i = header.firstIndex(of: a), let j = header.firstIndex(of: b),
                          let lat = Double(fields[i]), let lon = Double(fields[j]) else { continue }
                    fields[i] = String(format: "%.6f", map(lat, lats, Self.box.lat))
                    fields[j] = String(format: "%.6f", map(lon, lons, Self.box.lon))
                    if moveFirstClient && f == "clients.csv" && k == 1 { fields[i] = "52.400000"; fields[j] = "4.930000" }
                }
                lines[k] = fields.joined(separator: ",")
            }
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        return region
    }

    static func haversine(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let rad = Double.pi / 180
        let s = sin((b.0 - a.0) * rad / 2), t = sin((b.1 - a.1) * rad / 2)
        let h = s * s + cos(a.0 * rad) * cos(b.0 * rad) * t * t
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }

    /// `matrix <instance> --road`: locations then clients with their own ids; every road distance
    /// is at least the great-circle distance minus the two snapping distances (which are not driven).
    func testMatrixOfAnInstanceFolderOverRoads() throws {
        let region = try amsterdamInstance()
        let out = folder.appendingPathComponent("m.csv")
        let r = try CLIRunner.run(["matrix", region.path, "--road", Self.amsterdam.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let locations = try Self.rows(region.appendingPathComponent("locations.csv"))
        let clients = try Self.rows(region.appendingPathComponent("clients.csv"))
        let ids = locations.map { $0["id"]! } + clients.map { $0["id"]! }
        let snaps = try Self.rows(URL(fileURLWithPath: out.path + ".snap.csv"))
        XCTAssertEqual(snaps.map { $0["id"]! }, ids)
        let place = Dictionary(uniqueKeysWithValues: snaps.map { ($0["id"]!, (Double($0["lat"]!)!, Double($0["lon"]!)!, Double($0["snap_metres"]!)!)) })
        let entries = try Self.rows(out)
        XCTAssertEqual(entries.count, ids.count * ids.count)
        XCTAssertEqual(entries.prefix(ids.count).map { $0["to"]! }, ids)
        var driven = 0
        for e in entries {
            let a = place[e["from"]!]!, b = place[e["to"]!]!
            let metres = Double(e["metres"]!)!, crow = Self.haversine((a.0, a.1), (b.0, b.1))
            // Snapping distances are printed with one decimal; metres are whole.
            XCTAssertGreaterThanOrEqual(metres + a.2 + b.2 + 0.6, crow, "\(e)")
            if metres > crow { driven += 1 }
        }
        XCTAssertGreaterThan(driven, entries.count / 2)
        // Crow-fly on the same folder: the same ids in the same order.
        let crowOut = folder.appendingPathComponent("c.csv")
        XCTAssertEqual(try CLIRunner.run(["matrix", region.path, "--out", crowOut.path, "--quiet"]).status, 0)
        XCTAssertEqual(try Self.rows(crowOut).prefix(ids.count).map { $0["to"]! }, ids)
        // Neither or both of --points and a folder: a usage error.
        XCTAssertEqual(try CLIRunner.run(["matrix", "--out", crowOut.path]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["matrix", region.path, "--points", "p.csv", "--out", crowOut.path]).status, 2)
    }

    /// compare, assign and routes run over the roads; the second run reads the cached hierarchy;
    /// the planned kilometres differ from the crow-fly estimate.
    func testScenarioCommandsRunOverRoads() throws {
        let region = try amsterdamInstance()
        let road = folder.appendingPathComponent("road"), crow = folder.appendingPathComponent("crow")
        let compare = try CLIRunner.run(["compare", region.path, "--road", Self.amsterdam.path, "--out", road.path,
                                         "--time-limit", "4", "--threads", "2"])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertTrue(compare.stderr.contains("contraction hierarchy built"), compare.stderr)
        XCTAssertTrue(compare.stderr.contains("points (roads of \(Self.amsterdam.path))"), compare.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: road.appendingPathComponent("summary.json").path))
        let routes = try CLIRunner.run(["routes", region.path, "--day", "mon", "--road", Self.amsterdam.path,
                                        "--out", road.path, "--time-limit", "2"])
        XCTAssertEqual(routes.status, 0, routes.stderr)
        XCTAssertTrue(routes.stderr.contains("read from the cache"), routes.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: road.appendingPathComponent("routes.csv").path))
        let assign = try CLIRunner.run(["assign", region.path, "--road", Self.amsterdam.path, "--out", road.path])
        XCTAssertEqual(assign.status, 0, assign.stderr)
        XCTAssertEqual(try CLIRunner.run(["compare", region.path, "--out", crow.path, "--time-limit", "4", "--threads", "2", "--quiet"]).status, 0)
        func km(_ dir: URL) throws -> [Double] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as! [String: Any]
            return (json["scenarios"] as! [[String: Any]]).map { $0["km_per_week"] as! Double }
        }
        XCTAssertNotEqual(try km(road), try km(crow))
    }

    /// A client no road reaches is an input error (exit 2) naming that client.
    func testClientOutOfReachIsNamed() throws {
        let region = try amsterdamInstance(moveFirstClient: true)
        let first = try Self.rows(region.appendingPathComponent("clients.csv"))[0]["id"]!
        let r = try CLIRunner.run(["routes", region.path, "--day", "mon", "--road", Self.amsterdam.path,
                                   "--out", folder.appendingPathComponent("out").path, "--time-limit", "2"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("client \(first)"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/routes.csv").path))
    }
}

extension RoadScenarioTests {
    /// `analyze --road`: the JSON names the road model and its extract, and the direct-drive
    /// statistics differ from the crow-fly ones of the same instance.
    func testAnalyzeOverRoads() throws {
        let region = try amsterdamInstance()
        let r = try CLIRunner.run(["analyze", region.path, "--road", Self.amsterdam.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let model = json["travel_time_model"] as! [String: Any]
        XCTAssertEqual(model["kind"] as? String, "road")
        XCTAssertEqual(model["extract"] as? String, Self.amsterdam.path)
        let crow = try CLIRunner.run(["analyze", region.path, "--format", "json"])
        let crowJSON = try JSONSerialization.jsonObject(with: Data(crow.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((crowJSON["travel_time_model"] as! [String: Any])["kind"] as? String, "crow-fly")
        XCTAssertNotEqual(json["direct"] as? NSDictionary, crowJSON["direct"] as? NSDictionary)
    }
}

extension RoadScenarioTests {
    /// Ctrl-C while the road matrix is being prepared (graph or contraction hierarchy, several
    /// seconds in a debug build): exit 130, no hierarchy finished, the earlier output file unchanged
    /// and no snapping report written.
    func testInterruptedRoadMatrixStopsInThePreprocessing() throws {
        let liechtenstein = CLIRunner.sharedInstances.appendingPathComponent("osm/liechtenstein-latest.osm.pbf")
        let points = folder.appendingPathComponent("vaduz.csv")
        try (["id,lat,lon"] + (0..<200).map { k in String(format: "V%03d,%.5f,%.5f", k, 47.13 + Double(k % 20) * 0.001, 9.51 + Double(k / 20) * 0.002) })
            .joined(separator: "\n").appending("\n").write(to: points, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("m.csv")
        try "previous".write(to: out, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CLIRunner.productsDirectory.appendingPathComponent("dagroute")
        process.arguments = ["matrix", "--points", points.path, "--road", liechtenstein.path, "--out", out.path, "--threads", "1"]
        let err = Pipe()   // a few progress lines: far below the pipe's buffer
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(1_500_000)
        XCTAssertTrue(process.isRunning, "the road matrix ended before it could be interrupted")
        process.interrupt()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(stderr.contains("interrupted"), stderr)
        XCTAssertFalse(stderr.contains("contraction hierarchy built"), stderr)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "previous")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path + ".snap.csv"))
    }
}
