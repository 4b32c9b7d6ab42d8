import DagrouteCore
import Foundation

/// Depth-first branch-and-bound that answers "is there an assignment of value ≤ limit?" with the
/// Lagrangian bound (`GAPLagrangian`) at every node, in the manner of Ross & Soland (1975). A node
/// is a set of pairs; `reduce` shrinks it by ascent and fixing until no pair goes (or proves it
/// empty). The search branches on the undecided job with the fewest pairs left, one child per
/// pair — the job given only that pair, which the child's knapsack then holds by force — cheapest
/// forced bound first. A node where every job has one pair within the capacities is an answer.
/// Limits and bounds are in minimisation form (sign × cost). Deterministic under `maximumNodes`.
struct GAPLagrangianBranching {
    let problem: GeneralizedAssignmentProblem
    let integral: Bool
    /// The search stops (`.stopped`) here, after `maximumNodes` nodes, or on Ctrl-C.
    let deadline: Date?
    let maximumNodes: Int
    /// Nodes visited and knapsack evaluations made so far.
    private(set) var nodes = 0
    private(set) var evaluations = 0

    /// Rounds of ascent and fixing per node, and knapsack evaluations per round (from the
    /// parent's multipliers). On gapd#1 / #3 (release, 40 s) 3 × 50 proved #1 in 15 s against
    /// 21 s with 5 × 150 and raised #3's bound further; 5 × 30 was in between.
    static let rounds = 3
    static let iterations = 50

    init(_ problem: GeneralizedAssignmentProblem, integral: Bool, deadline: Date?, maximumNodes: Int = .max) {
        self.problem = problem
        self.integral = integral
        self.deadline = deadline
        self.maximumNodes = maximumNodes
    }

    enum Outcome: Equatable {
        /// An assignment of value ≤ the limit (agent of every job).
        case found([Int])
        /// Proven: no assignment of value ≤ the limit uses only the given pairs.
        case none
        /// Stopped by the deadline, the node budget or Ctrl-C before an answer.
        case stopped
    }

    /// The pairs (agent-major) that an assignment of value ≤ `limit` using only `kept` can use:
    /// rounds of subgradient ascent (from `multipliers`, updated) on the pairs left and removal of
    /// every pair whose forced bound exceeds `limit`, while pairs go. Also returns the last forced
    /// bounds. Nil when the Lagrangian bound itself exceeds `limit`.
    static func reduce(_ p: GeneralizedAssignmentProblem, kept start: [Bool], limit: Double, multipliers: inout [Double],
                       integral: Bool, evaluations: inout Int) -> (kept: [Bool], pairBound: [Double])? {
        let slack = 1e-6 * max(1, abs(limit))
        var kept = start
        var pairBound = [Double](repeating: .infinity, count: kept.count)
        for _ in 0..<rounds {
            guard let lagrangian = GAPLagrangian(p, allowed: kept) else { break }
            let ascent = lagrangian.ascend(from: multipliers, upperBound: integral ? limit + 1 : limit, integral: integral,
                                           iterations: iterations, deadline: nil, initialStep: 0.1)
            evaluations += max(1, ascent.iterations)
            if ascent.bound > limit + slack { return nil }
            multipliers = ascent.multipliers
            pairBound = lagrangian.pairBounds(multipliers)
            var removed = 0
            for k in kept.indices where kept[k] && pairBound[k] > limit + slack { kept[k] = false; removed += 1 }
            if removed == 0 { break }
        }
        return (kept, pairBound)
    }

    mutating func search(kept: [Bool], limit: Double, multipliers: [Double]) -> Outcome {
        if nodes >= maximumNodes || Cancellation.isRequested || deadline.map({ Date() >= $0 }) == true { return .stopped }
        nodes += 1
        var u = multipliers
        guard let node = Self.reduce(problem, kept: kept, limit: limit, multipliers: &u, integral: integral,
                                     evaluations: &evaluations) else { return .none }
        let (m, n) = (problem.agents, problem.jobs)
        // The undecided job with the fewest pairs; none left means every job has its one pair.
        var branchJob = -1, fewest = Int.max
        for j in 0..<n {
            let count = (0..<m).reduce(0) { $0 + (node.kept[$1 * n + j] ? 1 : 0) }
            if count == 0 { return .none }
            if count > 1 && count < fewest { (branchJob, fewest) = (j, count) }
        }
        guard branchJob >= 0 else {
            // Each job has one pair (the knapsacks held them within the capacities, else the bound
            // would have been +∞): an assignment of value ≤ limit, checked again here.
            let a = (0..<n).map { j in (0..<m).first { node.kept[$0 * n + j] }! }
            var load = [Double](repeating: 0, count: m)
            for (j, i) in a.enumerated() { load[i] += problem.resource[i][j] }
            let value = (problem.sense == .minimize ? 1.0 : -1.0) * GeneralizedAssignment.objective(problem, a)
            let fits = (0..<m).allSatisfy { load[$0] <= problem.capacity[$0] }
            return fits && value <= limit + 1e-6 * max(1, abs(limit)) ? .found(a) : .none
        }
        let agents = (0..<m).filter { node.kept[$0 * n + branchJob] }
            .sorted { node.pairBound[$0 * n + branchJob] < node.pairBound[$1 * n + branchJob] }
        for i in agents {
            var child = node.kept
            for k in 0..<m where k != i { child[k * n + branchJob] = false }
            let outcome = search(kept: child, limit: limit, multipliers: u)
            if outcome != .none { return outcome }
        }
        return .none
    }
}
