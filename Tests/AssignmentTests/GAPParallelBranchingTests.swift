import DagrouteCore
import Formats
import SharedInstances
import XCTest
@testable import Assignment

/// `GAPLagrangianBranching.search` on several workers against one worker and against enumeration:
/// on small random GAPs whose trees have many nodes (zero start multipliers, costs falling with the
/// resource, tight capacities),
/// every thread count answers "yes" at the optimum with the same assignment (worth the optimum,
/// within the capacities) and the same incumbent, and "no" one below it with the same nodes — with
/// and without the nodes' tabu search (`tabuMovesPerJob`), which leaves the "no" trees unchanged.
final class GAPParallelBranchingTests: XCTestCase {
    func testParallelSearchEqualsOneWorkerAndEnumeration() {
        var rng = SeededGenerator(seed: 8)
        var nodesSeen = 0
        for case_ in 0..<40 {
            // Costs falling with the resource (as in Chu–Beasley type D): weak bounds, larger trees.
            let m = Int.random(in: 2...3, using: &rng), n = Int.random(in: 7...10, using: &rng)
            let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...15, using: &rng)) } }
            let cost = resource.map { $0.map { 50 - 3 * $0 + Double(Int.random(in: 0...6, using: &rng)) } }
            let total = (0..<n).reduce(0.0) { s, j in s + (0..<m).map { resource[$0][j] }.reduce(0, +) / Double(m) }
            let capacity = (0..<m).map { _ in (total / Double(m) * Double.random(in: 0.95...1.15, using: &rng)).rounded() }
            let p = GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: .minimize)
            let name = "case \(case_): \(p)"
            guard let optimum = GAPEnumeration.extremes(cost: cost, resource: resource, capacity: capacity, sign: 1)?.best.value
            else { continue }
            let allowed = (0..<m).flatMap { i in (0..<n).map { resource[i][$0] <= capacity[i] } }
            let start = [Double](repeating: 0, count: n)
            var answers: [(found: [Int]?, incumbent: [Int]?, noneNodes: Int)] = []
            for (threads, tabu) in [(1, 0.0), (2, 0.0), (3, 0.0), (1, 1.0), (2, 1.0)] {
                var yes = GAPLagrangianBranching(p, integral: true, deadline: nil, threads: threads, tabuMovesPerJob: tabu)
                guard case .found(let a) = yes.search(kept: allowed, limit: optimum, multipliers: start) else {
                    XCTFail("\(threads) threads: no assignment at the optimum: \(name)"); continue
                }
                var load = [Double](repeating: 0, count: m)
                for (j, i) in a.enumerated() { load[i] += resource[i][j] }
                XCTAssertTrue((0..<m).allSatisfy { load[$0] <= capacity[$0] }, name)
                XCTAssertEqual(a.enumerated().reduce(0) { $0 + cost[$1.element][$1.offset] }, optimum, name)
                var no = GAPLagrangianBranching(p, integral: true, deadline: nil, threads: threads, tabuMovesPerJob: tabu)
                XCTAssertEqual(no.search(kept: allowed, limit: optimum - 1, multipliers: start), .none, name)
                answers.append((a, yes.incumbent, no.nodes))
                nodesSeen += no.nodes
            }
            // The nodes' tabu search changes what a "yes" tree meets, not which nodes a "no" tree prunes.
            for k in answers.indices.dropFirst() {
                XCTAssertEqual(answers[k].noneNodes, answers[0].noneNodes, "thread counts or the tabu search change the tree: \(name)")
                let peer = k < 3 ? 0 : 3
                guard k != peer else { continue }
                XCTAssertEqual(answers[k].found, answers[peer].found, "thread counts disagree on the assignment: \(name)")
                XCTAssertEqual(answers[k].incumbent, answers[peer].incumbent, "thread counts disagree on the incumbent: \(name)")
            }
        }
        // The trees branch: the workers had nodes to share.
        XCTAssertGreaterThan(nodesSeen, 3 * 40 * 5)
    }

    /// Two workers on a tree far too large for the time (gapd#4 one below its optimum, from zero
    /// multipliers) stop at the deadline: `.stopped`, within two seconds of it (a debug build checks
    /// the clock every eight knapsack evaluations).
    func testParallelSearchStopsAtItsDeadline() throws {
        let f = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapd.txt"))[3]
        let p = GeneralizedAssignmentProblem(cost: f.cost.map { $0.map(Double.init) }, resource: f.resource.map { $0.map(Double.init) },
                                             capacity: f.capacity.map(Double.init), sense: .minimize)
        let known = try XCTUnwrap(SharedInstances.value("gap_min", "gapd#4"))
        let allowed = (0..<p.agents).flatMap { i in (0..<p.jobs).map { p.resource[i][$0] <= p.capacity[i] } }
        let started = Date()
        var tree = GAPLagrangianBranching(p, integral: true, deadline: started.addingTimeInterval(1), threads: 2)
        XCTAssertEqual(tree.search(kept: allowed, limit: known - 1, multipliers: [Double](repeating: 0, count: p.jobs)), .stopped)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    }
}
