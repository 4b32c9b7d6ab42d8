import Foundation
import XCTest

/// `dagroute solve --format orlib-gap|orlib-cap`, run as a user would, against published optima.
final class SolveORLibraryTests: XCTestCase {
    func path(_ relative: String) -> String { CLIRunner.sharedInstances.appendingPathComponent(relative).path }

    func json(_ r: CLIResult) throws -> [String: Any] {
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "exactly one JSON object on stdout: \(r.stdout)")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func testGAPProblemReachesPublishedMaximumWithValidAssignment() throws {
        let r = try CLIRunner.run(["solve", path("gap/orlib/gap1.txt"), "--format", "orlib-gap", "--problem", "3", "--sense", "max", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try json(r)
        XCTAssertEqual(o["instance"] as? String, "gap1#3")
        XCTAssertEqual(o["status"] as? String, "optimal")
        XCTAssertEqual(o["feasible"] as? Bool, true)
        XCTAssertEqual(o["objective"] as? Double, 339) // known_values.csv gap_max gap1#3
        XCTAssertNotNil(o["time_s"] as? Double)
        // Re-check the decision against the file: gap1 problem 3's costs, resources and capacities.
        let assignment = try XCTUnwrap(o["assignment"] as? [Int])
        let numbers = try String(contentsOfFile: path("gap/orlib/gap1.txt"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).map { Int($0)! }
        var k = 1, m = 0, n = 0
        for problem in 1...3 {
            m = numbers[k]; n = numbers[k + 1]; k += 2
            if problem < 3 { k += 2 * m * n + m }
        }
        let cost = numbers[k..<k + m * n].map { $0 }, resource = numbers[k + m * n..<k + 2 * m * n].map { $0 }
        let capacity = Array(numbers[k + 2 * m * n..<k + 2 * m * n + m])
        XCTAssertEqual(assignment.count, n)
        var used = [Int](repeating: 0, count: m), total = 0
        for (j, i) in assignment.enumerated() { used[i] += resource[i * n + j]; total += cost[i * n + j] }
        XCTAssertEqual(total, 339)
        for i in 0..<m { XCTAssertLessThanOrEqual(used[i], capacity[i]) }
    }

    func testChuBeasleyGapc1ReachesItsKnownOptimumWithProof() throws {
        // gapc#1 (5 agents × 100 jobs): known optimum 1931 (known_values.csv); a few seconds in debug.
        let r = try CLIRunner.run(["solve", path("gap/orlib/gapc.txt"), "--format", "orlib-gap", "--problem", "1",
                                   "--time-limit", "120", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try json(r)
        XCTAssertEqual(o["instance"] as? String, "gapc#1")
        XCTAssertEqual(o["status"] as? String, "optimal")
        XCTAssertEqual(o["objective"] as? Double, 1931)
        XCTAssertEqual(o["best_bound"] as? Double, 1931)
        // Re-check from the file: problem 1 is the first block after the problem count.
        let numbers = try String(contentsOfFile: path("gap/orlib/gapc.txt"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).map { Int($0)! }
        let (m, n) = (numbers[1], numbers[2])
        let cost = Array(numbers[3..<3 + m * n]), resource = Array(numbers[3 + m * n..<3 + 2 * m * n])
        let capacity = Array(numbers[3 + 2 * m * n..<3 + 2 * m * n + m])
        let assignment = try XCTUnwrap(o["assignment"] as? [Int])
        XCTAssertEqual(assignment.count, n)
        var used = [Int](repeating: 0, count: m), total = 0
        for (j, i) in assignment.enumerated() { used[i] += resource[i * n + j]; total += cost[i * n + j] }
        XCTAssertEqual(total, 1931)
        for i in 0..<m { XCTAssertLessThanOrEqual(used[i], capacity[i]) }
    }

    func testGAPMinimisationIsTheDefaultSense() throws {
        let r = try CLIRunner.run(["solve", path("gap/orlib/gap1.txt"), "--format", "orlib-gap", "--json"])
        XCTAssertEqual(try json(r)["objective"] as? Double, 261) // gap_min gap1#1
    }

    func testCFLPReachesPublishedOptimum() throws {
        let r = try CLIRunner.run(["solve", path("cflp/orlib/cap41.txt"), "--format", "orlib-cap", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try json(r)
        XCTAssertEqual(o["instance"] as? String, "cap41")
        XCTAssertEqual(o["status"] as? String, "optimal")
        XCTAssertEqual(try XCTUnwrap(o["objective"] as? Double), 1040444.375, accuracy: 1e-3)
        let open = try XCTUnwrap(o["open"] as? [Int])
        XCTAssertFalse(open.isEmpty)
        XCTAssertTrue(open.allSatisfy { (0..<16).contains($0) })
    }

    func testTextSummaryAndProblemOutOfRange() throws {
        let text = try CLIRunner.run(["solve", path("gap/orlib/gap1.txt"), "--format", "orlib-gap", "--problem", "2"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("status optimal") && text.stdout.contains("objective 269"), text.stdout)
        let bad = try CLIRunner.run(["solve", path("gap/orlib/gap1.txt"), "--format", "orlib-gap", "--problem", "9"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("expected a problem number in 1…5, found 9"), bad.stderr)
    }

    func testCapaWithoutCapacityIsAnInputErrorNamingTheOption() throws {
        let r = try CLIRunner.run(["solve", path("cflp/orlib/capa.txt"), "--format", "orlib-cap", "--json"])
        XCTAssertEqual(r.status, 2)
        let o = try json(r)
        let error = try XCTUnwrap(o["error"] as? [String: Any])
        XCTAssertEqual(error["kind"] as? String, "input")
        XCTAssertTrue((error["message"] as? String ?? "").contains("capa.txt:2:2"), "\(error)")
        XCTAssertTrue((error["message"] as? String ?? "").contains("--capacity"), "\(error)")
    }

    func testBadFileReportsLineAndColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "1\n1 2\n4 x\n1 1\n2\n".write(to: dir.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["solve", "bad.txt", "--format", "orlib-gap"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.txt:3:3: error: expected an integer"), r.stderr)
    }

    func testInfeasibleProblemIsAResultNotAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // One agent with capacity 5; two jobs needing 3 each.
        try "1\n1 2\n1 1\n3 3\n5\n".write(to: dir.appendingPathComponent("tight.txt"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["solve", "tight.txt", "--format", "orlib-gap", "--json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try json(r)
        XCTAssertEqual(o["status"] as? String, "infeasible")
        XCTAssertEqual(o["feasible"] as? Bool, false)
        XCTAssertNil(o["assignment"])
    }

    func testTinyTimeLimitOnHardProblemNeverCrashes() throws {
        let r = try CLIRunner.run(["solve", path("gap/orlib/gapd.txt"), "--format", "orlib-gap", "--time-limit", "0.05", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try json(r)
        XCTAssertTrue(["feasible", "time_limit"].contains(o["status"] as? String ?? ""), "\(o)")
        if o["feasible"] as? Bool == true {
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(o["objective"] as? Double), 6353) // gapd#1 optimum
            XCTAssertEqual((o["assignment"] as? [Int])?.count, 100)
        }
    }
}
