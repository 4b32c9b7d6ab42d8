import DagrouteCore
import Foundation

/// The routing solver: regret insertion, then iterated ruin-and-recreate (SISR) with simulated
/// annealing and local search on every new best — granular for single-stop problems (CVRP, VRPTW),
/// request relocate and exchange, pair-preserving 2-opt* and route emptying (`PairLocalSearch`)
/// for pickup–delivery problems.
/// On long routes (r2, rc2) a search whose distance phase stagnates makes way for a fresh one
/// (`Search.runWithRestarts`).
/// Independent searches run on `parameters.threads` threads with seeds `seed`, `seed + 1`, …; the
/// cheapest plan wins, ties going to the lower thread, so the same seed and thread count give the
/// same answer under an iteration budget.
public enum RoutingSolver {
    /// Solves `problem`. Never throws for an unroutable request: it comes back in `unassigned`.
    ///
    /// `initial` warm-starts every thread: `initial[r]` is the stop sequence of vehicle slot `r`,
    /// slots numbered type by type (`vehicleTypes[0].count` slots first, then the next type's, …;
    /// missing trailing slots are empty). Requests that do not fit their route are dropped from it;
    /// regret insertion then places them with every request the routes leave out.
    public static func solve(_ problem: RoutingProblem, parameters: SolverParameters = SolverParameters(),
                             stop: StopCriterion, seed: UInt64, initial: [[Int]] = [],
                             progress: DagrouteCore.Progress = .silent) -> RoutingResult {
        let started = Date()
        let reasons = impossibleRequests(problem)
        let excluded = Set(reasons.keys)
        let neighbours = NeighbourLists(problem, size: min(max(100, parameters.neighbours), max(0, problem.stops.count - 1)),
                                        relatedRequests: parameters.relatedRuin)
        let threads = max(1, parameters.threads)
        let outcomes = ThreadResults(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            outcomes.set(t, Search.runWithRestarts(problem: problem, excluded: excluded, neighbours: neighbours,
                                                   parameters: parameters, stop: stop, seed: seed &+ UInt64(t),
                                                   initial: initial, started: started,
                                                   progress: t == 0 ? progress : .silent))
        }
        let all = outcomes.values
        var winner = 0
        for t in 1..<threads where (all[t].unassigned, all[t].objective) < (all[winner].unassigned, all[winner].objective) { winner = t }
        let state = SearchState(problem: problem, excluded: excluded)
        state.restore(all[winner].routes)
        var result = assemble(state, reasons: reasons, leftOut: all[winner].constructionCut ? .timeLimit : .fleetExhausted)
        result.statistics = SolverStatistics(iterations: all.reduce(0) { $0 + $1.iterations },
                                             runtime: Date().timeIntervalSince(started), threads: threads,
                                             bestIteration: all[winner].bestIteration,
                                             restarts: all.reduce(0) { $0 + $1.restarts })
        return result
    }

    /// Requests that no vehicle type can serve even alone, with the reason.
    static func impossibleRequests(_ problem: RoutingProblem) -> [Int: UnassignedReason] {
        var scheduler = RouteScheduler(problem)
        var out: [Int: UnassignedReason] = [:]
        for (q, req) in problem.requests.enumerated() {
            var fits = false, capacityOK = false
            for (k, v) in problem.vehicleTypes.enumerated() where v.count > 0 {
                let rule = VehicleRules(v)
                let seg = rule.route(req.stops, in: problem)
                if seg.maxSeats <= rule.seats && seg.maxWheelchairs <= rule.wheelchairs { capacityOK = true } else { continue }
                let seq = req.stops.map { Int32($0) }
                if rule.isFeasible(seg) && seq.withUnsafeBufferPointer({ scheduler.schedule(vehicle: k, stops: $0) }) { fits = true; break }
            }
            if !fits { out[q] = capacityOK ? .timeWindowOrRideTime : .capacity }
        }
        return out
    }

    /// Turns the routes of `state` into the public result (schedules, costs, unassigned).
    /// Requests the routes leave out (other than those in `reasons`) get reason `leftOut`.
    static func assemble(_ state: SearchState, reasons: [Int: UnassignedReason],
                         leftOut: UnassignedReason = .fleetExhausted) -> RoutingResult {
        var routes: [PlannedRoute] = []
        var cost = CostBreakdown(fixed: 0, distance: 0, time: 0)
        for r in 0..<state.routes.count where !state.routes[r].isEmpty {
            let k = state.slotType[r], stops = state.routes[r], rule = state.rules[k]
            let ok = stops.withUnsafeBufferPointer { state.scheduler.schedule(vehicle: k, stops: $0) }
            let b = state.scheduler.b
            let whole = state.whole(r)
            let planned = PlannedRoute(vehicleType: k, stops: stops.map(Int.init), serviceStart: Array(b[1...stops.count]),
                                       departure: state.scheduler.departure, arrival: b[stops.count + 1], distance: whole.distance)
            precondition(ok || !rule.isFeasible(whole), "a summary-feasible route failed scheduling")
            routes.append(planned)
            cost.fixed += rule.fixed
            cost.distance += rule.perMetre * Double(whole.distance)
            cost.time += rule.perSecond * Double(planned.duration)
        }
        var unassigned = reasons.map { UnassignedRequest(request: $0.key, reason: $0.value) }
        unassigned += state.unassigned.map { UnassignedRequest(request: $0, reason: leftOut) }
        unassigned.sort { $0.request < $1.request }
        return RoutingResult(routes: routes, cost: cost, unassigned: unassigned,
                             statistics: SolverStatistics(iterations: 0, runtime: 0, threads: 1, bestIteration: 0, restarts: 0))
    }
}

/// What one thread's search found.
struct ThreadOutcome: Sendable {
    var routes: [[Int32]]
    var objective: Double
    var unassigned: Int
    var iterations: Int
    var bestIteration: Int
    /// The time limit or Ctrl-C ended the search before construction had placed every request it
    /// could: the requests left out are reported with reason `timeLimit`.
    var constructionCut: Bool
    /// The search ended early because its distance phase on long routes went
    /// `SolverParameters.restartAfter` iterations without a new best: a fresh search should use
    /// the rest of the budget (`Search.runWithRestarts`).
    var stagnated = false
    /// Fresh searches started after stagnated ones (`Search.runWithRestarts`).
    var restarts = 0
}

/// Slots written by one thread each, read after all threads have finished.
final class ThreadResults: @unchecked Sendable {
    private var slots: [ThreadOutcome?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: ThreadOutcome) { lock.lock(); slots[i] = v; lock.unlock() }
    var values: [ThreadOutcome] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

/// One independent search (one thread).
struct Search {
    let problem: RoutingProblem
    let excluded: Set<Int>
    let neighbours: NeighbourLists
    let parameters: SolverParameters
    let stop: StopCriterion
    let seed: UInt64
    /// Routes to start from (see `RoutingSolver.solve`); empty for a cold start.
    let initial: [[Int]]
    let started: Date
    let progress: DagrouteCore.Progress

    func run() -> ThreadOutcome {
        var rng = SeededGenerator(seed: seed)
        let state = SearchState(problem: problem, excluded: excluded)
        // The time limit and Ctrl-C also bound construction and the first local search.
        let shouldStop = { Cancellation.isRequested || stop.isMet(iteration: 0, sinceImprovement: 0, elapsed: Date().timeIntervalSince(started)) }
        if !initial.isEmpty { state.warmStart(initial) }
        state.regretConstruction(shouldStop: shouldStop)
        let constructionCut = !state.unassigned.isEmpty && shouldStop()
        let localSearch = problem.hasPairs ? nil : LocalSearch(state: state, neighbours: neighbours, size: parameters.neighbours)
        localSearch?.run(rng: &rng, shouldStop: shouldStop)
        let pairSearch = problem.hasPairs ? PairLocalSearch(state: state, neighbours: neighbours, routesNear: parameters.neighbours) : nil
        pairSearch?.improve(shouldStop: shouldStop)
        pairSearch?.emptyShortRoutes(count: PairLocalSearch.shortRoutesTried)
        var current = state.objective, currentCost = state.routesCost, currentOut = state.outPenalty
        var best = current, bestOut = state.unassigned.count, bestRoutes = state.snapshot(), bestIteration = 0
        progress.say(String(format: "construction: cost %.2f, %d unassigned", current, state.unassigned.count))
        // Temperatures scale with the mean cost of driving from the depot to a stop.
        let rule = state.rules[0]
        var meanLeg = 0.0
        for s in problem.stops { meanLeg += rule.perMetre * Double(problem.distance(rule.start.first, s.location)) + rule.perSecond * Double(problem.duration(rule.start.first, s.location)) }
        meanLeg /= Double(max(1, problem.stops.count))
        let t0 = max(1e-9, parameters.startTemperature * meanLeg), tf = max(1e-12, parameters.endTemperature * meanLeg)
        let distanceTf = max(1e-12, parameters.distanceEndTemperature * meanLeg)
        // The clock's grace applies only beside an iteration budget (a time budget alone drives
        // the schedule from the start, as before).
        let clockGrace = stop.hasIterationBudget ? parameters.clockGrace : 0
        var iteration = 0, since = 0
        var saved: [(Int, [Int32])] = [], candidates: [InsertionMove] = [], routeList: [Int] = []
        var lastReport = 0.0, stagnated = false
        // Iteration at which the distance phase began (route elimination ended), nil before.
        var distanceStart: Int?
        var recombination = PoolRecombination(parameters: parameters, stop: stop)
        var elimination = RouteElimination(state: state, parameters: parameters)
        // Time-warp education of new bests once route elimination has ended (VRPTW).
        var education = localSearch != nil && parameters.educateNewBests ? TimeWarpEducation(state: state) : nil
        recombination.pool.addAll(of: state)
        while true {
            let elapsed = Date().timeIntervalSince(started)
            if Cancellation.isRequested || stop.isMet(iteration: iteration, sinceImprovement: since, elapsed: elapsed) { break }
            let progressNow = stop.progress(iteration: iteration, elapsed: elapsed, clockGrace: clockGrace)
            if elimination.finished && distanceStart == nil { distanceStart = iteration }
            if let distanceStart, parameters.restartAfter > 0, min(since, iteration - distanceStart) >= parameters.restartAfter
                && progressNow <= 1 - Self.restartRemaining && Self.longRoutes(bestRoutes) {
                stagnated = true
                progress.say(String(format: "iteration %d: no new best for %d iterations, restarting", iteration, since))
                break
            }
            if recombination.isDue(progress: progressNow),
               let better = recombination.recombine(state: state, best: bestRoutes, bestOut: bestOut, bestObjective: best, elapsed: elapsed) {
                best = better.objective; bestOut = better.out; bestRoutes = better.slots; bestIteration = iteration; since = 0
                progress.say(String(format: "set partitioning over %d routes: best %.2f", recombination.pool.count, best))
                // A running route-elimination attempt goes on; it falls back to this plan if it fails.
                if !elimination.isAttempting {
                    state.restore(better.slots)
                    currentCost = state.routesCost; currentOut = state.outPenalty; current = state.objective
                }
            }
            if elimination.step(state: state, best: bestRoutes, iteration: iteration, progress: progressNow, rng: &rng) {
                currentCost = state.routesCost; currentOut = state.outPenalty; current = state.objective
                if elimination.isAttempting { progress.say("route elimination: trying \(state.maxRoutes) routes at iteration \(iteration)") }
            }
            // After route elimination, the distance search anneals over the rest of the budget.
            let annealed = elimination.endProgress < 1 ? max(0, progressNow - elimination.endProgress) / (1 - elimination.endProgress) : 1
            let temperature = t0 * pow((elimination.finished ? distanceTf : tf) / t0, annealed)
            iteration += 1; since += 1
            saved.removeAll(keepingCapacity: true)
            let unassignedBefore = state.unassigned
            state.ruin(neighbours: neighbours, params: parameters, rng: &rng, saved: &saved)
            state.recreate(params: parameters, hard: unassignedBefore, neighbours: neighbours, rng: &rng, saved: &saved, candidates: &candidates, routeList: &routeList)
            // Removing stops can lengthen a ride (more waiting on board); such plans are rejected.
            let ridesOK = !state.checkRides || saved.allSatisfy { state.ridesFeasible(vehicleType: state.slotType[$0.0], state.routes[$0.0]) }
            let candidateCost = state.routesCost, candidateOut = state.outPenalty
            let candidate = candidateCost + state.penaltyFactor * candidateOut
            let annealing = candidate < currentCost + state.penaltyFactor * currentOut - temperature * log(max(rng.nextUnit(), 1e-300))
            let accepted = ridesOK && (elimination.isAttempting ? elimination.accepts(state, annealing: annealing) : annealing)
            if accepted {
                currentCost = candidateCost; currentOut = candidateOut
                current = candidate
                if candidateCost <= best * (1 + PoolRecombination.tolerance) {
                    for (r, _) in saved { recombination.pool.add(vehicleType: state.slotType[r], stops: state.routes[r], cost: state.routeCost[r]) }
                }
                let out = state.unassigned.count
                if out < bestOut || (out == bestOut && current < best - 1e-9) {
                    if let localSearch {
                        if education != nil && elimination.finished && out == 0 {
                            education!.improve(state: state, localSearch: localSearch, rng: &rng, shouldStop: shouldStop)
                        } else { localSearch.run(rng: &rng) }
                        currentCost = state.routesCost; current = state.objective
                    }
                    // Pickup–delivery: request relocate from the routes this iteration changed, then
                    // attempts to empty the shortest routes.
                    if let pairSearch,
                       pairSearch.improve(routes: saved.map(\.0)) + pairSearch.emptyShortRoutes(count: PairLocalSearch.shortRoutesTried) < 0 {
                        for r in pairSearch.changed { recombination.pool.add(vehicleType: state.slotType[r], stops: state.routes[r], cost: state.routeCost[r]) }
                        currentCost = state.routesCost; current = state.objective
                    }
                    best = current; bestOut = out; bestRoutes = state.snapshot(); bestIteration = iteration; since = 0
                }
            } else {
                state.undo(saved: saved, unassignedBefore: unassignedBefore)
            }
            state.adaptPenalty()
            elimination.afterIteration(state)
            if elapsed - lastReport >= 5 {
                lastReport = elapsed
                progress.say(String(format: "iteration %d: best %.2f, current %.2f", iteration, best, current))
            }
        }
        if recombination.isDueAtEnd && !Cancellation.isRequested,
           let better = recombination.recombine(state: state, best: bestRoutes, bestOut: bestOut, bestObjective: best, elapsed: 0) {
            best = better.objective; bestOut = better.out; bestRoutes = better.slots; bestIteration = iteration
        }
        return ThreadOutcome(routes: bestRoutes, objective: best, unassigned: bestOut, iterations: iteration, bestIteration: bestIteration,
                             constructionCut: constructionCut, stagnated: stagnated)
    }

    /// Share of the budget that must remain for a stagnated search to end and make way for a
    /// fresh one.
    static let restartRemaining = 0.1
    /// Mean stops per route from which a plan's routes count as long (the r2 and rc2
    /// Gehring–Homberger plans: 4–6 routes of 33–50 customers; type 1 has 10–20).
    static let longRouteStops = 25

    /// True when the non-empty routes of `slots` hold at least `longRouteStops` stops on average.
    static func longRoutes(_ slots: [[Int32]]) -> Bool {
        var stops = 0, used = 0
        for r in slots where !r.isEmpty { stops += r.count; used += 1 }
        return used > 0 && stops >= longRouteStops * used
    }

    /// One thread's search: a `Search` over the whole budget; when its distance phase stagnates
    /// on long routes (no new best for `SolverParameters.restartAfter` iterations, at least
    /// `restartRemaining` of the budget left), a fresh search (construction, route elimination,
    /// distance phase, its own route pool and schedule) from a derived seed takes the rest of the
    /// budget, and so on. The best plan of all (fewest left out, then cost, the earlier on ties)
    /// is the thread's answer. Deterministic under an iteration budget.
    static func runWithRestarts(problem: RoutingProblem, excluded: Set<Int>, neighbours: NeighbourLists,
                                parameters: SolverParameters, stop: StopCriterion, seed: UInt64, initial: [[Int]],
                                started: Date, progress: DagrouteCore.Progress) -> ThreadOutcome {
        var episodeStop = stop, episodeStart = started, episodeSeed = seed
        var used = 0, restarts = 0
        var best: ThreadOutcome?
        while true {
            var outcome = Search(problem: problem, excluded: excluded, neighbours: neighbours, parameters: parameters,
                                 stop: episodeStop, seed: episodeSeed, initial: initial, started: episodeStart,
                                 progress: progress).run()
            outcome.bestIteration += used
            used += outcome.iterations
            if best == nil || (outcome.unassigned, outcome.objective) < (best!.unassigned, best!.objective) { best = outcome }
            guard outcome.stagnated && !Cancellation.isRequested else { break }
            let now = Date()
            episodeStop = stop.remainder(iterations: used, elapsed: now.timeIntervalSince(started))
            episodeStart = now
            episodeSeed = episodeSeed &+ 0x9E37_79B9_7F4A_7C15
            restarts += 1
        }
        best!.iterations = used
        best!.restarts = restarts
        best!.stagnated = false
        return best!
    }
}
