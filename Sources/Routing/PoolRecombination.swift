import Foundation

/// When and how long the search recombines its route pool (`SetPartitioning`): at 20, 40, 60, 80
/// and 95 % of the budget, and once more at the end when only iterations bound the search. Each
/// solve gets `recombinationShare` of the time budget (at most half of what remains); without a
/// time budget it gets 10 s and only a proven optimum counts, so that the answer depends on the
/// seed and thread count alone. When an iteration budget and a time budget bound the search of a
/// single-stop problem (CVRP, VRPTW) together, a solve stops after `simplexIterations` simplex
/// iterations instead (at most half of the time that remains), so that such runs too depend on
/// the seed and thread count alone, not on the machine's load.
struct PoolRecombination {
    var pool: RoutePool
    private let checkpoints: [Double] = [0.2, 0.4, 0.6, 0.8, 0.95]
    private var next = 0
    private let runtime: Double?
    private let share: Double
    private let iterationBound: Bool
    let enabled: Bool
    /// Simplex iterations of one solve when an iteration budget bounds the search of a
    /// single-stop problem: about what a solve gets from its 2 % time share (1.2 s) of a 60 s run
    /// on the quiet machine (rc1_2_3 under load: about 1,000 per second; r2_2_1's solves need
    /// 40–600 to prove their optimum).
    static let simplexIterations = 2_000
    /// Plans within this fraction of the best contribute their changed routes to the pool.
    static let tolerance = 0.02

    init(parameters: SolverParameters, stop: StopCriterion) {
        pool = RoutePool(capacity: parameters.poolSize)
        runtime = stop.runtimeLimit
        share = parameters.recombinationShare
        iterationBound = stop.hasIterationBudget
        enabled = parameters.poolSize > 0 && parameters.recombinationShare > 0
    }

    /// True once per checkpoint that `progress` (0…1) has passed.
    mutating func isDue(progress: Double) -> Bool {
        guard enabled, next < checkpoints.count, progress >= checkpoints[next] else { return false }
        while next < checkpoints.count && progress >= checkpoints[next] { next += 1 }
        return true
    }

    /// True when a final solve after the search loop is due (no time budget to respect).
    var isDueAtEnd: Bool { enabled && runtime == nil }

    /// Recombines the pool with the best plan: the new slots with their objective (as
    /// `SearchState.objective`) when strictly better than (`bestOut`, `best`), else nil. Leaves
    /// `state` as it was.
    mutating func recombine(state: SearchState, best: [[Int32]], bestOut: Int, bestObjective: Double,
                            elapsed: Double) -> (slots: [[Int32]], objective: Double, out: Int)? {
        let limit: Double
        // Pickup–delivery problems (the care waves) keep their time shares.
        let onBudget = runtime != nil && iterationBound && !state.problem.hasPairs
        if let runtime {
            limit = onBudget ? 0.5 * (runtime - elapsed) : min(share * runtime, 0.5 * (runtime - elapsed))
        } else { limit = 10 }
        guard let slots = SetPartitioning.recombine(pool: &pool, state: state, best: best, bestOut: bestOut, timeLimit: limit,
                                                    simplexIterationLimit: onBudget ? Self.simplexIterations : nil,
                                                    requireOptimal: runtime == nil) else { return nil }
        let before = state.snapshot()
        state.restore(slots)
        let objective = state.objective, out = state.unassigned.count
        state.restore(before)
        return (out, objective) < (bestOut, bestObjective - 1e-6) ? (slots, objective, out) : nil
    }
}
