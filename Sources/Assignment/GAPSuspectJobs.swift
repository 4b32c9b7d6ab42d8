import DagrouteCore

/// The jobs that the Lagrangian relaxation (`GAPLagrangian`) at given multipliers suggests moving:
/// those whose agent's knapsack does not take them where an assignment has them. The
/// neighbourhood `GAPAgentSubsetSearch` alternates with its agent subsets frees these jobs first
/// (and random others up to `jobsPerRound`) over every agent at once — the chains of shifts through
/// many agents that type D optima need and that a few agents' re-split misses.
struct GAPSuspectJobs {
    /// Jobs freed per round. Shared machine, release, one thread, rounds alternating with the agent
    /// subsets, all else after the tabu search switched off, 30 s: gapd#5 (20 × 100) reached 6,188
    /// (known 6,185) with 60 suspect jobs first, 6,193 with 60 random jobs, 6,197 with 45 random jobs
    /// (BENCHMARKS.md "GAP gapc / gapd").
    static let jobsPerRound = 60

    private let jobs: Int
    /// Agent-major: whether agent i's knapsack takes job j at the multipliers (a job with one
    /// fitting agent: yes).
    private let inKnapsack: [Bool]

    /// Nil when the data are not whole numbers or the tables too large (`GAPLagrangian`).
    /// - Parameter multipliers: per job, minimisation form.
    init?(_ p: GeneralizedAssignmentProblem, multipliers: [Double]) {
        let (m, n) = (p.agents, p.jobs)
        let fits = (0..<m).flatMap { i in (0..<n).map { p.resource[i][$0] <= p.capacity[i] } }
        guard let lagrangian = GAPLagrangian(p, allowed: fits) else { return nil }
        var inKnapsack = [Bool](repeating: false, count: m * n)
        let e = lagrangian.evaluate(multipliers)
        for i in 0..<m { for (t, j) in lagrangian.jobsOf[i].enumerated() where e.chosen[i][t] { inKnapsack[i * n + j] = true } }
        for j in 0..<n { if let i = lagrangian.forcedAgent[j] { inKnapsack[i * n + j] = true } }
        (jobs, self.inKnapsack) = (n, inKnapsack)
    }

    /// Whether job j's agent in `assignment` leaves it out of its knapsack.
    func isSuspect(_ j: Int, in assignment: [Int]) -> Bool { !inKnapsack[assignment[j] * jobs + j] }

    /// Up to `jobsPerRound` jobs, sorted: the suspects of `assignment` in random order first, then
    /// random others.
    func pick(_ assignment: [Int], using rng: inout SeededGenerator) -> [Int] {
        var order = Array(0..<jobs)
        order.shuffle(using: &rng)
        let suspects = order.filter { isSuspect($0, in: assignment) }
        let others = order.filter { !isSuspect($0, in: assignment) }
        return Array((suspects + others).prefix(Self.jobsPerRound)).sorted()
    }
}
