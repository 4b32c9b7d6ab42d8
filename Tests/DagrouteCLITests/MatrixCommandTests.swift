import Foundation
import XCTest

final class MatrixCommandTests: XCTestCase {
    var dir: URL!
    let liechtenstein = CLIRunner.sharedInstances.appendingPathComponent("osm/liechtenstein-latest.osm.pbf").path

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The long-form CSV as [from: [to: (seconds, metres)]].
    func parse(_ path: String) throws -> [String: [String: (Int, Int)]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "from,to,seconds,metres")
        var m: [String: [String: (Int, Int)]] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            m[f[0], default: [:]][f[1]] = (Int(f[2])!, Int(f[3])!)
        }
        return m
    }

    func testCrowFlyCSVAndBinaryAgree() throws {
        let points = try write("p.csv", "id;lat;lon\nhome 1;52,2240;5,1760\nloc-B;52,2740;5,1610\nC;52,3080;5,0420\n")
        let csv = dir.appendingPathComponent("m.csv").path, bin = dir.appendingPathComponent("m.bin").path
        let r = try CLIRunner.run(["matrix", "--points", points, "--out", csv, "--threads", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("crow-fly matrix 3 × 3"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        let m = try parse(csv)
        XCTAssertEqual(m.count, 3)
        XCTAssertEqual(m["home 1"]!["home 1"]!.0, 0)
        // Hilversum → Bussum: 5.6 km crow-fly, 1.3 detour ≈ 7.3 road km.
        XCTAssertEqual(Double(m["home 1"]!["loc-B"]!.1), 7300, accuracy: 150)
        XCTAssertEqual(m["home 1"]!["loc-B"]!.0, m["loc-B"]!["home 1"]!.0)
        let rb = try CLIRunner.run(["matrix", "--points", points, "--out", bin, "--format", "bin", "--quiet"])
        XCTAssertEqual(rb.status, 0, rb.stderr)
        XCTAssertEqual(rb.stderr, "")
        let data = try Data(contentsOf: URL(fileURLWithPath: bin))
        XCTAssertEqual(Array(data.prefix(8)), Array("DGMATRIX".utf8))
        func int32(_ k: Int) -> Int { Int(Int32(bitPattern: UInt32(data[k]) | UInt32(data[k + 1]) << 8 | UInt32(data[k + 2]) << 16 | UInt32(data[k + 3]) << 24)) }
        XCTAssertEqual(int32(12), 3); XCTAssertEqual(int32(16), 3)
        XCTAssertEqual(int32(24 + 4 * 1), m["home 1"]!["loc-B"]!.0)           // seconds (0, 1)
        XCTAssertEqual(int32(24 + 36 + 4 * 5), m["loc-B"]!["C"]!.1)          // metres (1, 2)
    }

    func testBadPointsFileIsAnInputErrorWithLineAndColumn() throws {
        let points = try write("bad.csv", "id,lat,lon\nA,52.1,5.1\nB,north,5.2\n")
        let out = dir.appendingPathComponent("m.csv")
        let r = try CLIRunner.run(["matrix", "--points", points, "--out", out.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.csv:3:2"), r.stderr)
        XCTAssertTrue(r.stderr.contains("found \"north\""), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testDeviceAsOutputIsWrittenToAndLeftADevice() throws {
        let points = try write("p.csv", "id,lat,lon\nA,52.1,5.1\n")
        let r = try CLIRunner.run(["matrix", "--points", points, "--out", "/dev/null", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeCharacterSpecial)
    }

    func testFolderAsOutputIsAnInputError() throws {
        let points = try write("p.csv", "id,lat,lon\nA,52.1,5.1\n")
        let r = try CLIRunner.run(["matrix", "--points", points, "--out", dir.path, "--quiet"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("found a folder"), r.stderr)
    }

    func testRoadMatrixWithSnappingReport() throws {
        let points = try write("p.csv", "id,lat,lon\nVaduz,47.1410,9.5215\nSchaan,47.1650,9.5100\nBalzers,47.0660,9.5030\n")
        let out = dir.appendingPathComponent("r.csv").path
        let r = try CLIRunner.run(["matrix", "--points", points, "--road", liechtenstein, "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("contraction hierarchy"), r.stderr)
        let m = try parse(out)
        for a in ["Vaduz", "Schaan", "Balzers"] {
            XCTAssertEqual(m[a]![a]!.0, 0)
            for b in ["Vaduz", "Schaan", "Balzers"] where a != b {
                XCTAssertGreaterThan(m[a]![b]!.0, 60)
                XCTAssertLessThan(m[a]![b]!.0, 1800)
            }
        }
        // Vaduz–Balzers is about 8.4 km crow-fly: the road is longer.
        XCTAssertGreaterThan(m["Vaduz"]!["Balzers"]!.1, 8400)
        let snap = try String(contentsOfFile: out + ".snap.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(snap.first, "id,lat,lon,snapped_lat,snapped_lon,snap_metres")
        XCTAssertEqual(snap.count, 4)
        XCTAssertTrue(snap[1].hasPrefix("Vaduz,47.1410000,9.5215000,"))
    }

    func testHierarchyCacheIsReusedWithIdenticalResults() throws {
        let points = try write("p.csv", "id,lat,lon\nVaduz,47.1410,9.5215\nSchaan,47.1650,9.5100\n")
        let cache = dir.appendingPathComponent("cache").path
        let first = dir.appendingPathComponent("a.csv").path, second = dir.appendingPathComponent("b.csv").path
        let r1 = try CLIRunner.run(["matrix", "--points", points, "--road", liechtenstein, "--cache", cache, "--out", first])
        XCTAssertEqual(r1.status, 0, r1.stderr)
        XCTAssertTrue(r1.stderr.contains("contraction hierarchy built"), r1.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".dgch") }.count, 1)
        let r2 = try CLIRunner.run(["matrix", "--points", points, "--road", liechtenstein, "--cache", cache, "--out", second])
        XCTAssertEqual(r2.status, 0, r2.stderr)
        XCTAssertTrue(r2.stderr.contains("read from the cache"), r2.stderr)
        XCTAssertEqual(try String(contentsOfFile: first, encoding: .utf8), try String(contentsOfFile: second, encoding: .utf8))
    }

    func testPointWithoutRoadAndBrokenExtractAreInputErrors() throws {
        let points = try write("p.csv", "id,lat,lon\nVaduz,47.1410,9.5215\nFaraway,47.5,9.0\n")
        let out = dir.appendingPathComponent("r.csv").path
        let r = try CLIRunner.run(["matrix", "--points", points, "--road", liechtenstein, "--out", out, "--quiet"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("point Faraway"), r.stderr)
        let broken = dir.appendingPathComponent("broken.osm.pbf")
        try Data(try Data(contentsOf: URL(fileURLWithPath: liechtenstein)).prefix(5000)).write(to: broken)
        let rb = try CLIRunner.run(["matrix", "--points", points, "--road", broken.path, "--out", out, "--quiet"])
        XCTAssertEqual(rb.status, 2)
        XCTAssertTrue(rb.stderr.contains("truncated file"), rb.stderr)
    }

    func testGraphExportWritesNodesAndEdges() throws {
        let out = dir.appendingPathComponent("graph")
        let r = try CLIRunner.run(["graph", "export", "--road", liechtenstein, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let nodes = try String(contentsOf: out.appendingPathComponent("nodes.csv"), encoding: .utf8).split(separator: "\n")
        let edges = try String(contentsOf: out.appendingPathComponent("edges.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(nodes.first, "id,lat,lon"); XCTAssertEqual(edges.first, "from,to,seconds,metres")
        XCTAssertTrue(r.stdout.contains("wrote \(nodes.count - 1) nodes and \(edges.count - 1) edges"), r.stdout)
        XCTAssertGreaterThan(nodes.count, 10_000)
        // Every edge joins known nodes and has a non-negative time and length.
        for line in edges.dropFirst().prefix(2000) {
            let f = line.split(separator: ",")
            XCTAssertLessThan(Int(f[0])!, nodes.count - 1); XCTAssertLessThan(Int(f[1])!, nodes.count - 1)
            XCTAssertGreaterThanOrEqual(Double(f[2])!, 0); XCTAssertGreaterThanOrEqual(Double(f[3])!, 0)
        }
    }
}
