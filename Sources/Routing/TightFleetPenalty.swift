import DagrouteCore

/// The price of a left-out request in the VRPTW distance phase at a tight fleet: once route
/// elimination has ended, the routes stay capped at the best plan's count and a request that
/// ruin-and-recreate cannot put back stays out, charged `factor` × the variable (distance and
/// time) cost of serving it alone — not a vehicle's fixed cost, which would forbid every such plan.
/// The annealing can then pass through plans with a request or two out, as the fleet minimisation
/// does; only plans serving every request become the best.
///
/// `factor` starts at `startFactor` (such plans are then as good as never accepted), falls by
/// 0.1 % per iteration while the current plan serves every request, down to `base`, and rises by
/// 0.1 % per iteration while it leaves requests out: the search opens up gradually (a short run
/// keeps the plain distance search) and a long excursion is followed by a long feasible stretch.
/// After `patience` iterations out in a row the best plan comes back. The search applies all this
/// from `warmUp` iterations into the distance phase, so short runs keep the plain distance search.
struct TightFleetPenalty {
    /// Variable cost of serving each request alone on the cheapest vehicle type, euro cents.
    private let alone: [Double]
    private let base: Double
    /// Multiplies `alone` in the annealing objective.
    private(set) var factor: Double

    /// `base` is the lowest multiple of the variable cost of serving a request alone.
    init(state: SearchState, base: Double) {
        let p = state.problem
        alone = p.requests.map { req in
            var cheapest = Double.infinity
            for (k, rule) in state.rules.enumerated() where p.vehicleTypes[k].count > 0 {
                var seg = rule.start
                for s in req.stops { seg = .concat(seg, .stop(s, in: p), in: p) }
                cheapest = min(cheapest, rule.cost(.concat(seg, rule.end, in: p)) - rule.fixed)
            }
            return cheapest.isFinite ? max(0, cheapest) : 0
        }
        self.base = base
        factor = max(base, Self.startFactor)
    }

    /// The factor at the start.
    static let startFactor = 100.0
    /// Iterations of the distance phase before the cap and this pricing apply.
    static let warmUp = 2000

    /// Sum of the variable costs of the requests `state` leaves out (before `factor`).
    func outPenalty(_ state: SearchState) -> Double {
        var c = 0.0
        for q in state.unassigned { c += alone[q] }
        return c
    }

    /// Iterations in a row the current plan has left requests out.
    private var outIterations = 0
    /// Iterations in a row with requests out after which the best plan comes back: a request that
    /// fits nowhere for that long rarely comes back in (traced on r2_2_1: one request stayed out for
    /// 10,000 iterations while the factor rose to its cap).
    static let patience = 2000

    /// After an iteration, with the current plan in `state`. Returns true when the current plan
    /// has left requests out for `patience` iterations in a row: the caller then restores the best
    /// plan.
    mutating func adapt(_ state: SearchState) -> Bool {
        factor = state.unassigned.isEmpty ? max(base, factor / 1.001) : min(1e4 * base, factor * 1.001)
        outIterations = state.unassigned.isEmpty ? 0 : outIterations + 1
        guard outIterations >= Self.patience else { return false }
        outIterations = 0
        return true
    }
}
