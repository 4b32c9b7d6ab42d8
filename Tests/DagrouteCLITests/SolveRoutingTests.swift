import Foundation
import XCTest

/// `dagroute solve --format vrplib|cordeau` end to end: small instances with known optima reached
/// within a fixed iteration budget (DAGROUTE_MAX_ITERATIONS; deterministic for a seed), the routes
/// re-checked here by independent code (own `.vrp` parsing, capacities, coverage, cost).
final class SolveRoutingTests: XCTestCase {
    override func setUp() { setenv("DAGROUTE_MAX_ITERATIONS", "5000", 1) }
    override func tearDown() { unsetenv("DAGROUTE_MAX_ITERATIONS") }

    private func json(_ r: CLIResult) throws -> [String: Any] {
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout)
    }

    /// Independent CVRPLIB check: every customer once, capacity per route, cost with nint distances.
    private func checkCVRP(_ file: URL, routes: [[Int]]) throws -> Int {
        let text = try String(contentsOf: file, encoding: .utf8)
        var coords: [Int: (Double, Double)] = [:], demand: [Int: Int] = [:], capacity = 0, section = ""
        for line in text.split(whereSeparator: \.isNewline) {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let head = f.first else { continue }
            if head.hasSuffix("SECTION") { section = head; continue }
            if head.hasPrefix("CAPACITY") { capacity = Int(f.last!)! }
            if let id = Int(head) {
                if section == "NODE_COORD_SECTION" { coords[id] = (Double(f[1])!, Double(f[2])!) }
                if section == "DEMAND_SECTION" { demand[id] = Int(f[1])! }
            }
        }
        func d(_ a: Int, _ b: Int) -> Int {
            let (p, q) = (coords[a]!, coords[b]!)
            return Int((((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1)).squareRoot() + 0.5).rounded(.down))
        }
        XCTAssertEqual(routes.flatMap { $0 }.sorted(), Array(2...coords.count), "every customer exactly once")
        var cost = 0
        for r in routes {
            XCTAssertLessThanOrEqual(r.reduce(0) { $0 + demand[$1]! }, capacity)
            var at = 1
            for c in r { cost += d(at, c); at = c }
            cost += d(at, 1)
        }
        return cost
    }

    func testCVRPOptimaWithSolutionFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-solve-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, optimum) in [("P/P-n16-k8", 450)] {
            let file = CLIRunner.sharedInstances.appendingPathComponent("cvrp/\(name).vrp")
            let sol = dir.appendingPathComponent("out.sol")
            let out = try json(CLIRunner.run(["solve", file.path, "--format", "vrplib", "--seed", "1", "--threads", "1",
                                              "--time-limit", "600", "--json", "--solution-out", sol.path]))
            XCTAssertEqual(out["objective"] as? Double, Double(optimum), name)
            XCTAssertEqual(out["feasible"] as? Bool, true)
            let routes = try XCTUnwrap(out["routes"] as? [[Int]])
            XCTAssertEqual(try checkCVRP(file, routes: routes), optimum, name)
            let written = try String(contentsOf: sol, encoding: .utf8)
            XCTAssertTrue(written.hasSuffix("Cost \(optimum)\n"), written)
            XCTAssertTrue(written.hasPrefix("Route #1: " + routes[0].map { String($0 - 1) }.joined(separator: " ") + "\n"), written)
        }
    }

    func testCordeauA216Optimum() throws {
        let file = CLIRunner.sharedInstances.appendingPathComponent("darp/cordeau2006/a2-16.txt")
        setenv("DAGROUTE_MAX_ITERATIONS", "2000", 1)
        let out = try json(CLIRunner.run(["solve", file.path, "--format", "cordeau", "--seed", "1", "--threads", "1", "--json"]))
        XCTAssertEqual(try XCTUnwrap(out["objective"] as? Double), 294.25, accuracy: 0.005)
        let routes = try XCTUnwrap(out["routes"] as? [[Int]])
        XCTAssertLessThanOrEqual(routes.count, 2)
        XCTAssertEqual(routes.flatMap { $0 }.sorted(), Array(1...32))
        for r in routes {
            for i in 1...16 where r.contains(i) {
                XCTAssertLessThan(try XCTUnwrap(r.firstIndex(of: i)), try XCTUnwrap(r.firstIndex(of: i + 16)), "pickup \(i) before its drop-off")
            }
        }
    }

    func testBadFileIsAnInputErrorWithItsLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-bad-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.txt")
        try "2 1 480 3 30\n0 0 0 0 0 0 480\n1 1 1 3 one 0 1440\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["solve", bad.path, "--format", "cordeau"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.txt:3:9"), r.stderr)
        XCTAssertTrue(r.stderr.contains("expected a load (an integer), found 'one'"), r.stderr)
    }
}
