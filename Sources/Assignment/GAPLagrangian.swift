import DagrouteCore
import Foundation

/// The Lagrangian relaxation of the GAP's one-agent-per-job equalities. With a multiplier u(j) per
/// job (in minimisation form: costs times `sign`), the relaxation falls apart into one 0-1 knapsack
/// per agent — take job j at profit u(j) − cost(i, j) within the capacity — solved exactly by
/// `Knapsack`, and
///
///     L(u) = Σ_j u(j) − Σ_i K_i(u)   (K_i: agent i's best knapsack value)
///
/// bounds every assignment from below. Its maximum over u equals the Dantzig–Wolfe (column
/// generation) bound, which is at least the LP bound because each knapsack is solved in integers.
/// `ascend` maximises L by subgradient steps; `pairBounds` gives, per pair, the bound with the job
/// forced to that agent, for fixing variables against an incumbent.
///
/// A job left with a single pair is placed by force (see `forcedAgent`), which tightens the
/// knapsacks of reduced problems.
///
/// Needs whole resources and capacities (the knapsacks are dynamic programmes over the capacity);
/// `init` returns nil otherwise, or when an agent's table would exceed `maximumTableCells`.
struct GAPLagrangian {
    let agents: Int
    let jobs: Int
    /// 1 when minimising, −1 when maximising: bounds here are in minimisation form.
    let sign: Double
    /// sign × cost, agent-major (`i * jobs + j`).
    private let cost: [Double]
    private let capacity: [Int]
    /// The jobs each agent may take (pairs without a variable and jobs with a single agent left out).
    let jobsOf: [[Int]]
    /// Per agent, the weights of `jobsOf[i]` (same order).
    private let weightsOf: [[Int]]
    /// Per job, its agent when it has exactly one pair: it is then in that agent's knapsack by force
    /// (its weight taken from the capacity, its cost added to `forcedCost`).
    let forcedAgent: [Int?]
    private let forcedCost: Double
    /// Some job has no pair, or the forced jobs overfill an agent: no assignment exists.
    let infeasible: Bool

    /// Largest items × (capacity + 1) of one agent's knapsack: the fixing tables hold two such
    /// tables of doubles (2 × 8 × 4 million bytes = 64 MB).
    static let maximumTableCells = 4_000_000

    /// - Parameter allowed: agent-major, whether pair (i, j) has a variable.
    init?(_ p: GeneralizedAssignmentProblem, allowed: [Bool]) {
        agents = p.agents
        jobs = p.jobs
        sign = p.sense == .minimize ? 1 : -1
        let sign = self.sign
        cost = p.cost.flatMap { $0.map { sign * $0 } }
        guard p.resource.joined().allSatisfy({ $0 == $0.rounded() && $0 < 1e9 }),
              p.capacity.allSatisfy({ $0 == $0.rounded() && $0 < 1e9 }) else { return nil }
        let weight = p.resource.joined().map { Int($0) }
        let (m, n) = (p.agents, p.jobs)
        let pairsOf = (0..<n).map { j in (0..<m).filter { allowed[$0 * n + j] } }
        forcedAgent = pairsOf.map { $0.count == 1 ? $0[0] : nil }
        var capacity = p.capacity.map { Int($0) }
        var forcedCost = 0.0
        for j in 0..<n { if let i = forcedAgent[j] { capacity[i] -= weight[i * n + j]; forcedCost += cost[i * n + j] } }
        infeasible = pairsOf.contains { $0.isEmpty } || capacity.contains { $0 < 0 }
        self.capacity = capacity.map { max(0, $0) }
        self.forcedCost = forcedCost
        let forcedAgent = self.forcedAgent
        let jobsOf = (0..<m).map { i in (0..<n).filter { allowed[i * n + $0] && forcedAgent[$0] == nil } }
        self.jobsOf = jobsOf
        weightsOf = (0..<m).map { i in jobsOf[i].map { weight[i * n + $0] } }
        for i in 0..<agents where (jobsOf[i].count + 1) * (self.capacity[i] + 1) > Self.maximumTableCells { return nil }
    }

    /// One evaluation of L(u).
    struct Evaluation {
        /// L(u), in minimisation form.
        var bound: Double
        /// Per agent, K_i(u).
        var knapsackValue: [Double]
        /// Per agent, whether it takes each job of `jobsOf[i]` (same order).
        var chosen: [[Bool]]
        /// Per job, how many knapsacks take it (1 everywhere: the knapsacks form an assignment).
        var timesChosen: [Int]
    }

    func knapsack(_ i: Int, _ u: [Double]) -> Knapsack {
        Knapsack(profit: jobsOf[i].map { u[$0] - cost[i * jobs + $0] }, weight: weightsOf[i], capacity: capacity[i])
    }

    func evaluate(_ u: [Double]) -> Evaluation {
        var e = Evaluation(bound: infeasible ? .infinity : forcedCost, knapsackValue: [], chosen: [],
                           timesChosen: forcedAgent.map { $0 == nil ? 0 : 1 })
        for j in 0..<jobs where forcedAgent[j] == nil { e.bound += u[j] }
        for i in 0..<agents {
            let (value, chosen) = knapsack(i, u).solve()
            e.bound -= value
            e.knapsackValue.append(value)
            e.chosen.append(chosen)
            for (t, j) in jobsOf[i].enumerated() where chosen[t] { e.timesChosen[j] += 1 }
        }
        return e
    }

    /// `evaluate(u)`'s bound and `timesChosen` (the same sums in the same order) without its
    /// per-agent arrays: the ascent's evaluation, on buffers it reuses (`chosen` holds at least
    /// the most items of an agent).
    func bound(_ u: [Double], workspace: KnapsackWorkspace, chosen: inout [Bool], timesChosen: inout [Int]) -> Double {
        var bound = forcedCost
        for j in 0..<jobs { timesChosen[j] = forcedAgent[j] == nil ? 0 : 1 }
        for j in 0..<jobs where forcedAgent[j] == nil { bound += u[j] }
        let profit = workspace.profits(chosen.count)
        chosen.withUnsafeMutableBufferPointer { chosen in
            for i in 0..<agents {
                let mine = jobsOf[i]
                guard !mine.isEmpty else { continue } // K_i = 0
                for (t, j) in mine.enumerated() { profit[t] = u[j] - cost[i * jobs + j] }
                let value = weightsOf[i].withUnsafeBufferPointer { weight in
                    Knapsack.solve(profit: profit, weight: weight.baseAddress!, count: mine.count, capacity: capacity[i],
                                   workspace: workspace, chosen: chosen.baseAddress!)
                }
                bound -= value
                for (t, j) in mine.enumerated() where chosen[t] { timesChosen[j] += 1 }
            }
        }
        return bound
    }

    /// The best multipliers found and their bound (minimisation form).
    struct Ascent {
        var bound: Double
        var multipliers: [Double]
        /// Knapsack evaluations made.
        var iterations: Int
    }

    /// Subgradient ascent from `start`: steps λ (target − L) / ‖g‖² along g(j) = 1 − (knapsacks
    /// taking j), with the target `upperBound` (an incumbent's value, minimisation form) or, without
    /// one, 1 % above the best bound; λ starts at `initialStep` and halves after 20 evaluations
    /// without a better bound. Stops after `iterations` evaluations, at `deadline`, on Ctrl-C, once
    /// λ < 1e-4, when the knapsacks form an assignment (g = 0: L is then optimal), or — with
    /// `integral` costs — once the bound rounded up reaches `upperBound`.
    /// Deterministic when the iteration budget, not the deadline, ends it.
    func ascend(from start: [Double], upperBound: Double?, integral: Bool, iterations: Int, deadline: Date?,
                initialStep: Double = 0.5) -> Ascent {
        var u = start
        var best = Ascent(bound: -.infinity, multipliers: start, iterations: 0)
        var step = initialStep
        var sinceBetter = 0
        if infeasible { return Ascent(bound: .infinity, multipliers: start, iterations: 0) }
        let workspace = KnapsackWorkspace()
        var timesChosen = [Int](repeating: 0, count: jobs)
        var chosen = [Bool](repeating: false, count: max(1, jobsOf.map(\.count).max() ?? 0))
        for iteration in 1...max(1, iterations) {
            if iteration & 7 == 0, Cancellation.isRequested || deadline.map({ Date() >= $0 }) == true { break }
            let bound = self.bound(u, workspace: workspace, chosen: &chosen, timesChosen: &timesChosen)
            best.iterations = iteration
            if bound > best.bound + 1e-9 * max(1, abs(bound)) {
                best.bound = bound; best.multipliers = u; sinceBetter = 0
            } else {
                sinceBetter += 1
                if sinceBetter >= 20 { step /= 2; sinceBetter = 0 }
            }
            if let upperBound, integral, (best.bound - 1e-6 * max(1, abs(best.bound))).rounded(.up) >= upperBound - 0.5 { break }
            let g = timesChosen.map { 1 - Double($0) }
            let norm = g.reduce(0) { $0 + $1 * $1 }
            if norm == 0 || step < 1e-4 { break }
            let target = upperBound ?? (best.bound + max(1, 0.01 * abs(best.bound)))
            let t = step * max(target - bound, 1e-6 * max(1, abs(bound))) / norm
            for j in 0..<jobs { u[j] += t * g[j] }
        }
        return best
    }

    /// For every pair (agent-major, +∞ for pairs without a variable), a lower bound (minimisation
    /// form) on every assignment that gives job j to agent i: L(u) plus what forcing j into agent
    /// i's knapsack costs plus what forcing it out of every other agent's knapsack costs (the
    /// knapsacks stay independent under both restrictions).
    func pairBounds(_ u: [Double]) -> [Double] { pairBoundsAndEvaluation(u).bounds }

    /// `pairBounds` and the evaluation of L(u) they start from (whose knapsacks a Lagrangian
    /// heuristic repairs into an assignment).
    func pairBoundsAndEvaluation(_ u: [Double]) -> (bounds: [Double], evaluation: Evaluation) {
        let e = evaluate(u)
        // inCost: forcing j into i's knapsack (0 when it is in); outCost: forcing it out (0 when out).
        var inCost = [Double](repeating: 0, count: agents * jobs), outCost = inCost
        var outOfAll = [Double](repeating: 0, count: jobs)
        for i in 0..<agents {
            let forced = knapsack(i, u).forcedValues()
            for (t, j) in jobsOf[i].enumerated() {
                if e.chosen[i][t] {
                    outCost[i * jobs + j] = e.knapsackValue[i] - forced.forcedOut[t]
                    outOfAll[j] += outCost[i * jobs + j]
                } else {
                    inCost[i * jobs + j] = e.knapsackValue[i] - forced.forcedIn[t]
                }
            }
        }
        var bound = [Double](repeating: .infinity, count: agents * jobs)
        guard !infeasible else { return (bound, e) }
        for j in 0..<jobs { if let i = forcedAgent[j] { bound[i * jobs + j] = e.bound } }
        for i in 0..<agents {
            for j in jobsOf[i] {
                bound[i * jobs + j] = e.bound + inCost[i * jobs + j] + outOfAll[j] - outCost[i * jobs + j]
            }
        }
        return (bound, e)
    }

    /// The knapsacks' choice as weights for `GAPTabuSearch.start` (agent-major): 1 for a pair its
    /// knapsack takes (or a job's forced pair), 0.5 for another pair of `allowed`, 0 otherwise — so
    /// a job goes to the knapsack that took it (the cheapest of several) or, taken by none, to its
    /// cheapest pair left.
    func startWeights(_ e: Evaluation, allowed: [Bool]) -> [Double] {
        var w = allowed.map { $0 ? 0.5 : 0 }
        for j in 0..<jobs { if let i = forcedAgent[j] { w[i * jobs + j] = 1 } }
        for i in 0..<agents { for (t, j) in jobsOf[i].enumerated() where e.chosen[i][t] { w[i * jobs + j] = 1 } }
        return w
    }
}
