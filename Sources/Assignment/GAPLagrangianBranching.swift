import DagrouteCore
import Foundation

/// Depth-first branch-and-bound with the Lagrangian bound (`GAPLagrangian`) at every node, in the
/// manner of Ross & Soland (1975). A node is a set of pairs; `reduce` shrinks it by ascent and
/// fixing against the limit until no pair goes (or proves it empty). The search branches on one
/// undecided job, one child per pair left — the job given only that pair, which the child's
/// knapsack then holds by force — cheapest forced bound first. Which job depends on the agents
/// (`forcedBoundBranchingAgents`): with few, the job whose cheapest forced bound is highest (ties:
/// the fewest pairs left). A job the knapsacks agree on has a forced bound equal to the node's, so
/// the choice falls on a job they take twice or not at all, and every child raises the bound.
/// With more agents, the job with the fewest pairs left. A node
/// where every job has one pair within the capacities is an assignment.
///
/// Every node also runs a Lagrangian heuristic: its knapsacks' choice (each job at the knapsack
/// that took it, the cheapest of several; taken by none, at its cheapest pair left) repaired by
/// `GAPGreedyRepair` over every pair of the problem (a tabu search of one move per job instead
/// cost gapd#2 its proof within 60 s). With `tabuMovesPerJob` > 0 each node also runs
/// `GAPTabuSearch` on the node's pairs only, from the same knapsack start, for that many moves per
/// job (seeded by the node's depth): the assignments near the node's Lagrangian solution that the
/// greedy repair misses. It changes what a tree meets, never what it prunes: a "none" tree visits
/// the same nodes. Each assignment met that way or at a leaf
/// that beats `incumbentValue` becomes the incumbent.
///
/// Two questions:
/// - `search(kept:limit:multipliers:)`: is there an assignment of value ≤ limit? (first answer);
/// - `improve(kept:multipliers:)`: one tree with the incumbent as the cut-off — the limit is the
///   incumbent's value less one (integral costs) and falls with every better incumbent; an
///   exhausted tree proves the incumbent optimal.
///
/// `search` runs on `threads` workers sharing the open nodes (each takes the first open node in
/// depth-first order); its answer is the one-worker answer whatever the timing.
///
/// Limits and values are in minimisation form (sign × cost). Deterministic under `maximumNodes`.
struct GAPLagrangianBranching {
    let problem: GeneralizedAssignmentProblem
    let integral: Bool
    /// The search stops (`.stopped`) here, after `maximumNodes` nodes, after `stallNodes`, or on Ctrl-C.
    let deadline: Date?
    let maximumNodes: Int
    /// Workers of `search` (≥ 1).
    let threads: Int
    /// Nodes visited and knapsack evaluations made so far.
    private(set) var nodes = 0
    private(set) var evaluations = 0
    /// The best assignment met so far (leaves, the nodes' repaired knapsacks, or `offer`), and its
    /// value in minimisation form (+∞ without one).
    private(set) var incumbent: [Int]?
    private(set) var incumbentValue = Double.infinity
    /// When the incumbent was met.
    private(set) var incumbentFound: Date?
    /// The start of the Lagrangian heuristic (`GAPTabuSearch.start`) and its repair.
    private let startSearch: GAPTabuSearch
    private let repair: GAPGreedyRepair
    private let sign: Double

    /// Rounds of ascent and fixing per node, and knapsack evaluations per round (from the
    /// parent's multipliers). On gapd#1 / #3 (release, 40 s) 3 × 50 proved #1 in 15 s against
    /// 21 s with 5 × 150 and raised #3's bound further; 5 × 30 was in between.
    /// Problems of at most this many agents branch on the job whose cheapest forced bound is
    /// highest, larger ones on the job with the fewest pairs left. Nodes to the last "none" target
    /// within 60 s, shared machine, both rules side by side (highest forced bound : fewest pairs):
    /// gapd#1 (5 agents) 395 : 495 to the proof, gapd#2 (5) 442 : 645, gapd#3 (10) 3,200 : 8,581
    /// (proven in 20.1 s : 45.3 s), gapd#4 (10) 2,941 : 5,243 for target 12,428; but gapd#5 (20)
    /// 961 : 352 to target 6,179 and gapd#6 (20) 822 : 568 to 12,231.
    static let forcedBoundBranchingAgents = 10
    static let rounds = 3
    static let iterations = 50

    /// The search also stops (`.stopped`) after this many nodes in a row without a better incumbent.
    let stallNodes: Int

    /// Moves per job of the tabu search each node also runs (0: none), see the type's comment.
    let tabuMovesPerJob: Double

    init(_ problem: GeneralizedAssignmentProblem, integral: Bool, deadline: Date?, maximumNodes: Int = .max,
         stallNodes: Int = .max, threads: Int = 1, tabuMovesPerJob: Double = 0) {
        self.tabuMovesPerJob = tabuMovesPerJob
        self.problem = problem
        self.integral = integral
        self.deadline = deadline
        self.maximumNodes = maximumNodes
        self.stallNodes = stallNodes
        self.threads = max(1, threads)
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
    }

    /// The limit that asks for an assignment better than `value`.
    private func cutOff(_ value: Double) -> Double { integral ? value - 1 : value - 1e-9 * max(1, abs(value)) }

    /// Is there an assignment of value ≤ `limit` using only `kept`? With `threads` workers; the
    /// answer, the assignment found and the incumbent are those of the one-worker search (the
    /// first node in depth-first order that answers), whatever the timing — only `nodes` and
    /// `evaluations` then include work beyond that node.
    mutating func search(kept: [Bool], limit: Double, multipliers: [Double]) -> Outcome {
        run(kept: kept, multipliers: multipliers, limit: limit, stopAtFirst: true, workers: threads)
    }

    /// One tree below the incumbent (set by `offer`, and by the search whenever it meets a better
    /// one): `.none` when the tree is exhausted — no assignment using only `kept` beats the
    /// incumbent, which is then optimal among them. One worker: the cut-off falls with every
    /// incumbent met, so the tree depends on the order of the nodes.
    mutating func improve(kept: [Bool], multipliers: [Double]) -> Outcome {
        run(kept: kept, multipliers: multipliers, limit: cutOff(incumbentValue), stopAtFirst: false, workers: 1)
    }

    /// An open node of the tree: its pairs, the multipliers its ascent starts from (its parent's),
    /// its forced bound in the parent (a lower bound on its assignments) and its place in
    /// depth-first order (child indices from the root; a prefix comes first).
    private struct Open: Sendable {
        var path: [Int32]
        var kept: [Bool]
        var multipliers: [Double]
        var bound: Double
    }

    /// The tree's shared state while workers run: the open nodes, the first answer in depth-first
    /// order so far, the assignments met, counters. Every member is read and written under `lock`.
    private final class Pool: @unchecked Sendable {
        let lock = NSCondition()
        var open: [Open]
        var busy = 0
        var limit: Double
        /// The path and assignment of the first node (depth-first) found to answer "yes".
        var found: (path: [Int32], assignment: [Int])?
        var stopped = false
        var nodes: Int
        var evaluations: Int
        var nodesSinceIncumbent = 0
        /// The best value met so far (for the stall count and `improve`'s falling cut-off).
        var best: Double
        /// Assignments met that beat the incumbent the run started from, with their node's path.
        var offers: [(value: Double, path: [Int32], assignment: [Int], at: Date)] = []

        init(root: Open, limit: Double, nodes: Int, evaluations: Int, nodesSinceIncumbent: Int, best: Double) {
            (open, self.limit, self.nodes, self.evaluations, self.best) = ([root], limit, nodes, evaluations, best)
            self.nodesSinceIncumbent = nodesSinceIncumbent
        }
    }

    /// What one node gives: assignments met (its Lagrangian heuristic, a leaf) and either its
    /// children (pruned against the limit) or an answer.
    private enum Expansion {
        case pruned
        case found([Int])
        case stopped
        case children([Open])
    }

    private static func precedes(_ a: [Int32], _ b: [Int32]) -> Bool { a.lexicographicallyPrecedes(b) }

    private mutating func run(kept: [Bool], multipliers: [Double], limit: Double, stopAtFirst: Bool, workers: Int) -> Outcome {
        let pool = Pool(root: Open(path: [], kept: kept, multipliers: multipliers, bound: -.infinity), limit: limit,
                        nodes: nodes, evaluations: evaluations, nodesSinceIncumbent: nodesSinceIncumbent, best: incumbentValue)
        let context = self
        ParallelBlocks.run(count: max(1, workers), blockSize: 1, threads: max(1, workers)) { _, _ in
            context.work(pool, stopAtFirst: stopAtFirst)
        }
        (nodes, evaluations, nodesSinceIncumbent) = (pool.nodes, pool.evaluations, pool.nodesSinceIncumbent)
        // The assignments met up to the answering node, in depth-first order: the best, the first of equals.
        var chosen: (value: Double, path: [Int32], assignment: [Int], at: Date)?
        for o in pool.offers where pool.found.map({ !Self.precedes($0.path, o.path) }) ?? true {
            if let c = chosen, o.value > c.value || (o.value == c.value && !Self.precedes(o.path, c.path)) { continue }
            chosen = o
        }
        if let c = chosen, c.value < incumbentValue - 1e-9 * max(1, abs(c.value)) {
            (incumbent, incumbentValue, incumbentFound) = (c.assignment, c.value, c.at)
        }
        if let f = pool.found { return .found(f.assignment) }
        return pool.stopped ? .stopped : .none
    }

    /// Nodes visited without a better incumbent, carried from one `improve` to the next.
    private var nodesSinceIncumbent = 0

    /// One worker: takes the first open node in depth-first order (before any answer found), expands
    /// it, gives back its children, until no node is open and no worker busy, or the search stops.
    private func work(_ pool: Pool, stopAtFirst: Bool) {
        pool.lock.lock()
        while true {
            if pool.stopped { break }
            // The first open node that can still matter.
            var pick = -1
            var k = 0
            while k < pool.open.count {
                let o = pool.open[k]
                if let f = pool.found, !Self.precedes(o.path, f.path) { pool.open.swapAt(k, pool.open.count - 1); pool.open.removeLast(); continue }
                // A better incumbent may have lowered the limit below this node's forced bound.
                if o.bound > pool.limit + 1e-6 * max(1, abs(pool.limit)) { pool.open.swapAt(k, pool.open.count - 1); pool.open.removeLast(); continue }
                if pick < 0 || Self.precedes(o.path, pool.open[pick].path) { pick = k }
                k += 1
            }
            if pick < 0 {
                if pool.busy == 0 { break }
                pool.lock.wait()
                continue
            }
            if pool.nodes >= maximumNodes || pool.nodesSinceIncumbent >= stallNodes || Cancellation.isRequested
                || deadline.map({ Date() >= $0 }) == true { pool.stopped = true; break }
            let node = pool.open.remove(at: pick)
            pool.nodes += 1
            pool.nodesSinceIncumbent += 1
            pool.busy += 1
            let limit = pool.limit
            pool.lock.unlock()

            var met: [[Int]] = []
            var evaluations = 0
            let expansion = expand(node, limit: limit, stopAtFirst: stopAtFirst, met: &met, evaluations: &evaluations)

            pool.lock.lock()
            pool.busy -= 1
            pool.evaluations += evaluations
            let now = Date()
            for a in met {
                let value = sign * GeneralizedAssignment.objective(problem, a)
                guard value < incumbentValue - 1e-9 * max(1, abs(value)) else { continue }
                pool.offers.append((value, node.path, a, now))
                if value < pool.best - 1e-9 * max(1, abs(value)) {
                    pool.best = value
                    pool.nodesSinceIncumbent = 0
                    if !stopAtFirst { pool.limit = min(pool.limit, cutOff(value)) }
                }
            }
            switch expansion {
            case .pruned: break
            case .stopped: pool.stopped = true
            case .found(let a):
                if pool.found.map({ Self.precedes(node.path, $0.path) }) ?? true { pool.found = (node.path, a) }
            case .children(let children): pool.open += children
            }
            pool.lock.broadcast()
        }
        pool.lock.broadcast()
        pool.lock.unlock()
    }

    /// Ascent and fixing at `node` against `limit`, its Lagrangian heuristic, then its children:
    /// one per pair left of the job chosen as the type's comment says, cheapest
    /// forced bound first. A node where every job has one pair is an assignment (a leaf).
    /// Assignments met go to `met`.
    private func expand(_ node: Open, limit start: Double, stopAtFirst: Bool, met: inout [[Int]], evaluations: inout Int) -> Expansion {
        var limit = start
        var u = node.multipliers
        guard let reduced = Self.reduce(problem, kept: node.kept, limit: limit, multipliers: &u, integral: integral,
                                        evaluations: &evaluations, deadline: deadline) else { return .pruned }
        if deadline.map({ Date() >= $0 }) == true { return .stopped }
        let slack = 1e-6 * max(1, abs(limit))
        // An assignment a heuristic met: kept in `met`; true when it answers a `stopAtFirst`
        // question, else (improving) it lowers the cut-off.
        func answers(_ a: [Int]) -> Bool {
            met.append(a)
            let value = sign * GeneralizedAssignment.objective(problem, a)
            if stopAtFirst { return value <= limit + slack }
            limit = min(limit, cutOff(value))
            return false
        }
        // The Lagrangian heuristic.
        if let w = reduced.startWeights, let s = startSearch.start(weight: w), let a = repair.repair(s), answers(a) {
            return .found(a)
        }
        // The tabu search from the node's knapsacks, on the node's pairs only.
        if tabuMovesPerJob > 0, let w = reduced.startWeights {
            let search = GAPTabuSearch(problem, allowed: reduced.kept)
            if let s = search.start(weight: w),
               let a = search.search(from: s, iterations: max(1, Int(tabuMovesPerJob * Double(problem.jobs))), deadline: deadline,
                                     seed: UInt64(node.path.count), target: sign * limit),
               answers(a) {
                return .found(a)
            }
        }
        let (m, n) = (problem.agents, problem.jobs)
        var branchJob = -1, fewest = Int.max, highest = -Double.infinity
        let byForcedBound = m <= Self.forcedBoundBranchingAgents
        for j in 0..<n {
            var count = 0, least = Double.infinity
            for i in 0..<m where reduced.kept[i * n + j] { count += 1; least = min(least, reduced.pairBound[i * n + j]) }
            if count == 0 { return .pruned }
            guard count > 1 else { continue }
            if byForcedBound {
                if least > highest + 1e-9 || (least > highest - 1e-9 && count < fewest) { (branchJob, fewest, highest) = (j, count, least) }
            } else if count < fewest { (branchJob, fewest) = (j, count) }
        }
        guard branchJob >= 0 else {
            // Each job has one pair (the knapsacks held them within the capacities, else the bound
            // would have been +∞): an assignment of value ≤ limit, checked again here.
            let a = (0..<n).map { j in (0..<m).first { reduced.kept[$0 * n + j] }! }
            var load = [Double](repeating: 0, count: m)
            for (j, i) in a.enumerated() { load[i] += problem.resource[i][j] }
            let value = sign * GeneralizedAssignment.objective(problem, a)
            guard (0..<m).allSatisfy({ load[$0] <= problem.capacity[$0] }), value <= limit + slack else { return .pruned }
            met.append(a)
            return stopAtFirst ? .found(a) : .pruned
        }
        let agents = (0..<m).filter { reduced.kept[$0 * n + branchJob] }
            .sorted { reduced.pairBound[$0 * n + branchJob] < reduced.pairBound[$1 * n + branchJob] }
        return .children(agents.enumerated().map { c, i in
            var child = reduced.kept
            for k in 0..<m where k != i { child[k * n + branchJob] = false }
            return Open(path: node.path + [Int32(c)], kept: child, multipliers: u, bound: reduced.pairBound[i * n + branchJob])
        })
    }
}
