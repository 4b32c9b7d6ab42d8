@testable import Assignment
import DagrouteCore
import Formats
import GLPK
import SharedInstances
import XCTest

/// The incumbents `GAPLagrangianBranching` meets inside its tree (the nodes' repaired knapsacks and
/// its leaves) and its one-tree search below an incumbent (`improve`).
final class GAPBranchingIncumbentTests: XCTestCase {
    /// A few nodes of the branching on gapc#1 and gapd#1 (asking for the known optimum less one, so
    /// the search cannot stop at a first answer): the incumbent met inside is a valid assignment
    /// re-checked from the file, worth what the branching says and no better than the optimum.
    func testIncumbentFromInsideTheBranchingIsAValidAssignment() throws {
        for (file, k) in [("gapc", 1), ("gapd", 1)] {
            let name = "\(file)#\(k)"
            let f = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/\(file).txt"))[k - 1]
            let p = GeneralizedAssignmentProblem(cost: f.cost.map { $0.map(Double.init) }, resource: f.resource.map { $0.map(Double.init) },
                                                 capacity: f.capacity.map(Double.init), sense: .minimize)
            let known = try XCTUnwrap(SharedInstances.value("gap_min", name))
            let allowed = (0..<p.agents).flatMap { i in (0..<p.jobs).map { p.resource[i][$0] <= p.capacity[i] } }
            let lp = try GeneralizedAssignment.model(p, allowed: allowed).model.solveLP(LPParameters(presolve: false, dualSimplex: true))
            var branching = GAPLagrangianBranching(p, integral: true, deadline: nil, maximumNodes: 3)
            XCTAssertEqual(branching.search(kept: allowed, limit: known - 1, multipliers: (0..<p.jobs).map { lp.duals[$0] }), .stopped, name)
            let a = try XCTUnwrap(branching.incumbent, "no incumbent inside the branching of \(name)")
            let check = checkedGAPObjective(f, a)
            XCTAssertEqual(check.violations, [], name)
            XCTAssertEqual(Double(check.objective), branching.incumbentValue, name)
            XCTAssertGreaterThanOrEqual(Double(check.objective), known, name)
        }
    }

    /// The one-tree search on tiny random problems (both senses) against enumeration: from the
    /// worst feasible assignment as the incumbent, the exhausted tree leaves an optimal one; from an
    /// optimal one it stays. Infeasible problems have no incumbent to start from and are skipped.
    func testOneTreeSearchEqualsEnumerationOnTinyRandomProblems() {
        var rng = SeededGenerator(seed: 17)
        var checked = 0
        for case_ in 0..<200 {
            let m = Int.random(in: 1...3, using: &rng), n = Int.random(in: 1...7, using: &rng)
            let cost = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...30, using: &rng)) } }
            let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...12, using: &rng)) } }
            let capacity = (0..<m).map { i in (resource[i].reduce(0, +) * Double.random(in: 0.2...0.9, using: &rng)).rounded() }
            let sense: Sense = case_ % 2 == 0 ? .minimize : .maximize
            let p = GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: sense)
            let sign = sense == .minimize ? 1.0 : -1.0
            let name = "case \(case_): \(p)"
            // Enumeration (minimisation form): the best and the worst feasible assignment.
            guard let (best, worst) = GAPEnumeration.extremes(cost: cost, resource: resource, capacity: capacity, sign: sign) else { continue }
            let (optimum, optimal) = best, poor = worst.assignment
            let allowed = (0..<m).flatMap { i in (0..<n).map { resource[i][$0] <= capacity[i] } }
            for start in [poor, optimal] {
                var branching = GAPLagrangianBranching(p, integral: true, deadline: nil)
                branching.offer(start)
                XCTAssertEqual(branching.improve(kept: allowed, multipliers: [Double](repeating: 0, count: n)), .none, name)
                let a = branching.incumbent!
                var load = [Double](repeating: 0, count: m)
                for (j, i) in a.enumerated() { load[i] += resource[i][j] }
                XCTAssertTrue((0..<m).allSatisfy { load[$0] <= capacity[$0] }, name)
                XCTAssertEqual(sign * a.enumerated().reduce(0) { $0 + cost[$1.element][$1.offset] }, optimum, name)
                XCTAssertEqual(branching.incumbentValue, optimum, name)
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }
}

/// Held-back problems of the gapd family's kind (Chu & Beasley type D, generated here: resources
/// 1–100, cost 111 − resource ± 10, capacities 80 % of the mean load): the engine (Lagrangian
/// branching with its in-tree incumbents and one-tree phase) proves the same optimum as plain GLPK
/// branch-and-cut, and its assignment is feasible and worth its objective.
final class GAPTypeDTests: XCTestCase {
    func testGeneratedTypeDProblemsEqualPlainBranchAndCut() throws {
        var rng = SeededGenerator(seed: 23)
        for (m, n) in [(3, 18), (4, 20), (5, 22)] {
            let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...100, using: &rng)) } }
            let cost = resource.map { $0.map { 111 - $0 + Double(Int.random(in: -10...10, using: &rng)) } }
            let capacity = resource.map { (0.8 * $0.reduce(0, +) / Double(m)).rounded(.down) }
            let p = GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: .minimize)
            let name = "type D \(m) × \(n)"
            let engine = try GeneralizedAssignment.solve(p, parameters: MIPParameters(timeLimit: 120))
            var plain = MIPParameters(timeLimit: 120)
            plain.rootHeuristic = { _ in nil }
            let glpk = try GeneralizedAssignment.solve(p, parameters: plain)
            XCTAssertEqual(engine.status, .optimal, name)
            XCTAssertEqual(glpk.status, .optimal, name)
            XCTAssertEqual(engine.objective, glpk.objective, name)
            let a = try XCTUnwrap(engine.agentOfJob, name)
            var load = [Double](repeating: 0, count: m)
            for (j, i) in a.enumerated() { load[i] += resource[i][j] }
            XCTAssertTrue((0..<m).allSatisfy { load[$0] <= capacity[$0] }, name)
            XCTAssertEqual(a.enumerated().reduce(0) { $0 + cost[$1.element][$1.offset] }, engine.objective, name)
        }
    }
}
