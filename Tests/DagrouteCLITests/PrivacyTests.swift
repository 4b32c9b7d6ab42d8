import Foundation
import XCTest

/// dagroute never touches the network: the main commands succeed inside a network namespace
/// without interfaces (`unshare -n`), and under `strace` they make no socket or connect call at
/// all. Each part is skipped, with the reason, only where the tool is missing or not permitted.
final class PrivacyTests: XCTestCase {
    static let shared = CLIRunner.sharedInstances
    static var binary: String { CLIRunner.productsDirectory.appendingPathComponent("dagroute").path }

    /// The main commands, run in `folder` (which they write into).
    func mainCommands(in folder: URL) throws -> [[String]] {
        let points = folder.appendingPathComponent("points.csv")
        try "id,lat,lon\nA,52.370,4.890\nB,52.360,4.900\nC,52.375,4.880\n".write(to: points, atomically: true, encoding: .utf8)
        let region = folder.appendingPathComponent("region").path
        let pbf = Self.shared.appendingPathComponent("osm/amsterdam.osm.pbf").path
        return [
            ["generate", "--clients", "30", "--seed", "2", region],
            ["validate", region],
            ["solve", Self.shared.appendingPathComponent("cvrp/P/P-n16-k8.vrp").path, "--format", "vrplib", "--time-limit", "1",
             "--solution-out", folder.appendingPathComponent("p.sol").path],
            ["solve", Self.shared.appendingPathComponent("gap/orlib/gap1.txt").path, "--format", "orlib-gap", "--sense", "max"],
            ["matrix", "--points", points.path, "--out", folder.appendingPathComponent("crow.csv").path, "--quiet"],
            ["matrix", "--points", points.path, "--road", pbf, "--snap-radius", "5000",
             "--out", folder.appendingPathComponent("road.csv").path, "--quiet"],
            ["graph", "export", "--road", pbf, "--out", folder.appendingPathComponent("graph").path, "--quiet"],
        ]
    }

    func testMainCommandsSucceedWithoutANetwork() throws {
        let unshare = "/usr/bin/unshare"
        guard FileManager.default.isExecutableFile(atPath: unshare) else { throw XCTSkip("unshare is not installed") }
        let probe = try run(unshare, ["-n", "true"])
        if probe.status != 0 {
            throw XCTSkip("unshare -n is not permitted here (\(probe.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        let folder = try temporaryFolder()
        for arguments in try mainCommands(in: folder) {
            let r = try run(unshare, ["-n", Self.binary] + arguments)
            XCTAssertEqual(r.status, 0, "dagroute \(arguments.joined(separator: " ")) without a network: \(r.stderr)")
        }
        for name in ["region/clients.csv", "p.sol", "crow.csv", "road.csv", "graph/edges.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), name)
        }
    }

    func testMainCommandsMakeNoSocketCall() throws {
        let strace = "/usr/bin/strace"
        guard FileManager.default.isExecutableFile(atPath: strace) else { throw XCTSkip("strace is not installed") }
        let probe = try run(strace, ["-qq", "-o", "/dev/null", "true"])
        if probe.status != 0 {
            throw XCTSkip("strace is not permitted here (\(probe.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        let folder = try temporaryFolder()
        for (k, arguments) in try mainCommands(in: folder).enumerated() {
            let log = folder.appendingPathComponent("trace-\(k).log")
            let r = try run(strace, ["-f", "-qq", "-e", "trace=socket,socketpair,connect,bind,sendto", "-o", log.path, Self.binary] + arguments)
            XCTAssertEqual(r.status, 0, "dagroute \(arguments.joined(separator: " ")): \(r.stderr)")
            let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { !$0.contains("+++ exited") }
            XCTAssertEqual(calls, [], "dagroute \(arguments.joined(separator: " ")) made socket calls")
        }
    }

    // MARK: - helpers

    func run(_ executable: String, _ arguments: [String]) throws -> CLIResult {
        try CLIRunner.run(executable: URL(fileURLWithPath: executable), arguments)
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
