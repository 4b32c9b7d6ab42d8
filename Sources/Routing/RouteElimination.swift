import DagrouteCore

/// The route-elimination phase for problems whose fixed vehicle cost dominates (Solomon and
/// Gehring–Homberger VRPTW rank plans by vehicles first): take the best plan, empty one of its
/// smallest routes, forbid opening a route (`SearchState.maxRoutes` = routes − 1) and let
/// ruin-and-recreate work the left-out requests back in. As in the fleet minimisation of SISR
/// (Christiaens & Vanden Berghe 2020), a plan is accepted when it leaves fewer requests out, or
/// when the requests it leaves out have been out less often in total (absence counters, raised for
/// the current plan's left-out requests after every iteration; the most absent are reinserted
/// first). When all are served the plan is a new best with one vehicle fewer and the next route
/// goes; when an attempt has not succeeded within `attemptIterations` or a tenth of the budget, the
/// best plan comes back and another small route is tried. The phase ends after `maxFailures` failed
/// attempts in a row (`maxCloseFailures` while the last one came within `closeOut` requests) or at
/// `share` of the budget, leaving the rest to distance.
struct RouteElimination {
    private(set) var active: Bool
    private let share: Double
    private let attemptIterations: Int
    /// Failed attempts in a row. Two end the phase, unless the last one came close (at some point
    /// at most `closeOut` requests out): then another victim route is tried, up to
    /// `maxCloseFailures` failures in a row. Another victim often succeeds where a near miss failed
    /// (c1_2_8 at 30 s: 19 vehicles at the second try after 3 out at the first), while attempts
    /// below the fewest vehicles stayed far off where traced (c1_2_8 at 18: 8 out at best), so there
    /// the retries cost the distance phase nothing.
    private var failures = 0
    static let maxFailures = 2
    static let maxCloseFailures = 4
    static let closeOut = 3
    /// Fewest requests out after an iteration of the running attempt, and whether the last failed
    /// attempt came close.
    private var fewestOut = Int.max
    private var lastFailureClose = false

    /// True when the failures in a row end the phase.
    private var exhausted: Bool {
        failures >= Self.maxCloseFailures || (failures >= Self.maxFailures && !lastFailureClose)
    }
    /// Iteration at which the running attempt started, nil when none runs.
    private var attemptStart: Int?
    /// Search progress (0…1) when the running attempt started; an attempt gets at most
    /// `attemptShare` of the budget.
    private var attemptStartProgress = 0.0
    static let attemptShare = 0.1
    /// How many iterations each request has been left out during attempts.
    private var absence: [Int]
    /// Left-out requests of the current plan and the sum of their absence counters.
    private var currentOut = 0
    private var currentAbsence = 0

    /// Search progress (0…1) at which the phase ended (0 when it never ran): the distance search
    /// anneals from its start temperature from there.
    private(set) var endProgress = 0.0

    /// True once the phase has run and ended: the distance search then anneals from the start
    /// temperature to `SolverParameters.distanceEndTemperature`.
    private(set) var finished = false

    private mutating func finish(_ progress: Double) {
        active = false; finished = true; endProgress = progress
    }

    /// True while an attempt runs (the search then accepts plans by `accepts`).
    var isAttempting: Bool { attemptStart != nil }

    /// Active when the cheapest fixed cost of a vehicle exceeds the variable (distance and time)
    /// cost of the whole current plan of `state`, so that one vehicle fewer always pays.
    init(state: SearchState, parameters: SolverParameters) {
        var variable = state.routesCost
        for r in 0..<state.routes.count where !state.routes[r].isEmpty { variable -= state.rules[state.slotType[r]].fixed }
        let minFixed = state.problem.vehicleTypes.indices.filter { state.problem.vehicleTypes[$0].count > 0 }
            .map { state.rules[$0].fixed }.min() ?? 0
        active = parameters.routeEliminationShare > 0 && minFixed > variable && state.unassigned.isEmpty
        share = parameters.routeEliminationShare
        attemptIterations = max(1, parameters.routeEliminationIterations)
        absence = [Int](repeating: 0, count: state.problem.requests.count)
    }

    /// During an attempt: whether the plan now in `state` replaces the current one (fewer left
    /// out, a lower absence sum, or no more left out and accepted by the annealing on cost,
    /// `annealing`); records it as current when it does.
    mutating func accepts(_ state: SearchState, annealing: Bool) -> Bool {
        let out = state.unassigned.count
        var sum = 0
        for q in state.unassigned { sum += absence[q] }
        guard out < currentOut || sum < currentAbsence || (out <= currentOut && annealing) else { return false }
        currentOut = out; currentAbsence = sum
        return true
    }

    /// During an attempt, after every iteration: raises the absence counters of the current plan's
    /// left-out requests and orders them most absent first for the next reinsertion.
    mutating func afterIteration(_ state: SearchState) {
        guard isAttempting else { return }
        fewestOut = min(fewestOut, state.unassigned.count)
        for q in state.unassigned { absence[q] += 1 }
        state.unassigned.sort { (absence[$0], $1) > (absence[$1], $0) }
        currentAbsence = 0
        for q in state.unassigned { currentAbsence += absence[q] }
    }

    /// Called before every iteration; returns true when it changed `state` (the caller then
    /// re-reads the current cost). `best` are the slots of the best plan.
    mutating func step(state: SearchState, best: [[Int32]], iteration: Int, progress: Double,
                       rng: inout SeededGenerator) -> Bool {
        guard active else { return false }
        if progress >= share || exhausted {
            finish(progress)
            guard attemptStart != nil else { return false }
            attemptStart = nil
            state.maxRoutes = Int.max
            state.restore(best)
            return true
        }
        if let started = attemptStart {
            if !state.unassigned.isEmpty && iteration - started < attemptIterations
                && progress - attemptStartProgress < Self.attemptShare { return false }
            if state.unassigned.isEmpty {
                failures = 0
            } else {   // failed: back to the best plan
                failures += 1
                lastFailureClose = fewestOut <= Self.closeOut
                state.restore(best)
                if exhausted {
                    finish(progress); attemptStart = nil; state.maxRoutes = Int.max
                    return true
                }
            }
        }
        return startAttempt(state: state, iteration: iteration, progress: progress, rng: &rng)
    }

    /// Empties one of the three smallest routes (random) and caps the routes at one fewer.
    private mutating func startAttempt(state: SearchState, iteration: Int, progress: Double, rng: inout SeededGenerator) -> Bool {
        var used = (0..<state.routes.count).filter { !state.routes[$0].isEmpty }
        guard used.count > 1 else {
            finish(progress); attemptStart = nil; state.maxRoutes = Int.max
            return true
        }
        used.sort { (state.routes[$0].count, $0) < (state.routes[$1].count, $1) }
        let victim = used[Int(rng.next() % UInt64(min(3, used.count)))]
        let requests = state.routes[victim].compactMap { s -> Int? in
            let q = Int(state.problem.requestOfStop[Int(s)])
            return state.problem.requests[q].stops[0] == Int(s) ? q : nil
        }
        state.maxRoutes = used.count - 1
        state.remove(requests: requests)
        attemptStart = iteration; attemptStartProgress = progress
        fewestOut = Int.max
        currentOut = state.unassigned.count
        currentAbsence = 0
        for q in state.unassigned { currentAbsence += absence[q] }
        return true
    }
}
