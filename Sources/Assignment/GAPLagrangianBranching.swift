import DagrouteCore
import Foundation

/// Depth-first branch-and-bound with the Lagrangian bound (`GAPLagrangian`) at every node, in the
/// manner of Ross & Soland (1975). A node is a set of pairs; `reduce` shrinks it by ascent and
/// fixing against the limit until no pair goes (or proves it empty). The search branches on the
/// undecided job with the fewest pairs left, one child per pair — the job given only that pair,
/// which the child's knapsack then holds by force — cheapest forced bound first. A node where every
/// job has one pair within the capacities is an assignment.
///
/// Every node also runs a Lagrangian heuristic: its knapsacks' choice (each job at the knapsack
/// that took it, the cheapest of several; taken by none, at its cheapest pair left) repaired by
/// `GAPGreedyRepair` over every pair of the problem (a tabu search of one move per job instead
/// cost gapd#2 its proof within 60 s). Each assignment met that way or at a leaf
/// that beats `incumbentValue` becomes the incumbent.
///
/// Two questions:
/// - `search(kept:limit:multipliers:)`: is there an assignment of value ≤ limit? (first answer);
/// - `improve(kept:multipliers:)`: one tree with the incumbent as the cut-off — the limit is the
///   incumbent's value less one (integral costs) and falls with every better incumbent; an
///   exhausted tree proves the incumbent optimal.
///
/// Limits and values are in minimisation form (sign × cost). Deterministic under `maximumNodes`.
struct GAPLagrangianBranching {
    let problem: GeneralizedAssignmentProblem
    let integral: Bool
    /// The search stops (`.stopped`) here, after `maximumNodes` nodes, after `stallNodes`, or on Ctrl-C.
    let deadline: Date?
    let maximumNodes: Int
    /// Nodes visited and knapsack evaluations made so far.
    private(set) var nodes = 0
    private(set) var evaluations = 0
    /// The best assignment met so far (leaves, the nodes' repaired knapsacks, or `offer`), and its
    /// value in minimisation form (+∞ without one).
    private(set) var incumbent: [Int]?
    private(set) var incumbentValue = Double.infinity
    /// When the incumbent was met.
    private(set) var incumbentFound: Date?
    /// Nodes are fixed and pruned against this value (minimisation form).
    private var limit = 0.0
    /// `search` answers with the first assignment within the limit; `improve` goes on.
    private var stopAtFirst = true
    /// The start of the Lagrangian heuristic (`GAPTabuSearch.start`) and its repair.
    private let startSearch: GAPTabuSearch
    private let repair: GAPGreedyRepair
    private let sign: Double

    /// Rounds of ascent and fixing per node, and knapsack evaluations per round (from the
    /// parent's multipliers). On gapd#1 / #3 (release, 40 s) 3 × 50 proved #1 in 15 s against
    /// 21 s with 5 × 150 and raised #3's bound further; 5 × 30 was in between.
    static let rounds = 3
    static let iterations = 50

    /// The search also stops (`.stopped`) after this many nodes in a row without a better incumbent.
    let stallNodes: Int
    private var nodesSinceIncumbent = 0

    init(_ problem: GeneralizedAssignmentProblem, integral: Bool, deadline: Date?, maximumNodes: Int = .max,
         stallNodes: Int = .max) {
        self.problem = problem
        self.integral = integral
        self.deadline = deadline
        self.maximumNodes = maximumNodes
        self.stallNodes = stallNodes
        startSearch = GAPTabuSearch(problem)
        repair = GAPGreedyRepair(problem)
        sign = problem.sense == .minimize ? 1 : -1
    }

    enum Outcome: Equatable {
        /// An assignment of value ≤ the limit (agent of every job).
        case found([Int])
        /// Proven: no assignment of value ≤ the limit uses only the given pairs (for `improve`:
        /// none better than the incumbent).
        case none
        /// Stopped by the deadline, the node budget or Ctrl-C before an answer.
        case stopped
    }

    /// A node after `reduce`: the pairs left, their forced bounds, and the weights that start the
    /// node's Lagrangian heuristic (nil when no evaluation was made).
    struct Node {
        var kept: [Bool]
        var pairBound: [Double]
        var startWeights: [Double]?
    }

    /// The pairs (agent-major) that an assignment of value ≤ `limit` using only `kept` can use:
    /// rounds of subgradient ascent (from `multipliers`, updated) on the pairs left and removal of
    /// every pair whose forced bound exceeds `limit`, while pairs go. Also returns the last forced
    /// bounds. Nil when the Lagrangian bound itself exceeds `limit`. At `deadline` the ascent stops
    /// with the multipliers it has (every bound and removal stays valid, only weaker).
    static func reduce(_ p: GeneralizedAssignmentProblem, kept start: [Bool], limit: Double, multipliers: inout [Double],
                       integral: Bool, evaluations: inout Int, deadline: Date? = nil) -> Node? {
        let slack = 1e-6 * max(1, abs(limit))
        var node = Node(kept: start, pairBound: [Double](repeating: .infinity, count: start.count))
        for _ in 0..<rounds {
            guard let lagrangian = GAPLagrangian(p, allowed: node.kept) else { break }
            let ascent = lagrangian.ascend(from: multipliers, upperBound: integral ? limit + 1 : limit, integral: integral,
                                           iterations: iterations, deadline: deadline, initialStep: 0.1)
            evaluations += max(1, ascent.iterations)
            if ascent.bound > limit + slack { return nil }
            multipliers = ascent.multipliers
            let (bounds, evaluation) = lagrangian.pairBoundsAndEvaluation(multipliers)
            node.pairBound = bounds
            node.startWeights = lagrangian.startWeights(evaluation, allowed: node.kept)
            var removed = 0
            for k in node.kept.indices where node.kept[k] && bounds[k] > limit + slack { node.kept[k] = false; removed += 1 }
            if removed == 0 || deadline.map({ Date() >= $0 }) == true { break }
        }
        return node
    }

    /// Makes `a` (a feasible assignment) the incumbent when it is better; `improve` then cuts
    /// against it.
    mutating func offer(_ a: [Int]) {
        let value = sign * GeneralizedAssignment.objective(problem, a)
        guard value < incumbentValue - 1e-9 * max(1, abs(value)) else { return }
        (incumbent, incumbentValue, incumbentFound) = (a, value, Date())
        nodesSinceIncumbent = 0
        if !stopAtFirst { limit = min(limit, cutOff(value)) }
    }

    /// The limit that asks for an assignment better than `value`.
    private func cutOff(_ value: Double) -> Double { integral ? value - 1 : value - 1e-9 * max(1, abs(value)) }

    /// Is there an assignment of value ≤ `limit` using only `kept`?
    mutating func search(kept: [Bool], limit: Double, multipliers: [Double]) -> Outcome {
        (self.limit, stopAtFirst) = (limit, true)
        return visit(kept: kept, multipliers: multipliers)
    }

    /// One tree below the incumbent (set by `offer`, and by the search whenever it meets a better
    /// one): `.none` when the tree is exhausted — no assignment using only `kept` beats the
    /// incumbent, which is then optimal among them.
    mutating func improve(kept: [Bool], multipliers: [Double]) -> Outcome {
        (limit, stopAtFirst) = (cutOff(incumbentValue), false)
        return visit(kept: kept, multipliers: multipliers)
    }

    private mutating func visit(kept: [Bool], multipliers: [Double]) -> Outcome {
        if nodes >= maximumNodes || nodesSinceIncumbent >= stallNodes || Cancellation.isRequested
            || deadline.map({ Date() >= $0 }) == true { return .stopped }
        nodes += 1
        nodesSinceIncumbent += 1
        var u = multipliers
        guard let node = Self.reduce(problem, kept: kept, limit: limit, multipliers: &u, integral: integral,
                                     evaluations: &evaluations, deadline: deadline) else { return .none }
        if deadline.map({ Date() >= $0 }) == true { return .stopped }
        let slack = 1e-6 * max(1, abs(limit))
        // The Lagrangian heuristic.
        if let w = node.startWeights, let start = startSearch.start(weight: w), let a = repair.repair(start) {
            offer(a)
            if stopAtFirst, incumbentValue <= limit + slack { return .found(incumbent!) }
        }
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
            let value = sign * GeneralizedAssignment.objective(problem, a)
            guard (0..<m).allSatisfy({ load[$0] <= problem.capacity[$0] }), value <= limit + slack else { return .none }
            offer(a)
            return stopAtFirst ? .found(a) : .none
        }
        let agents = (0..<m).filter { node.kept[$0 * n + branchJob] }
            .sorted { node.pairBound[$0 * n + branchJob] < node.pairBound[$1 * n + branchJob] }
        for i in agents {
            // A better incumbent may have lowered the limit below this child's forced bound.
            guard node.pairBound[i * n + branchJob] <= limit + 1e-6 * max(1, abs(limit)) else { continue }
            var child = node.kept
            for k in 0..<m where k != i { child[k * n + branchJob] = false }
            let outcome = visit(kept: child, multipliers: u)
            if outcome != .none { return outcome }
        }
        return .none
    }
}
