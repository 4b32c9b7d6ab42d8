import DagrouteCore
import Foundation
import GLPK

/// Large-neighbourhood search for the GAP with exact repairs: each round frees some jobs — in even
/// rounds every job of a few agents (about 50 jobs in all), in odd rounds 60 random jobs — keeps
/// the other jobs where they are, and solves the GAP of the freed jobs on what the kept jobs leave
/// of the capacities with GLPK, the current assignment as its first incumbent (random choices from
/// the seed). A round's answer is never worse, so the search only improves; it stops after
/// `stallLimit` rounds in a row without improvement, and on problems of at most 60 jobs it does
/// nothing (a round would be the whole problem).
/// Deterministic for a seed while every sub-MIP finishes within its slice of the deadline.
enum GAPSubproblemSearch {
    /// Rounds in a row without improvement after which the search stops.
    static let stallLimit = 60

    /// - Parameters:
    ///   - assignment: a feasible assignment (one agent per job, within capacities).
    ///   - allowed: agent-major (`i * jobs + j`); when given, the sub-MIPs use only these pairs
    ///     (the assignment's own pairs must be among them).
    ///   - rounds: the number of sub-MIPs.
    ///   - deadline: no round starts after it, and a round's MIP stops at it.
    ///   - target: a bound on the objective (e.g. the rounded LP value); the search stops on reaching it.
    static func improve(_ p: GeneralizedAssignmentProblem, _ assignment: [Int], allowed: [Bool]? = nil, rounds: Int,
                        deadline: Date?, seed: UInt64,
                        target: Double? = nil) -> [Int] {
        var rng = SeededGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        var current = assignment
        let perAgent = max(1.0, Double(p.jobs) / Double(p.agents))
        let freedAgents = min(p.agents, max(2, Int((50 / perAgent).rounded())))
        let freedJobs = 60
        // Freeing every job would re-solve the whole problem: that is the main MIP's work.
        guard freedAgents >= 2, p.jobs > freedJobs else { return current }
        var sinceImprovement = 0
        for round in 0..<rounds {
            if Cancellation.isRequested || sinceImprovement >= stallLimit { break }
            sinceImprovement += 1
            if let target, case let v = GeneralizedAssignment.objective(p, current), p.sense == .minimize ? v <= target : v >= target { break }
            let remaining = deadline.map { $0.timeIntervalSinceNow } ?? .infinity
            guard remaining > 0.05 else { break }
            // Even rounds: every job of a few agents, on those agents. Odd rounds: random jobs, on
            // every agent, with what the kept jobs leave of each capacity.
            let chosen: [Int], jobs: [Int]
            if round % 2 == 0 {
                var agents = Array(0..<p.agents)
                agents.shuffle(using: &rng)
                chosen = Array(agents.prefix(freedAgents)).sorted()
                jobs = (0..<p.jobs).filter { chosen.contains(current[$0]) }
            } else {
                var all = Array(0..<p.jobs)
                all.shuffle(using: &rng)
                chosen = Array(0..<p.agents)
                jobs = Array(all.prefix(freedJobs)).sorted()
            }
            guard !jobs.isEmpty else { continue }
            var capacity = chosen.map { p.capacity[$0] }
            let freed = Set(jobs)
            for j in 0..<p.jobs where !freed.contains(j) {
                if let k = chosen.firstIndex(of: current[j]) { capacity[k] -= p.resource[current[j]][j] }
            }
            let sub = GeneralizedAssignmentProblem(cost: chosen.map { i in jobs.map { p.cost[i][$0] } },
                                                   resource: chosen.map { i in jobs.map { p.resource[i][$0] } },
                                                   capacity: capacity.map { max(0, $0) }, sense: p.sense)
            let start = jobs.map { chosen.firstIndex(of: current[$0])! }
            let limit = remaining.isFinite ? remaining : nil
            let subAllowed = allowed.map { a in chosen.flatMap { i in jobs.map { a[i * p.jobs + $0] } } }
            guard let r = try? GeneralizedAssignment.solve(sub, MIPParameters(timeLimit: limit), started: Date(), allowed: subAllowed,
                                                           incumbent: { _ in start }),
                  let agentOfJob = r.agentOfJob else { continue }
            let better = p.sense == .minimize ? GeneralizedAssignment.objective(sub, agentOfJob) < GeneralizedAssignment.objective(sub, start)
                                              : GeneralizedAssignment.objective(sub, agentOfJob) > GeneralizedAssignment.objective(sub, start)
            guard better else { continue }
            for (t, j) in jobs.enumerated() { current[j] = chosen[agentOfJob[t]] }
            sinceImprovement = 0
        }
        return current
    }
}
