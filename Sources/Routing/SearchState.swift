import DagrouteCore

/// The mutable state of one search: routes of every vehicle slot with prefix and suffix summaries,
/// which requests are unassigned, and reusable scratch space. Private to the solver.
final class SearchState {
    let problem: RoutingProblem
    let rules: [VehicleRules]
    /// Vehicle type of every route slot.
    let slotType: [Int]
    /// First slot of every vehicle type (slots of one type are contiguous).
    let firstSlotOfType: [Int]
    /// Stops in visiting order per slot.
    var routes: [[Int32]]
    /// prefix[r][k] = start depot ⊕ first k stops; suffix[r][k] = stops k… ⊕ end depot (k = 0…m).
    var prefix: [[RouteSegment]]
    var suffix: [[RouteSegment]]
    /// Cost of every route in euro cents (0 when empty).
    var routeCost: [Double]
    /// Slot and position of every stop (−1 when its request is unassigned).
    var routeOf: [Int32]
    var positionOf: [Int32]
    /// Requests to route that are currently unassigned (excluding those impossible alone).
    var unassigned: [Int]
    /// Requests that cannot be served even alone; never inserted.
    let excluded: Set<Int>
    /// Cost charged per unassigned request in the annealing objective, euro cents.
    let unassignedPenalty: [Double]
    /// True when some route may contain a ride-limited request (routes are then re-simulated).
    let checkRides: Bool
    var scheduler: RouteScheduler
    /// Scratch sequence for simulations.
    var scratch: [Int32] = []
    /// The drive from every routed stop to the next stop of its route (or the end depot):
    /// `nextLeg[2s]` seconds, `nextLeg[2s + 1]` metres; set by `refresh`, stale for stops out of
    /// every route. A small array the pair scan reads instead of the scattered matrix entries.
    var nextLeg: [Int]
    /// The summary of every stop alone (`RouteSegment.stop`), computed once.
    let stopSegment: [RouteSegment]
    /// First and second stop of every request (the second −1 for single-stop requests), so that
    /// hot loops need not build `Request.stops` arrays.
    let firstStop: [Int32]
    let secondStop: [Int32]
    /// Most non-empty routes allowed: insertions and moves open no new route beyond it (lowered
    /// by the route-elimination phase, `Int.max` otherwise).
    var maxRoutes = Int.max

    /// Number of non-empty routes.
    var usedRoutes: Int {
        var n = 0
        for r in routes where !r.isEmpty { n += 1 }
        return n
    }

    init(problem: RoutingProblem, excluded: Set<Int>) {
        self.problem = problem
        let rules = problem.vehicleTypes.map(VehicleRules.init)
        self.rules = rules
        var types: [Int] = [], first: [Int] = []
        for (k, v) in problem.vehicleTypes.enumerated() { first.append(types.count); types += Array(repeating: k, count: v.count) }
        slotType = types; firstSlotOfType = first
        routes = Array(repeating: [], count: types.count)
        prefix = types.map { [rules[$0].start] }
        suffix = types.map { [rules[$0].end] }
        routeCost = Array(repeating: 0, count: types.count)
        routeOf = Array(repeating: -1, count: problem.stops.count)
        positionOf = routeOf
        self.excluded = excluded
        unassigned = (0..<problem.requests.count).filter { !excluded.contains($0) }
        // Leaving a request out costs about as much as serving it alone, so that the annealing can
        // pass through plans with a few requests out when the fleet is tight; plans with fewer
        // requests out are always preferred as the best (see `Search`).
        var penalty = [Double](repeating: 0, count: problem.requests.count)
        for (q, req) in problem.requests.enumerated() {
            var cheapest = Double.infinity
            for r in rules {
                var seg = r.start
                for s in req.stops { seg = .concat(seg, .stop(s, in: problem), in: problem) }
                cheapest = min(cheapest, r.cost(.concat(seg, r.end, in: problem)))
            }
            penalty[q] = cheapest.isFinite ? cheapest : 0
        }
        unassignedPenalty = penalty
        checkRides = problem.hasRideLimits
        scheduler = RouteScheduler(problem)
        stopSegment = (0..<problem.stops.count).map { RouteSegment.stop($0, in: problem) }
        firstStop = problem.requests.map { Int32($0.stops[0]) }
        secondStop = problem.requests.map { $0.stops.count == 2 ? Int32($0.stops[1]) : -1 }
        nextLeg = [Int](repeating: 0, count: 2 * problem.stops.count)
    }

    /// Total cost plus the penalty for unassigned requests.
    var objective: Double { routesCost + penaltyFactor * outPenalty }

    /// Total cost of the routes, euro cents.
    var routesCost: Double {
        var c = 0.0
        for x in routeCost { c += x }
        return c
    }

    /// Sum of `unassignedPenalty` over the unassigned requests (before `penaltyFactor`).
    var outPenalty: Double {
        var c = 0.0
        for q in unassigned { c += unassignedPenalty[q] }
        return c
    }

    /// Multiplies `unassignedPenalty`; raised while requests stay out (a tight fleet), lowered
    /// back towards 1 while all are served.
    var penaltyFactor = 1.0

    /// Adapts `penaltyFactor` after an iteration.
    func adaptPenalty() {
        penaltyFactor = unassigned.isEmpty ? max(1, penaltyFactor / 1.001) : min(1e4, penaltyFactor * 1.001)
    }

    /// Recomputes the summaries, cost and positions of route `r` from `routes[r]`.
    func refresh(_ r: Int) {
        let rule = rules[slotType[r]]
        let stops = routes[r]
        // Taken out of the arrays while rebuilt, so that they are uniquely referenced and their
        // buffers are reused instead of copied.
        var pre = prefix[r], suf = suffix[r]
        prefix[r] = []; suffix[r] = []
        let m = stops.count
        pre.removeAll(keepingCapacity: true); suf.removeAll(keepingCapacity: true)
        pre.append(rule.start)
        let n = problem.matrices.count
        for k in 0..<m {
            let s = Int(stops[k])
            let leg = pre[k].last * n + stopSegment[s].first
            let travel = problem.matrices.duration[leg], metres = problem.matrices.distance[leg]
            pre.append(.concat(pre[k], stopSegment[s], travel: travel, metres: metres))
            if k > 0 { nextLeg[2 * Int(stops[k - 1])] = travel; nextLeg[2 * Int(stops[k - 1]) + 1] = metres }
            routeOf[s] = Int32(r); positionOf[s] = Int32(k)
        }
        if m > 0 {
            let last = Int(stops[m - 1]), leg = pre[m].last * n + rule.end.first
            nextLeg[2 * last] = problem.matrices.duration[leg]; nextLeg[2 * last + 1] = problem.matrices.distance[leg]
        }
        // Suffixes are built back to front into place: suf[k] = stops k… ⊕ end depot.
        suf.append(contentsOf: repeatElement(rule.end, count: m + 1))
        var k = m - 1
        while k >= 0 { suf[k] = .concat(stopSegment[Int(stops[k])], suf[k + 1], in: problem); k -= 1 }
        routeCost[r] = m == 0 ? 0 : rule.cost(RouteSegment.concat(pre[m], rule.end, in: problem))
        prefix[r] = pre; suffix[r] = suf
    }

    /// Location of position `k` of route slot `r`; −1 and `routes[r].count` are the vehicle's start
    /// and end depots.
    @inline(__always) func location(route r: Int, position k: Int) -> Int {
        let stops = routes[r]
        if k < 0 { return rules[slotType[r]].start.first }
        if k >= stops.count { return rules[slotType[r]].end.first }
        return problem.stops[Int(stops[k])].location
    }

    /// The summary of a whole route `r`.
    @inline(__always) func whole(_ r: Int) -> RouteSegment { suffix[r][0].withStart(prefix[r][0], problem) }

    /// True when route `r` with the stop sequence `stops` meets ride-time limits (and windows);
    /// always true when the problem has no ride limits.
    func ridesFeasible(vehicleType: Int, _ stops: [Int32]) -> Bool {
        guard checkRides else { return true }
        return stops.withUnsafeBufferPointer { scheduler.schedule(vehicle: vehicleType, stops: $0) }
    }

    /// Removes `requests` from their routes; they become unassigned.
    func remove(requests: [Int]) {
        var changed: [Int] = []
        for q in requests {
            for k in 0..<2 {
                let s = Int(k == 0 ? firstStop[q] : secondStop[q])
                if s < 0 { continue }
                let r = Int(routeOf[s])
                if r >= 0 && !changed.contains(r) { changed.append(r) }
                routeOf[s] = -1
            }
            unassigned.append(q)
        }
        for r in changed {
            routes[r].removeAll { routeOf[Int($0)] < 0 }
            refresh(r)
        }
    }

    /// Inserts request `q` into route `r`: its first stop before position `i`, its second (if any)
    /// before position `j` of the original route (`i <= j`).
    func insert(_ q: Int, route r: Int, i: Int, j: Int) {
        if secondStop[q] >= 0 { routes[r].insert(secondStop[q], at: j) }
        routes[r].insert(firstStop[q], at: i)
        if let k = unassigned.firstIndex(of: q) { unassigned.remove(at: k) }
        refresh(r)
    }

    /// A copy of the routes, to restore the best plan.
    func snapshot() -> [[Int32]] { routes }

    /// Restores routes from `saved` (all slots) and recomputes everything derived.
    func restore(_ saved: [[Int32]]) {
        routes = saved
        for s in 0..<routeOf.count { routeOf[s] = -1 }
        for r in 0..<routes.count { refresh(r) }
        unassigned = (0..<problem.requests.count).filter { q in !excluded.contains(q) && routeOf[problem.requests[q].stops[0]] < 0 }
    }
}

extension RouteSegment {
    /// `start ⊕ self`.
    @inline(__always) func withStart(_ start: RouteSegment, _ p: RoutingProblem) -> RouteSegment { .concat(start, self, in: p) }
}
