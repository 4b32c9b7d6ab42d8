@testable import Assignment
import DagrouteCore
import Formats
import GLPK
import SharedInstances
import XCTest

/// `GAPAgentSubsetSearch` (every job of a few agents re-solved by the Lagrangian branching) against
/// enumeration, against GLPK's proven optimum and on an OR-Library type D file re-checked from the file.
final class GAPAgentSubsetSearchTests: XCTestCase {
    /// Tiny random problems (both senses), from the worst feasible assignment: a round frees every
    /// job (at most 3 agents), so the search must return an optimal assignment; it is feasible and
    /// its objective, recomputed here, equals enumeration's.
    func testEqualsEnumerationOnTinyRandomProblems() throws {
        var rng = SeededGenerator(seed: 31)
        var checked = 0
        for case_ in 0..<150 {
            let m = Int.random(in: 2...3, using: &rng), n = Int.random(in: 2...7, using: &rng)
            let cost = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...30, using: &rng)) } }
            let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...12, using: &rng)) } }
            let capacity = (0..<m).map { i in (resource[i].reduce(0, +) * Double.random(in: 0.3...0.9, using: &rng)).rounded() }
            let sense: Sense = case_ % 2 == 0 ? .minimize : .maximize
            let p = GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: sense)
            let sign = sense == .minimize ? 1.0 : -1.0
            let name = "case \(case_): \(p)"
            guard let (best, worst) = GAPEnumeration.extremes(cost: cost, resource: resource, capacity: capacity, sign: sign) else { continue }
            let optimum = best.value, poor = worst.assignment
            let a = try XCTUnwrap(GAPAgentSubsetSearch.improve(p, poor, multipliers: [Double](repeating: 0, count: n), rounds: 5,
                                                               stallRounds: 5, deadline: nil, seed: 1)?.assignment, name)
            var load = [Double](repeating: 0, count: m)
            for (j, i) in a.enumerated() { load[i] += resource[i][j] }
            XCTAssertTrue((0..<m).allSatisfy { load[$0] <= capacity[$0] }, name)
            XCTAssertEqual(sign * a.enumerated().reduce(0) { $0 + cost[$1.element][$1.offset] }, optimum, name)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 80)
    }

    /// `GeneratedTypeD` (10 × 20, more agents than a round frees): from the tabu search's point
    /// (1,336) the search reaches the optimum plain GLPK branch-and-cut proves (1,318), feasible, and
    /// repeats for the same seed and budget.
    func testTypeDNeighbourhoodsReachGLPKOptimum() throws {
        let d = try GeneratedTypeD()
        let startValue = GeneralizedAssignment.objective(d.problem, d.start)
        let run = { GAPAgentSubsetSearch.improve(d.problem, d.start, multipliers: [Double](repeating: 0, count: d.problem.jobs),
                                                 rounds: 40, stallRounds: 40, deadline: nil, seed: 3)?.assignment }
        let a = try XCTUnwrap(run())
        XCTAssertTrue(d.isFeasible(a))
        XCTAssertGreaterThan(startValue, d.optimum, "the search has work to do")
        XCTAssertEqual(GeneralizedAssignment.objective(d.problem, a), d.optimum,
                       "tabu search \(startValue), GLPK's proven optimum \(d.optimum)")
        XCTAssertEqual(run(), a, "same seed and budget, same assignment")
    }

    /// gapd#5 (20 × 100): a few rounds from the tabu search's point give a feasible assignment whose
    /// objective, recomputed from the file, is no worse than the start and no better than the known optimum.
    func testGapd5AssignmentIsValidAndNoWorse() throws {
        let f = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapd.txt"))[4]
        let p = GeneralizedAssignmentProblem(cost: f.cost.map { $0.map(Double.init) }, resource: f.resource.map { $0.map(Double.init) },
                                             capacity: f.capacity.map(Double.init), sense: .minimize)
        let known = try XCTUnwrap(SharedInstances.value("gap_min", "gapd#5"))
        let tabu = GAPTabuSearch(p)
        let start = try XCTUnwrap(tabu.search(from: try XCTUnwrap(tabu.start(weight: nil)), iterations: 500, deadline: nil, seed: 1))
        let a = try XCTUnwrap(GAPAgentSubsetSearch.improve(p, start, multipliers: [Double](repeating: 0, count: p.jobs), rounds: 3,
                                                           stallRounds: 3, deadline: nil, seed: 1)?.assignment)
        let check = checkedGAPObjective(f, a)
        XCTAssertEqual(check.violations, [])
        XCTAssertLessThanOrEqual(check.objective, checkedGAPObjective(f, start).objective)
        XCTAssertGreaterThanOrEqual(Double(check.objective), known)
    }
}
