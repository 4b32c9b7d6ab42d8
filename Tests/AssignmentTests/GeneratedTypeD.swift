@testable import Assignment
import DagrouteCore
import GLPK
import XCTest

/// A generated type D problem with more agents than an agent-subset round frees (10 × 20: resources
/// 1–100, cost 111 − resource ± 10, capacities 80 % of the mean load, as Chu & Beasley's), with the
/// optimum plain GLPK branch-and-cut proves and the tabu search's point (200 iterations, seed 1) that
/// the improvement searches start from.
struct GeneratedTypeD {
    let problem: GeneralizedAssignmentProblem
    let optimum: Double
    let start: [Int]

    init() throws {
        var rng = SeededGenerator(seed: 41)
        let (m, n) = (10, 20)
        let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...100, using: &rng)) } }
        let cost = resource.map { $0.map { 111 - $0 + Double(Int.random(in: -10...10, using: &rng)) } }
        let capacity = resource.map { (0.8 * $0.reduce(0, +) / Double(m)).rounded(.down) }
        problem = GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: .minimize)
        var plain = MIPParameters(timeLimit: 120)
        plain.rootHeuristic = { _ in nil }
        let glpk = try GeneralizedAssignment.solve(problem, parameters: plain)
        XCTAssertEqual(glpk.status, .optimal)
        optimum = try XCTUnwrap(glpk.objective)
        let tabu = GAPTabuSearch(problem)
        start = try XCTUnwrap(tabu.search(from: try XCTUnwrap(tabu.start(weight: nil)), iterations: 200, deadline: nil, seed: 1))
    }

    /// True when every agent's load, summed here from the resources, is within its capacity.
    func isFeasible(_ assignment: [Int]) -> Bool {
        var load = [Double](repeating: 0, count: problem.agents)
        for (j, i) in assignment.enumerated() { load[i] += problem.resource[i][j] }
        return (0..<problem.agents).allSatisfy { load[$0] <= problem.capacity[$0] }
    }
}
