/// The cheap repair of the Lagrangian heuristic inside `GAPLagrangianBranching`: from a start that
/// may overfill agents (e.g. the knapsacks' choice at a node), move jobs off overfilled agents —
/// each time the shift of least cost change to an agent with room or, when none fits, the swap of
/// least cost change that lightens the overfilled agent and keeps the other within its capacity
/// (each move lowers the total excess, so this ends) — then improve by shifts to cheaper agents
/// with room until none is left. O(agents × jobs) per shift, O(jobs²) per swap, no randomness.
/// Minimises; a maximisation problem is repaired with negated costs.
struct GAPGreedyRepair {
    let agents: Int
    let jobs: Int
    /// Minimisation cost (sign × cost), resource and fit, agent-major (`i * jobs + j`).
    private let cost: [Double]
    private let resource: [Double]
    private let fits: [Bool]
    private let capacity: [Double]

    init(_ p: GeneralizedAssignmentProblem) {
        agents = p.agents
        jobs = p.jobs
        let sign = p.sense == .minimize ? 1.0 : -1.0
        cost = p.cost.flatMap { $0.map { sign * $0 } }
        resource = Array(p.resource.joined())
        capacity = p.capacity
        fits = (0..<p.agents).flatMap { i in p.resource[i].map { $0 <= p.capacity[i] } }
    }

    /// A feasible assignment near `start` (agent of every job, each pair fitting), or nil when the
    /// shifts cannot empty the overfilled agents.
    func repair(_ start: [Int]) -> [Int]? {
        let (m, n) = (agents, jobs)
        var a = start
        var load = [Double](repeating: 0, count: m)
        for (j, i) in a.enumerated() { load[i] += resource[i * n + j] }
        // Feasibility: the cheapest shift off an overfilled agent, while one is overfilled.
        while true {
            var best = Double.infinity, bj = -1, bk = -1
            for j in 0..<n {
                let i = a[j]
                guard load[i] > capacity[i] else { continue }
                for k in 0..<m where k != i && fits[k * n + j] && load[k] + resource[k * n + j] <= capacity[k] {
                    let d = cost[k * n + j] - cost[i * n + j]
                    if d < best { (best, bj, bk) = (d, j, k) }
                }
            }
            if bj >= 0 { load[a[bj]] -= resource[a[bj] * n + bj]; load[bk] += resource[bk * n + bj]; a[bj] = bk; continue }
            // No shift fits: the cheapest swap of a job j of an overfilled agent with a job l of
            // another agent that lightens j's agent and leaves l's within its capacity.
            var bl = -1
            for j in 0..<n {
                let i = a[j]
                guard load[i] > capacity[i] else { continue }
                for l in 0..<n {
                    let k = a[l]
                    guard k != i, fits[k * n + j], fits[i * n + l], resource[i * n + l] < resource[i * n + j],
                          load[k] - resource[k * n + l] + resource[k * n + j] <= capacity[k] else { continue }
                    let d = cost[k * n + j] + cost[i * n + l] - cost[i * n + j] - cost[k * n + l]
                    if d < best { (best, bj, bl) = (d, j, l) }
                }
            }
            if bj < 0 { break }
            let (i, k) = (a[bj], a[bl])
            load[i] += resource[i * n + bl] - resource[i * n + bj]; load[k] += resource[k * n + bj] - resource[k * n + bl]
            (a[bj], a[bl]) = (k, i)
        }
        guard (0..<m).allSatisfy({ load[$0] <= capacity[$0] }) else { return nil }
        // Improvement: shifts to cheaper agents with room, until none is left.
        var improved = true
        while improved {
            improved = false
            for j in 0..<n {
                let i = a[j]
                var bk = i
                for k in 0..<m where k != i && fits[k * n + j] && load[k] + resource[k * n + j] <= capacity[k]
                    && cost[k * n + j] < cost[bk * n + j] - 1e-9 { bk = k }
                if bk != i { load[i] -= resource[i * n + j]; load[bk] += resource[bk * n + j]; a[j] = bk; improved = true }
            }
        }
        return a
    }
}
