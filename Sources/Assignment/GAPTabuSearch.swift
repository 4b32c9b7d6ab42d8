import DagrouteCore
import Foundation

/// The primal heuristic behind `GeneralizedAssignment`: a tabu search over shift moves (one job to
/// another agent) and swap moves (two jobs of different agents exchange agents), in the manner of
/// Díaz & Fernández (2001). Each iteration takes the best move that is not tabu; capacity excess is
/// allowed but priced by a penalty weight that grows by 10 % per iteration while the current point
/// is infeasible and shrinks while it is feasible (strategic oscillation around the capacity
/// boundary). A job moved away from an agent may not return to it for a random 5–25 iterations
/// (scaled with the number of jobs) unless that gives a feasible point better than the best. After
/// `stallLimit` iterations without a better feasible point the search restarts from the best one
/// with a few random shifts. Minimises; a maximisation problem is searched with negated costs.
///
/// Deterministic for a seed when the iteration budget, not the deadline, ends it.
struct GAPTabuSearch {
    let agents: Int
    let jobs: Int
    /// 1 when minimising, −1 when maximising.
    private let sign: Double
    /// Minimisation cost (sign × cost), agent-major (`i * jobs + j`).
    private let cost: [Double]
    private let resource: [Double]
    private let capacity: [Double]
    /// Whether job j fits agent i on its own (other pairs are never used).
    private let allowed: [Bool]

    /// - Parameter allowed: agent-major (`i * jobs + j`); when given, only these pairs are used
    ///   (e.g. what Lagrangian fixing left), on top of the pairs whose job fits the agent on its own.
    init(_ p: GeneralizedAssignmentProblem, allowed mask: [Bool]? = nil) {
        agents = p.agents
        jobs = p.jobs
        let sign = p.sense == .minimize ? 1.0 : -1.0
        self.sign = sign
        cost = p.cost.flatMap { $0.map { sign * $0 } }
        resource = Array(p.resource.joined())
        capacity = p.capacity
        let fits = (0..<p.agents).flatMap { i in p.resource[i].map { $0 <= p.capacity[i] } }
        allowed = mask.map { zip(fits, $0).map { $0 && $1 } } ?? fits
    }

    /// A start that the search repairs: each job at the agent with the largest weight
    /// (`weight[i * jobs + j]`, e.g. the LP value of x(i, j)), ties to the cheapest; nil when some
    /// job fits no agent.
    func start(weight: [Double]?) -> [Int]? {
        var agentOf = [Int](repeating: -1, count: jobs)
        for j in 0..<jobs {
            var best = -1
            for i in 0..<agents where allowed[i * jobs + j] {
                guard best >= 0 else { best = i; continue }
                let (w, wb) = (weight?[i * jobs + j] ?? 0, weight?[best * jobs + j] ?? 0)
                if w > wb + 1e-9 || (abs(w - wb) <= 1e-9 && cost[i * jobs + j] < cost[best * jobs + j]) { best = i }
            }
            guard best >= 0 else { return nil }
            agentOf[j] = best
        }
        return agentOf
    }

    /// The best feasible assignment found from `start` (one agent per job, each pair allowed),
    /// nil when none was found.
    /// - Parameters:
    ///   - iterations: the move budget.
    ///   - deadline: the search also stops here (and on Ctrl-C).
    ///   - target: a bound on the objective (e.g. the rounded LP value): the search stops on reaching it.
    func search(from start: [Int], iterations: Int, deadline: Date?, seed: UInt64, target: Double? = nil) -> [Int]? {
        var rng = SeededGenerator(seed: seed)
        let goal = target.map { sign * $0 } ?? -.infinity
        let (m, n) = (agents, jobs)
        // Raw buffers: the neighbourhood scan is the whole cost of the search.
        let agentOf = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let load = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
        let tabuUntil = UnsafeMutableBufferPointer<Int>.allocate(capacity: m * n)
        let cost = UnsafeMutableBufferPointer<Double>.allocate(capacity: m * n)
        let resource = UnsafeMutableBufferPointer<Double>.allocate(capacity: m * n)
        let allowed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: m * n)
        let capacity = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
        defer { for b in [agentOf, tabuUntil] { b.deallocate() }; for b in [load, cost, resource, capacity] { b.deallocate() }; allowed.deallocate() }
        _ = cost.initialize(from: self.cost); _ = resource.initialize(from: self.resource)
        _ = allowed.initialize(from: self.allowed); _ = capacity.initialize(from: self.capacity)

        var value = 0.0, totalExcess = 0.0
        @inline(__always) func excess(_ l: Double, _ i: Int) -> Double { max(0, l - capacity[i]) }
        func reset(to assignment: [Int]) {
            _ = agentOf.initialize(from: assignment)
            load.initialize(repeating: 0); tabuUntil.initialize(repeating: 0)
            value = 0
            for j in 0..<n { load[agentOf[j]] += resource[agentOf[j] * n + j]; value += cost[agentOf[j] * n + j] }
            totalExcess = (0..<m).reduce(0) { $0 + excess(load[$1], $1) }
        }
        reset(to: start)
        var best: [Int]? = nil
        var bestValue = Double.infinity
        let meanCost = (0..<(m * n)).reduce(0) { $0 + abs(cost[$1]) } / Double(max(1, m * n))
        let meanResource = (0..<(m * n)).reduce(0) { $0 + resource[$1] } / Double(max(1, m * n))
        let baseWeight = max(1e-6, meanCost / max(1e-9, meanResource))
        var weight = baseWeight
        let tenure = (low: max(5, n / 20), high: max(10, n / 8))
        let stallLimit = max(200, 20 * n)
        var sinceBest = 0

        for iteration in 1...max(1, iterations) {
            if bestValue <= goal + 1e-9 { break }
            if iteration & 63 == 0, Cancellation.isRequested || deadline.map({ Date() >= $0 }) == true { break }
            // The best admissible move: shift j to k when bl < 0, else swap j and bl.
            var bestScore = Double.infinity, bj = -1, bk = -1, bl = -1
            for j in 0..<n {
                let i = agentOf[j]
                let ij = i * n + j
                let loadI = load[i], excessI = excess(loadI, i)
                let outI = excess(loadI - resource[ij], i) - excessI
                for k in 0..<m where k != i && allowed[k * n + j] {
                    let kj = k * n + j
                    let dCost = cost[kj] - cost[ij]
                    let dExcess = outI + excess(load[k] + resource[kj], k) - excess(load[k], k)
                    let score = dCost + weight * dExcess
                    guard score < bestScore else { continue }
                    if tabuUntil[kj] > iteration, !(totalExcess + dExcess <= 1e-9 && value + dCost < bestValue - 1e-9) { continue }
                    bestScore = score; bj = j; bk = k; bl = -1
                }
                var l = j + 1
                while l < n {
                    defer { l += 1 }
                    let k = agentOf[l]
                    guard k != i else { continue }
                    let kj = k * n + j, il = i * n + l, kl = k * n + l
                    guard allowed[kj] && allowed[il] else { continue }
                    let dCost = cost[kj] + cost[il] - cost[ij] - cost[kl]
                    // A swap cannot score better than its cost change when neither agent ends over capacity.
                    guard dCost - weight * (excessI + excess(load[k], k)) < bestScore else { continue }
                    let newI = loadI - resource[ij] + resource[il], newK = load[k] - resource[kl] + resource[kj]
                    let dExcess = excess(newI, i) + excess(newK, k) - excessI - excess(load[k], k)
                    let score = dCost + weight * dExcess
                    guard score < bestScore else { continue }
                    if tabuUntil[kj] > iteration || tabuUntil[il] > iteration,
                       !(totalExcess + dExcess <= 1e-9 && value + dCost < bestValue - 1e-9) { continue }
                    bestScore = score; bj = j; bk = k; bl = l
                }
            }
            guard bj >= 0 else { break }
            func move(_ j: Int, _ k: Int) {
                let i = agentOf[j]
                tabuUntil[i * n + j] = iteration + Int.random(in: tenure.low...tenure.high, using: &rng)
                totalExcess -= excess(load[i], i) + excess(load[k], k)
                load[i] -= resource[i * n + j]; load[k] += resource[k * n + j]
                totalExcess += excess(load[i], i) + excess(load[k], k)
                value += cost[k * n + j] - cost[i * n + j]
                agentOf[j] = k
            }
            if bl >= 0 { let i = agentOf[bj]; move(bj, bk); move(bl, i) } else { move(bj, bk) }
            if totalExcess < 1e-9 {
                totalExcess = 0
                weight = max(baseWeight * 1e-3, weight / 1.1)
                if value < bestValue - 1e-9 { bestValue = value; best = Array(agentOf); sinceBest = 0; continue }
            } else {
                weight = min(baseWeight * 1e3, weight * 1.1)
            }
            sinceBest += 1
            if sinceBest >= stallLimit, let b = best {
                // Restart from the best point with a few random shifts to fitting agents.
                var restart = b
                for _ in 0..<max(2, n / 20) {
                    let j = Int.random(in: 0..<n, using: &rng)
                    let k = Int.random(in: 0..<m, using: &rng)
                    if allowed[k * n + j] { restart[j] = k }
                }
                reset(to: restart)
                weight = baseWeight
                sinceBest = 0
            }
        }
        return best
    }
}
