@testable import Assignment
import DagrouteCore
import Formats
import GLPK
import SharedInstances
import XCTest

/// `GAPSuspectJobs` against knapsacks solved by enumeration, and the agent-subset search whose
/// rounds alternate with suspect-job rounds against GLPK's optimum and on gapd#5 re-checked from the file.
final class GAPSuspectJobsTests: XCTestCase {
    /// Tiny random problems with random multipliers: a job is a suspect exactly when the best subset
    /// of its agent's knapsack (profit u(j) − cost, within the capacity; jobs with one fitting agent
    /// held there by force), found by enumerating every subset, leaves it out.
    func testSuspectsEqualEnumeratedKnapsacks() throws {
        var rng = SeededGenerator(seed: 57)
        var suspectsSeen = 0, othersSeen = 0
        for case_ in 0..<60 {
            let m = Int.random(in: 2...3, using: &rng), n = Int.random(in: 3...8, using: &rng)
            let cost = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...30, using: &rng)) } }
            let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...12, using: &rng)) } }
            let capacity = (0..<m).map { i in (resource[i].reduce(0, +) * Double.random(in: 0.3...0.7, using: &rng)).rounded() }
            let p = GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: .minimize)
            // Irrational-looking multipliers: no two subsets tie.
            let u = (0..<n).map { _ in Double.random(in: 0...40, using: &rng) + 0.001 * Double.random(in: 0...1, using: &rng) }
            let fitting = (0..<n).map { j in (0..<m).filter { resource[$0][j] <= capacity[$0] } }
            guard fitting.allSatisfy({ !$0.isEmpty }) else { continue }
            let suspects = try XCTUnwrap(GAPSuspectJobs(p, multipliers: u))
            var taken = [[Bool]](repeating: [Bool](repeating: false, count: n), count: m)
            for i in 0..<m {
                let forced = (0..<n).filter { fitting[$0] == [i] }
                let free = (0..<n).filter { fitting[$0].count > 1 && fitting[$0].contains(i) }
                let room = capacity[i] - forced.reduce(0) { $0 + resource[i][$1] }
                var best = (value: 0.0, set: 0)
                for set in 0..<(1 << free.count) {
                    let members = free.indices.filter { set & (1 << $0) != 0 }.map { free[$0] }
                    guard members.reduce(0, { $0 + resource[i][$1] }) <= room else { continue }
                    let value = members.reduce(0) { $0 + u[$1] - cost[i][$1] }
                    if value > best.value + 1e-9 { best = (value, set) }
                }
                for j in forced { taken[i][j] = true }
                for (t, j) in free.enumerated() where best.set & (1 << t) != 0 { taken[i][j] = true }
            }
            let assignment = (0..<n).map { fitting[$0][Int.random(in: 0..<fitting[$0].count, using: &rng)] }
            for j in 0..<n {
                XCTAssertEqual(suspects.isSuspect(j, in: assignment), !taken[assignment[j]][j], "case \(case_), job \(j)")
                if taken[assignment[j]][j] { othersSeen += 1 } else { suspectsSeen += 1 }
            }
        }
        XCTAssertGreaterThan(suspectsSeen, 50)
        XCTAssertGreaterThan(othersSeen, 50)
    }

    /// gapd#5 (100 jobs): a round's jobs are `jobsPerRound` distinct jobs in order, the suspects
    /// first: every suspect when there are fewer, only suspects otherwise.
    func testPickTakesTheSuspectsFirst() throws {
        let p = try gapd5()
        var rng = SeededGenerator(seed: 5)
        let tabu = GAPTabuSearch(p)
        let start = try XCTUnwrap(tabu.search(from: try XCTUnwrap(tabu.start(weight: nil)), iterations: 300, deadline: nil, seed: 1))
        for scale in [0.0, 20.0, 60.0] {
            let u = (0..<p.jobs).map { j in scale + Double((0..<p.agents).map { p.cost[$0][j] }.min()!) }
            let suspects = try XCTUnwrap(GAPSuspectJobs(p, multipliers: u))
            let all = (0..<p.jobs).filter { suspects.isSuspect($0, in: start) }
            let picked = suspects.pick(start, using: &rng)
            XCTAssertEqual(picked.count, GAPSuspectJobs.jobsPerRound)
            XCTAssertEqual(picked, picked.sorted())
            XCTAssertEqual(Set(picked).count, picked.count)
            let pickedSuspects = picked.filter { suspects.isSuspect($0, in: start) }.count
            XCTAssertEqual(pickedSuspects, min(all.count, GAPSuspectJobs.jobsPerRound), "scale \(scale): \(all.count) suspects")
        }
    }

    /// `GeneratedTypeD` (10 × 20): two alternating rounds
    /// (a few agents, then the suspect jobs over all agents) reach the optimum GLPK proves, feasible,
    /// and repeat for the same seed.
    func testAlternatingRoundsReachGLPKOptimum() throws {
        let d = try GeneratedTypeD()
        let p = d.problem
        let u = (0..<p.jobs).map { j in Double((0..<p.agents).map { p.cost[$0][j] }.min()!) + 20 }
        let run = { GAPAgentSubsetSearch.improve(p, d.start, multipliers: u, rounds: 2, stallRounds: 2, deadline: nil, seed: 3,
                                                 suspectJobs: true)?.assignment }
        let a = try XCTUnwrap(run())
        XCTAssertTrue(d.isFeasible(a))
        XCTAssertGreaterThan(GeneralizedAssignment.objective(p, d.start), d.optimum, "the search has work to do")
        XCTAssertEqual(GeneralizedAssignment.objective(p, a), d.optimum)
        XCTAssertEqual(run(), a, "same seed and budget, same assignment")
    }

    /// gapd#5 (20 × 100): two alternating rounds from the tabu search's point give a feasible
    /// assignment whose objective, recomputed from the file, is no worse than the start and no
    /// better than the known optimum.
    func testGapd5AlternatingAssignmentIsValidAndNoWorse() throws {
        let f = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapd.txt"))[4]
        let p = try gapd5()
        let known = try XCTUnwrap(SharedInstances.value("gap_min", "gapd#5"))
        let tabu = GAPTabuSearch(p)
        let start = try XCTUnwrap(tabu.search(from: try XCTUnwrap(tabu.start(weight: nil)), iterations: 500, deadline: nil, seed: 1))
        let u = (0..<p.jobs).map { j in Double((0..<p.agents).map { p.cost[$0][j] }.min()!) + 20 }
        let a = try XCTUnwrap(GAPAgentSubsetSearch.improve(p, start, multipliers: u, rounds: 2, stallRounds: 2, deadline: nil, seed: 1,
                                                           suspectJobs: true)?.assignment)
        let check = checkedGAPObjective(f, a)
        XCTAssertEqual(check.violations, [])
        XCTAssertLessThanOrEqual(check.objective, checkedGAPObjective(f, start).objective)
        XCTAssertGreaterThanOrEqual(Double(check.objective), known)
    }

    private func gapd5() throws -> GeneralizedAssignmentProblem {
        let f = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapd.txt"))[4]
        return GeneralizedAssignmentProblem(cost: f.cost.map { $0.map(Double.init) }, resource: f.resource.map { $0.map(Double.init) },
                                            capacity: f.capacity.map(Double.init), sense: .minimize)
    }
}
