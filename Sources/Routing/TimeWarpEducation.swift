import DagrouteCore

/// The time-warp education of the VRPTW distance phase (HGS-TW, Vidal et al. 2013), applied to
/// every new best plan once route elimination has ended (`SolverParameters.educateNewBests`): a plan is
/// improved by the granular local search on penalised costs (`TimeWarpPenalty`: routes may be late
/// or overloaded), repaired when the result is infeasible by the same search with 10× and then
/// 100× the penalties, and polished by the feasible local search (with SWAP*). Only a feasible
/// result is kept; otherwise the plan before comes back.
///
/// The penalties adapt to the share of penalised descents that end feasible, counted separately
/// for time (time warp, duration) and load over the last `window` (100) educations: a share below
/// 20 % raises that penalty by 20 %, above 40 % lowers it by 15 %. A 30 s run on a 200-customer
/// Gehring–Homberger instance on a loaded machine educates only a few dozen new bests, so there the
/// starting penalties hold (on r1_2_5, 11 of the first 32 penalised descents ended feasible, inside
/// the band); a window of 20 measured worse (BENCHMARKS.md).
struct TimeWarpEducation {
    /// The penalties of the next penalised descent.
    private(set) var penalty: TimeWarpPenalty
    private var runs = 0, timeFeasible = 0, loadFeasible = 0
    static let window = 100
    static let targetFeasible = 0.2...0.4

    /// Multiple of the starting penalties over the cost of driving (see `init`): lower ones let the
    /// first descents on Gehring–Homberger r1 instances end with time warps that neither 10× nor 100×
    /// repaired (measured on r1_2_5: ×1 and ×10 left most descents unrepaired, ×100 almost none).
    static let initialScale = 100.0

    /// Starts at `initialScale` × the cost of driving one second (per second of lateness) and
    /// `initialScale` × the cost of the mean depot leg per unit of mean demand (per unit of excess
    /// load), as measured on `state`'s first vehicle type.
    init(state: SearchState) {
        let p = state.problem, rule = state.rules[0]
        var cost = 0.0, seconds = 0.0, demand = 0.0
        for s in p.stops {
            cost += rule.perMetre * Double(p.distance(rule.start.first, s.location)) + rule.perSecond * Double(p.duration(rule.start.first, s.location))
            seconds += Double(p.duration(rule.start.first, s.location))
        }
        for q in p.requests { demand += Double(q.load.seats + q.load.wheelchairs) }
        let n = Double(max(1, p.stops.count))
        penalty = TimeWarpPenalty(perSecond: Self.initialScale * max(1e-6, cost / max(1, seconds)),
                                  perLoad: Self.initialScale * max(1e-6, (cost / n) / max(1, demand / Double(max(1, p.requests.count)))))
    }

    /// Educates the plan in `state` (every request served) with `localSearch` and leaves the
    /// result in `state`. Returns true when it is feasible; false when repair failed (the caller
    /// then restores the plan it had).
    mutating func educate(state: SearchState, localSearch: LocalSearch, rng: inout SeededGenerator,
                          shouldStop: () -> Bool) -> Bool {
        localSearch.penalty = penalty
        localSearch.run(rng: &rng, shouldStop: shouldStop)
        var (time, load) = Self.violations(state)
        record(timeFeasible: time == 0, loadFeasible: load == 0)
        for factor in [10.0, 100.0] where time > 0 || load > 0 {
            localSearch.penalty = TimeWarpPenalty(perSecond: penalty.perSecond * factor, perLoad: penalty.perLoad * factor)
            localSearch.run(rng: &rng, shouldStop: shouldStop)
            (time, load) = Self.violations(state)
        }
        localSearch.penalty = nil
        guard time == 0 && load == 0 else { return false }
        localSearch.run(rng: &rng, shouldStop: shouldStop)
        return true
    }

    /// Improves the feasible plan in `state` (every request served; a new best): educated when
    /// that ends feasible and not dearer than the plan was, otherwise the plan gets the feasible
    /// local search alone.
    mutating func improve(state: SearchState, localSearch: LocalSearch, rng: inout SeededGenerator,
                          shouldStop: () -> Bool) {
        let plan = state.snapshot(), cost = state.routesCost
        if educate(state: state, localSearch: localSearch, rng: &rng, shouldStop: shouldStop) && state.routesCost <= cost { return }
        state.restore(plan)
        localSearch.run(rng: &rng, shouldStop: shouldStop)
    }

    /// Total lateness (time warp plus duration beyond the maximum, seconds) and excess load of the
    /// routes of `state`.
    static func violations(_ state: SearchState) -> (time: Int, load: Int) {
        var time = 0, load = 0
        for r in 0..<state.routes.count where !state.routes[r].isEmpty {
            let s = state.whole(r), rule = state.rules[state.slotType[r]]
            time += s.timeWarp + max(0, s.duration - rule.maxDuration)
            load += max(0, s.maxSeats - rule.seats) + max(0, s.maxWheelchairs - rule.wheelchairs)
        }
        return (time, load)
    }

    private mutating func record(timeFeasible t: Bool, loadFeasible l: Bool) {
        runs += 1
        if t { timeFeasible += 1 }
        if l { loadFeasible += 1 }
        guard runs == Self.window else { return }
        penalty.perSecond *= Self.factor(share: Double(timeFeasible) / Double(runs))
        penalty.perLoad *= Self.factor(share: Double(loadFeasible) / Double(runs))
        runs = 0; timeFeasible = 0; loadFeasible = 0
    }

    /// Penalty multiplier for a share of feasible descents.
    static func factor(share: Double) -> Double {
        share < targetFeasible.lowerBound ? 1.2 : share > targetFeasible.upperBound ? 0.85 : 1
    }
}
