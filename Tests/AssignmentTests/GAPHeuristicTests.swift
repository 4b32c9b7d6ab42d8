@testable import Assignment
import DagrouteCore
import Formats
import GLPK
import SharedInstances
import XCTest

/// The GAP primal heuristic (`GAPTabuSearch`, `GAPSubproblemSearch`) and the heuristic + MIP
/// engine against exhaustive enumeration on tiny random problems and against published optima.
final class GAPHeuristicTests: XCTestCase {
    func gap(_ p: ORLibraryGAPProblem, _ sense: Sense) -> GeneralizedAssignmentProblem {
        GeneralizedAssignmentProblem(cost: p.cost.map { $0.map(Double.init) }, resource: p.resource.map { $0.map(Double.init) },
                                     capacity: p.capacity.map(Double.init), sense: sense)
    }

    /// The optimum by enumerating every assignment (independent of the solver), nil if infeasible.
    func bruteForce(_ p: GeneralizedAssignmentProblem) -> Double? {
        var best: Double?
        var agentOf = [Int](repeating: 0, count: p.jobs)
        func visit(_ j: Int, _ load: [Double], _ cost: Double) {
            if j == p.jobs {
                if best.map({ p.sense == .minimize ? cost < $0 : cost > $0 }) ?? true { best = cost }
                return
            }
            for i in 0..<p.agents where load[i] + p.resource[i][j] <= p.capacity[i] {
                var l = load; l[i] += p.resource[i][j]; agentOf[j] = i
                visit(j + 1, l, cost + p.cost[i][j])
            }
        }
        visit(0, [Double](repeating: 0, count: p.agents), 0)
        return best
    }

    /// Objective of an assignment and whether it keeps every capacity, recomputed from the data.
    func recheck(_ p: GeneralizedAssignmentProblem, _ agentOf: [Int]) -> (objective: Double, feasible: Bool) {
        var load = [Double](repeating: 0, count: p.agents)
        var cost = 0.0
        for (j, i) in agentOf.enumerated() { load[i] += p.resource[i][j]; cost += p.cost[i][j] }
        return (cost, agentOf.count == p.jobs && (0..<p.agents).allSatisfy { load[$0] <= p.capacity[$0] })
    }

    func randomProblem(_ rng: inout SeededGenerator, sense: Sense) -> GeneralizedAssignmentProblem {
        let m = Int.random(in: 1...3, using: &rng), n = Int.random(in: 1...7, using: &rng)
        let cost = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...30, using: &rng)) } }
        let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...12, using: &rng)) } }
        // From tight (often infeasible) to loose capacities.
        let capacity = (0..<m).map { i in (resource[i].reduce(0, +) * Double.random(in: 0.2...0.9, using: &rng)).rounded() }
        return GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: sense)
    }

    func testHeuristicAndMIPEqualBruteForceOnTinyRandomProblems() throws {
        var rng = SeededGenerator(seed: 7)
        var feasibleCount = 0
        for k in 0..<300 {
            let p = randomProblem(&rng, sense: k % 2 == 0 ? .minimize : .maximize)
            let name = "case \(k): \(p)"
            let optimum = bruteForce(p)
            // The engine as `dagroute solve` runs it (heuristic first incumbent), and plain GLPK
            // branch-and-cut without it (the objective cut and the integral stop then do the pruning).
            let withHeuristic = try GeneralizedAssignment.solve(p)
            let plain = try GeneralizedAssignment.solve(p, parameters: MIPParameters(rootHeuristic: { _ in nil }))
            for r in [withHeuristic, plain] {
                guard let optimum else {
                    XCTAssertEqual(r.status, .infeasible, name)
                    continue
                }
                XCTAssertEqual(r.status, .optimal, name)
                XCTAssertEqual(r.objective, optimum, name)
                let check = recheck(p, try XCTUnwrap(r.agentOfJob, name))
                XCTAssertTrue(check.feasible, name)
                XCTAssertEqual(check.objective, optimum, name)
            }
            guard let optimum else { continue }
            feasibleCount += 1
            // The tabu search alone: feasible whenever it answers, never better than the optimum.
            let search = GAPTabuSearch(p)
            if let start = search.start(weight: nil), let found = search.search(from: start, iterations: 200, deadline: nil, seed: 3) {
                let check = recheck(p, found)
                XCTAssertTrue(check.feasible, name)
                XCTAssertTrue(p.sense == .minimize ? check.objective >= optimum : check.objective <= optimum, name)
            }
        }
        XCTAssertGreaterThan(feasibleCount, 100, "the generator gives feasible and infeasible cases")
    }

    func testHeuristicAloneReachesKnownValuesOfSmallORLibraryProblems() throws {
        // gap1 (5 × 15) in both senses: the heuristic alone finds every optimum.
        for k in 1...5 {
            for sense in [Sense.minimize, .maximize] {
                let file = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gap1.txt"))[k - 1]
                let p = gap(file, sense)
                let known = try XCTUnwrap(SharedInstances.value(sense == .maximize ? "gap_max" : "gap_min", "gap1#\(k)"))
                let search = GAPTabuSearch(p)
                let found = try XCTUnwrap(search.search(from: try XCTUnwrap(search.start(weight: nil)),
                                                        iterations: GeneralizedAssignment.heuristicIterations(jobs: p.jobs),
                                                        deadline: nil, seed: 1))
                let improved = GAPSubproblemSearch.improve(p, found, rounds: 20, deadline: nil, seed: 1)
                let check = checkedGAPObjective(file, improved)
                XCTAssertEqual(check.violations, [], "gap1#\(k) \(sense)")
                XCTAssertEqual(Double(check.objective), known, "gap1#\(k) \(sense)")
            }
        }
    }

    func testHeuristicOnGapaIsFeasibleAndWithinHalfAPercent() throws {
        // gapa#1 (5 × 100, Chu–Beasley type A): tabu search + sub-MIPs under an iteration budget.
        let file = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapa.txt"))[0]
        let p = gap(file, .minimize)
        let known = try XCTUnwrap(SharedInstances.value("gap_min", "gapa#1"))
        let search = GAPTabuSearch(p)
        let found = try XCTUnwrap(search.search(from: try XCTUnwrap(search.start(weight: nil)), iterations: 2_000, deadline: nil, seed: 1))
        let improved = GAPSubproblemSearch.improve(p, found, rounds: 20, deadline: nil, seed: 1)
        let check = checkedGAPObjective(file, improved)
        XCTAssertEqual(check.violations, [])
        XCTAssertGreaterThanOrEqual(Double(check.objective), known)
        XCTAssertLessThanOrEqual(Double(check.objective), known * 1.005)
        XCTAssertLessThanOrEqual(check.objective, checkedGAPObjective(file, found).objective, "sub-MIPs never make it worse")
        // The same budget and seed give the same answer.
        let again = GAPSubproblemSearch.improve(p, try XCTUnwrap(search.search(from: try XCTUnwrap(search.start(weight: nil)),
                                                                               iterations: 2_000, deadline: nil, seed: 1)),
                                                rounds: 20, deadline: nil, seed: 1)
        XCTAssertEqual(again, improved)
    }

    func testGapc1IsSolvedToItsKnownOptimum() throws {
        // gapc#1 (5 × 100, type C): heuristic incumbent, then GLPK proves it (a few seconds in debug).
        let file = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapc.txt"))[0]
        let known = try XCTUnwrap(SharedInstances.value("gap_min", "gapc#1"))
        let r = try GeneralizedAssignment.solve(gap(file, .minimize), parameters: MIPParameters(timeLimit: 120))
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(r.objective, known)
        let check = checkedGAPObjective(file, try XCTUnwrap(r.agentOfJob))
        XCTAssertEqual(check.violations, [])
        XCTAssertEqual(Double(check.objective), known)
        XCTAssertNotNil(r.heuristicObjective)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(r.heuristicObjective), known)
    }
}
