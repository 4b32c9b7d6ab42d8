import DagrouteCore
import Foundation

/// Recombination of two good assignments: the jobs on which they differ are freed over every agent
/// (the jobs they agree on stay, their loads off the capacities) and re-solved exactly by one
/// `GAPLagrangianBranching` tree below the better of the two. With every differing job freed both
/// assignments are feasible points of that subproblem, so the tree starts from the better one and
/// can take any mix of the two (and more); up to `jobsPerRound` jobs are freed, the rest of a small
/// difference made up of `GAPSuspectJobs` of the guide and random jobs, as in the suspect rounds.
/// A difference larger than `jobsPerRound` is cut to a random part of it; only the guide is then a
/// start. Deterministic for a seed when `nodes`, not the deadline, ends the tree.
enum GAPPathRelinking {
    static let jobsPerRound = 60

    /// - Parameters:
    ///   - guide, other: feasible assignments (one allowed agent per job, within capacities).
    ///   - multipliers: per job, minimisation form; start the tree's ascent and choose the suspects.
    ///   - nodes: the tree's node budget.
    /// - Returns: an assignment better than the guide (and than the other when every differing job
    ///   was freed), or nil (none found in the budget, or costs that are not whole numbers).
    static func combine(_ p: GeneralizedAssignmentProblem, guide: [Int], other: [Int], multipliers: [Double],
                        suspects: GAPSuspectJobs?, nodes: Int, deadline: Date?, seed: UInt64) -> [Int]? {
        guard p.cost.joined().allSatisfy({ $0 == $0.rounded() }) else { return nil }
        var rng = SeededGenerator(seed: seed ^ 0x5EED_4E11_7A7B)
        var differ = (0..<p.jobs).filter { guide[$0] != other[$0] }
        differ.shuffle(using: &rng)
        var jobs = Array(differ.prefix(jobsPerRound))
        let bothStart = jobs.count == differ.count
        if jobs.count < jobsPerRound {
            var rest = suspects.map { $0.pick(guide, using: &rng) } ?? []
            var shuffled = Array(0..<p.jobs)
            shuffled.shuffle(using: &rng)
            rest += shuffled
            for j in rest where jobs.count < jobsPerRound && !jobs.contains(j) { jobs.append(j) }
        }
        jobs.sort()
        guard jobs.count >= 2 else { return nil }
        var freed = [Bool](repeating: false, count: p.jobs)
        for j in jobs { freed[j] = true }
        var capacity = p.capacity
        for j in 0..<p.jobs where !freed[j] { capacity[guide[j]] -= p.resource[guide[j]][j] }
        let agents = Array(0..<p.agents)
        let sub = GeneralizedAssignmentProblem(cost: agents.map { i in jobs.map { p.cost[i][$0] } },
                                               resource: agents.map { i in jobs.map { p.resource[i][$0] } },
                                               capacity: capacity, sense: p.sense)
        let allowed = agents.flatMap { i in jobs.map { p.resource[i][$0] <= capacity[i] } }
        var tree = GAPLagrangianBranching(sub, integral: true, deadline: deadline, maximumNodes: nodes)
        let starts = bothStart ? [guide, other] : [guide]
        for s in starts { tree.offer(jobs.map { s[$0] }) }
        let before = tree.incumbentValue
        _ = tree.improve(kept: allowed, multipliers: jobs.map { multipliers[$0] })
        guard let better = tree.incumbent, tree.incumbentValue < before - 0.5 else { return nil }
        var result = guide
        for (t, j) in jobs.enumerated() { result[j] = better[t] }
        return result
    }
}
