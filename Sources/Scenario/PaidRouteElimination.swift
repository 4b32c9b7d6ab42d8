import Routing

/// Fleet minimisation aimed at the vehicles a coupled wave pays for: in a wave solved after
/// others of its day (`coupled(freeVehicles:)`), a route on a full-cost vehicle type adds a whole
/// vehicle's fixed cost to the day, while the earlier waves' vehicles are free. An attempt takes
/// the paid route with the fewest rides out, caps every full-cost type at the routes it has in
/// use (the victim's type at one fewer) and lets the search work the victim's rides into the
/// other routes, starting from the plan without it. The attempt's plan is kept when it leaves no
/// more rides out and costs less (it is then a plan of the uncapped problem too); the next
/// attempt takes the smallest paid route of the best plan not yet tried, up to `paidRouteAttempts`.
extension WaveProblem {
    /// Attempts per wave; in `ScenarioRunner` each gets `paidRouteIterationsPerRide` × the wave's rides
    /// iterations (and its share of the time left in the wave's slice).
    static let paidRouteAttempts = 3

    /// `result` (a plan of this coupled problem, free vehicles used first) or a cheaper plan with
    /// fewer routes on full-cost types. `solve` runs the search of one attempt on a capped copy of
    /// the problem from the given warm-start slots (`RoutingSolver.solve(initial:)`) and is called
    /// at most `paidRouteAttempts` times, only when `result` has a paid route and the wave has a
    /// type without fixed cost.
    func withoutPaidRoutes(_ result: RoutingResult,
                           solve: (_ capped: RoutingProblem, _ initial: [[Int]], _ attempt: Int) -> RoutingResult) -> RoutingResult {
        guard let problem, problem.vehicleTypes.contains(where: { $0.fixedCost == 0 && $0.count > 0 }) else { return result }
        var best = result
        // Routes of `best` whose attempt failed: the next attempt takes another victim.
        var failed: Set<Int> = []
        for attempt in 0..<Self.paidRouteAttempts {
            let paid = best.routes.indices.filter { problem.vehicleTypes[best.routes[$0].vehicleType].fixedCost > 0 }
            guard let victim = paid.filter({ !failed.contains($0) })
                .min(by: { (best.routes[$0].stops.count, $0) < (best.routes[$1].stops.count, $1) }) else { break }
            let (capped, initial) = cappedWithout(victim, of: best)
            let tried = withFreeVehiclesUsedFirst(solve(capped, initial, attempt))
            if tried.unassigned.count <= best.unassigned.count, tried.cost.total < best.cost.total - 1e-6 {
                best = tried; failed = []
            } else {
                failed.insert(victim)
            }
        }
        return best
    }

    /// This problem with every full-cost vehicle type capped at its routes in `result` (the type
    /// of route `victim` at one fewer), and `result`'s other routes as warm-start slots of it
    /// (type by type, as `RoutingSolver.solve(initial:)` numbers them). Types without fixed cost
    /// keep their counts.
    func cappedWithout(_ victim: Int, of result: RoutingResult) -> (RoutingProblem, [[Int]]) {
        let problem = problem!
        var used = [Int](repeating: 0, count: problem.vehicleTypes.count)
        for route in result.routes { used[route.vehicleType] += 1 }
        used[result.routes[victim].vehicleType] -= 1
        var types = problem.vehicleTypes
        for k in types.indices where types[k].fixedCost > 0 { types[k].count = used[k] }
        var offset: [Int] = [], slots = 0
        for type in types { offset.append(slots); slots += type.count }
        var initial = [[Int]](repeating: [], count: slots), filled = [Int](repeating: 0, count: types.count)
        for (r, route) in result.routes.enumerated() where r != victim {
            let k = route.vehicleType
            initial[offset[k] + filled[k]] = route.stops
            filled[k] += 1
        }
        // Only counts change: stops, requests and matrices were validated with `problem`.
        let capped = try! RoutingProblem(stops: problem.stops, requests: problem.requests, vehicleTypes: types,
                                         matrices: problem.matrices, source: "<\(day.rawValue) \(wave.rawValue) routes, paid vehicles capped>")
        return (capped, initial)
    }
}
