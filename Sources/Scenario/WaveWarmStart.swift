import Routing

extension WaveProblem {
    /// Share (0…1) of this problem's rides that `base` has too, unchanged: same client, direction,
    /// location and ride limit. 1 for an identical problem, 0 without rides.
    func shareOfSameRides(as base: WaveProblem) -> Double {
        guard !rides.isEmpty else { return 0 }
        struct Key: Hashable { var client: Int, inbound: Bool, location: Int, limit: Int }
        let theirs = Set(base.rides.map { Key(client: $0.client, inbound: $0.inbound, location: $0.location, limit: $0.limit) })
        return Double(rides.filter { theirs.contains(Key(client: $0.client, inbound: $0.inbound, location: $0.location, limit: $0.limit)) }.count) / Double(rides.count)
    }

    /// The routes of `result` — a plan of `base`, the same day and wave for a related scenario
    /// (e.g. `reassigned-pooled` for `close-L03`) — as warm-start slots of this problem for
    /// `RoutingSolver.solve(initial:)`: slot `r` of a vehicle type holds the stops of one of the
    /// base's routes of the same fleet row (a row's vehicles without fixed cost first, when the
    /// wave is coupled to earlier ones), with every ride matched by client and direction (a
    /// client whose location changed keeps its place in the route, now driving to the new
    /// location); rides the base does not have are left out for regret insertion, rides this
    /// problem does not have are dropped. Routes of fleet rows this problem lacks, or beyond a
    /// row's vehicle count, are dropped too. The solver drops whatever no longer fits its route.
    func warmStart(from base: WaveProblem, _ result: RoutingResult) -> [[Int]] {
        guard let problem else { return [] }
        var request: [Int: Int] = [:]
        for (q, ride) in rides.enumerated() { request[ride.client * 2 + (ride.inbound ? 1 : 0)] = q }
        var offset: [Int] = [], slots = 0
        for type in problem.vehicleTypes { offset.append(slots); slots += type.count }
        var used = [Int](repeating: 0, count: typeRows.count)
        var initial = [[Int]](repeating: [], count: slots)
        for route in result.routes {
            let row = base.typeRows[route.vehicleType]
            guard let k = typeRows.indices.first(where: { typeRows[$0] == row && used[$0] < problem.vehicleTypes[$0].count }) else { continue }
            // Stops are numbered pickup 2q, delivery 2q + 1 for ride q (`WaveProblem.init`).
            let stops = route.stops.compactMap { s -> Int? in
                let ride = base.rides[s / 2]
                return request[ride.client * 2 + (ride.inbound ? 1 : 0)].map { 2 * $0 + s % 2 }
            }
            if stops.isEmpty { continue }
            initial[offset[k] + used[k]] = stops
            used[k] += 1
        }
        return initial
    }
}
