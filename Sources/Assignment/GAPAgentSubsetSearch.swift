import DagrouteCore
import Foundation

/// Large-neighbourhood search for tight GAPs with whole data: each round frees every job of a few
/// agents, keeps the other jobs where they are, and re-solves the freed jobs among those agents
/// exactly with `GAPLagrangianBranching` (the Lagrangian bound of such a subproblem is tight, where
/// GLPK's LP bound over tight knapsack rows is weak): one tree below the current split, so a round
/// only ever improves. Those re-splits are the moves a shift / swap / chain search misses on type D
/// problems, whose optima pack every agent to within a few units of its capacity.
///
/// With `suspectJobs`, every second round instead frees the jobs `GAPSuspectJobs` picks over all
/// agents (on 20 agents the 8-agent re-splits alone end in a local optimum: gapd#5 6,211 after 4 s,
/// then nothing in 50 s; alternating, 6,188).
///
/// Agents are drawn at random (from the seed), up to `agentsPerRound` of them, the fourth and later
/// only while the jobs stay within `jobsPerRound`; each tree stops after `nodesPerRound` nodes. Stops after
/// `stallRounds` rounds in a row without improvement, at the deadline, on Ctrl-C, or on reaching the
/// target. Deterministic for a seed when the round and node budgets, not the deadline, end it.
enum GAPAgentSubsetSearch {
    /// Shared machine, gapd#5 from 6,287 for 20 s (release): 8 agents / 40 jobs / 50 nodes reached
    /// 6,219 in 680 rounds; 4 / 60 / 200 reached 6,241, 8 / 40 / 200 6,239 (36 rounds), 12 / 60 / 50
    /// 6,236 — many small trees beat a few deep ones.
    static let agentsPerRound = 8
    /// Agents freed even when their jobs exceed `jobsPerRound` (gapd#4, 20 jobs per agent: two
    /// agents per round left 12,464 unchanged in 25 s).
    static let minimumAgents = 3
    static let jobsPerRound = 40
    static let nodesPerRound = 50
    /// Nodes per tree when the rounds alternate with `GAPSuspectJobs` (both kinds of round). Shared
    /// machine, gapd#5, 30 s, as in `GAPSuspectJobs`: 6,188 with 300, 6,191 with 1,000.
    static let alternatingNodesPerRound = 300

    /// - Parameters:
    ///   - assignment: feasible (one allowed agent per job, within capacities).
    ///   - allowed: agent-major (`i * jobs + j`); when given, the subproblems use only these pairs
    ///     (e.g. what Lagrangian fixing left against the incumbent; the assignment's own pairs must
    ///     be among them).
    ///   - multipliers: Lagrangian multipliers of the whole problem (minimisation form), per job:
    ///     each subproblem's ascent starts from those of its jobs.
    ///   - target: stops once the objective reaches it (in the problem's sense).
    ///   - suspectJobs: every second round frees the jobs `GAPSuspectJobs` picks at `multipliers`
    ///     over every agent (the other jobs' loads taken from the capacities) instead of a few agents'
    ///     jobs, and every tree has `alternatingNodesPerRound` nodes.
    /// - Returns: an assignment at least as good and when it was found (nil when it is the start),
    ///   nil when the costs are not whole numbers.
    static func improve(_ p: GeneralizedAssignmentProblem, _ assignment: [Int], allowed mask: [Bool]? = nil, multipliers: [Double], rounds: Int,
                        stallRounds: Int, deadline: Date?, seed: UInt64, target: Double? = nil, suspectJobs: Bool = false)
        -> (assignment: [Int], improvedAt: Date?)? {
        let sign = p.sense == .minimize ? 1.0 : -1.0
        guard p.cost.joined().allSatisfy({ $0 == $0.rounded() }), p.agents >= 2 else { return nil }
        var rng = SeededGenerator(seed: seed ^ 0xA6E7_5B5E)
        var current = assignment
        var sinceImprovement = 0
        var improvedAt: Date?
        let suspects = suspectJobs ? GAPSuspectJobs(p, multipliers: multipliers) : nil
        let nodes = suspects == nil ? nodesPerRound : alternatingNodesPerRound
        for round in 0..<rounds {
            if Cancellation.isRequested || sinceImprovement >= stallRounds || deadline.map({ Date() >= $0 }) == true { break }
            if let target, sign * GeneralizedAssignment.objective(p, current) <= sign * target + 1e-9 { break }
            sinceImprovement += 1
            var chosen: [Int] = [], jobs: [Int] = []
            var capacity = p.capacity
            if let suspects, round % 2 == 1 {
                chosen = Array(0..<p.agents)
                jobs = suspects.pick(current, using: &rng)
                var freed = [Bool](repeating: false, count: p.jobs)
                for j in jobs { freed[j] = true }
                for j in 0..<p.jobs where !freed[j] { capacity[current[j]] -= p.resource[current[j]][j] }
            } else {
                var order = Array(0..<p.agents)
                order.shuffle(using: &rng)
                for i in order where chosen.count < agentsPerRound {
                    let mine = (0..<p.jobs).filter { current[$0] == i }
                    if chosen.count >= minimumAgents, jobs.count + mine.count > jobsPerRound { continue }
                    chosen.append(i); jobs += mine
                }
            }
            guard chosen.count >= 2, jobs.count >= 2 else { continue }
            chosen.sort(); jobs.sort()
            let sub = GeneralizedAssignmentProblem(cost: chosen.map { i in jobs.map { p.cost[i][$0] } },
                                                   resource: chosen.map { i in jobs.map { p.resource[i][$0] } },
                                                   capacity: chosen.map { capacity[$0] }, sense: p.sense)
            let start = jobs.map { chosen.firstIndex(of: current[$0])! }
            let allowed = chosen.flatMap { i in jobs.map { p.resource[i][$0] <= capacity[i] && mask?[i * p.jobs + $0] != false } }
            var tree = GAPLagrangianBranching(sub, integral: true, deadline: deadline, maximumNodes: nodes)
            tree.offer(start)
            _ = tree.improve(kept: allowed, multipliers: jobs.map { multipliers[$0] })
            guard let better = tree.incumbent, better != start else { continue }
            for (t, j) in jobs.enumerated() { current[j] = chosen[better[t]] }
            (sinceImprovement, improvedAt) = (0, tree.incumbentFound)
        }
        return (current, improvedAt)
    }
}
