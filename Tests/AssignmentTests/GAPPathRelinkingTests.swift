@testable import Assignment
import DagrouteCore
import Formats
import GLPK
import SharedInstances
import XCTest

/// `GAPPathRelinking.combine` against GLPK's proven optimum, and on gapd#5 re-checked from the file.
final class GAPPathRelinkingTests: XCTestCase {
    /// `GeneratedTypeD` (20 jobs, fewer than a round frees): combining the tabu point with a second
    /// one frees every job, so a tree without a node limit reaches the optimum GLPK proves; the same
    /// seed gives the same assignment.
    func testCombiningTwoPointsReachesGLPKOptimum() throws {
        let d = try GeneratedTypeD()
        let p = d.problem
        let tabu = GAPTabuSearch(p)
        let other = try XCTUnwrap(tabu.search(from: try XCTUnwrap(tabu.start(weight: nil)), iterations: 50, deadline: nil, seed: 7))
        XCTAssertNotEqual(other, d.start)
        XCTAssertGreaterThan(min(GeneralizedAssignment.objective(p, d.start), GeneralizedAssignment.objective(p, other)), d.optimum,
                             "the combination has work to do")
        let u = (0..<p.jobs).map { j in Double((0..<p.agents).map { p.cost[$0][j] }.min()!) + 20 }
        let run = { GAPPathRelinking.combine(p, guide: d.start, other: other, multipliers: u, suspects: nil, nodes: .max,
                                             deadline: nil, seed: 3) }
        let a = try XCTUnwrap(run())
        XCTAssertTrue(d.isFeasible(a))
        XCTAssertEqual(GeneralizedAssignment.objective(p, a), d.optimum)
        XCTAssertEqual(run(), a, "same seed, same assignment")
    }

    /// gapd#5 (20 × 100): two tabu points from different seeds, combined with the suspects at
    /// cost-based multipliers within 300 nodes: nil or a feasible assignment whose objective,
    /// recomputed from the file, is below the guide's and no better than the known optimum; the
    /// jobs outside the freed ones keep the guide's agents, so it never moves more than 60 jobs.
    func testGapd5CombinationIsValidAndBetter() throws {
        let f = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapd.txt"))[4]
        let p = GeneralizedAssignmentProblem(cost: f.cost.map { $0.map(Double.init) }, resource: f.resource.map { $0.map(Double.init) },
                                             capacity: f.capacity.map(Double.init), sense: .minimize)
        let known = try XCTUnwrap(SharedInstances.value("gap_min", "gapd#5"))
        let tabu = GAPTabuSearch(p)
        let start = try XCTUnwrap(tabu.start(weight: nil))
        let guide = try XCTUnwrap(tabu.search(from: start, iterations: 500, deadline: nil, seed: 1))
        let other = try XCTUnwrap(tabu.search(from: start, iterations: 500, deadline: nil, seed: 2))
        let u = (0..<p.jobs).map { j in Double((0..<p.agents).map { p.cost[$0][j] }.min()!) + 20 }
        let suspects = try XCTUnwrap(GAPSuspectJobs(p, multipliers: u))
        guard let a = GAPPathRelinking.combine(p, guide: guide, other: other, multipliers: u, suspects: suspects, nodes: 300,
                                               deadline: nil, seed: 1) else { return }
        let check = checkedGAPObjective(f, a)
        XCTAssertEqual(check.violations, [])
        XCTAssertLessThan(check.objective, checkedGAPObjective(f, guide).objective)
        XCTAssertGreaterThanOrEqual(Double(check.objective), known)
        XCTAssertLessThanOrEqual((0..<p.jobs).filter { a[$0] != guide[$0] }.count, GAPPathRelinking.jobsPerRound)
    }
}
