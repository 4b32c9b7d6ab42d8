import DagrouteCore

/// A position for a request in a route and the cost change of putting it there (euro cents).
struct InsertionMove {
    var delta: Double
    var route: Int
    /// The first stop goes before position `i`, the second (pairs) before position `j` of the
    /// current route; `i <= j`.
    var i: Int
    var j: Int
}

extension SearchState {
    /// True when a partial route summary can still be completed feasibly (peaks and lateness only grow).
    @inline(__always) func partialOK(_ s: RouteSegment, _ rule: VehicleRules) -> Bool {
        rule.isFeasible(s)
    }

    /// Calls `body` for every summary-feasible insertion of request `q` into route `r`, skipping
    /// each position with probability `blink`.
    @inline(__always)
    func forEachInsertion(of q: Int, route r: Int, blink: Double, rng: inout SeededGenerator,
                          _ body: (Double, Int, Int) -> Void) {
        let rule = rules[slotType[r]]
        let pre = prefix[r], suf = suffix[r]
        let m = routes[r].count
        let old = routeCost[r]
        if problem.capacityOnly {
            // Pure CVRP: the load check is per route and the cost change is the detour.
            let load = problem.requests[q].load
            if pre[m].depotSeats + load.seats > rule.seats || pre[m].depotWheelchairs + load.wheelchairs > rule.wheelchairs { return }
            let stops = routes[r], n = problem.matrices.count, c = problem.stops[problem.requests[q].stops[0]].location
            let fixed = m == 0 ? rule.fixed : 0
            problem.matrices.distance.withUnsafeBufferPointer { d in
                var prev = rule.start.first
                for i in 0...m {
                    let next = i < m ? problem.stops[Int(stops[i])].location : rule.end.first
                    if !(blink > 0 && rng.nextUnit() < blink) {
                        body(fixed + rule.perMetre * Double(d[prev * n + c] + d[c * n + next] - d[prev * n + next]), i, i)
                    }
                    prev = next
                }
            }
            return
        }
        switch problem.requests[q].kind {
        case let .depotDelivery(s), let .depotPickup(s):
            let node = stopSegment[s]
            for i in 0...m {
                if blink > 0 && rng.nextUnit() < blink { continue }
                let a = RouteSegment.concat(pre[i], node, in: problem)
                if !partialOK(a, rule) { continue }
                let full = RouteSegment.concat(a, suf[i], in: problem)
                if rule.isFeasible(full) { body(rule.cost(full) - old, i, i) }
            }
        case let .pickupDelivery(p, d):
            forEachPairInsertion(of: q, pickup: p, delivery: d, route: r, blink: blink, rng: &rng, body)
        }
    }

    /// The stop sequence of route `r` after inserting request `q` at (`i`, `j`), in `scratch`.
    func buildInsertion(_ q: Int, route r: Int, i: Int, j: Int) {
        let first = firstStop[q], second = secondStop[q]
        scratch.removeAll(keepingCapacity: true)
        let stops = routes[r]
        for k in 0...stops.count {
            if k == i { scratch.append(first) }
            if second >= 0 && k == j { scratch.append(second) }
            if k < stops.count { scratch.append(stops[k]) }
        }
    }

    /// Routes worth trying for a new request: every non-empty slot and the first empty slot of
    /// every vehicle type (none once `maxRoutes` routes are in use).
    func candidateRoutes(into list: inout [Int]) {
        list.removeAll(keepingCapacity: true)
        let mayOpen = maxRoutes == Int.max || usedRoutes < maxRoutes
        var typeSeen = [Bool](repeating: false, count: rules.count)
        for r in 0..<routes.count {
            if routes[r].isEmpty {
                let t = slotType[r]
                if typeSeen[t] || !mayOpen { continue }
                typeSeen[t] = true
            }
            list.append(r)
        }
    }

    /// Routes worth trying for request `q` in a large problem: those holding one of the `count`
    /// stops nearest to its first stop, and the first empty slot of every vehicle type (none once
    /// `maxRoutes` routes are in use).
    func nearbyRoutes(of q: Int, count: Int, neighbours: NeighbourLists, into list: inout [Int]) {
        list.removeAll(keepingCapacity: true)
        for c in neighbours.lists[Int(firstStop[q])].prefix(count) {
            let r = Int(routeOf[Int(c)])
            if r >= 0 && !list.contains(r) { list.append(r) }
        }
        if maxRoutes != Int.max && usedRoutes >= maxRoutes { return }
        var typeSeen = [Bool](repeating: false, count: rules.count)
        for r in 0..<routes.count where routes[r].isEmpty && !typeSeen[slotType[r]] {
            typeSeen[slotType[r]] = true
            list.append(r)
        }
    }

    /// The cheapest feasible insertion of request `q` into the routes in `routesToTry`, or nil.
    /// With ride limits, candidates are verified by re-simulation from the cheapest up.
    func bestInsertion(of q: Int, routesToTry: [Int], blink: Double, rng: inout SeededGenerator,
                       candidates: inout [InsertionMove]) -> InsertionMove? {
        if detourPriced(q) { return bestDetourInsertion(of: q, routesToTry: routesToTry, blink: blink, rng: &rng) }
        var best: InsertionMove?
        if !checkRides {
            for r in routesToTry {
                forEachInsertion(of: q, route: r, blink: blink, rng: &rng) { delta, i, j in
                    if best == nil || delta < best!.delta { best = InsertionMove(delta: delta, route: r, i: i, j: j) }
                }
            }
            return best
        }
        candidates.removeAll(keepingCapacity: true)
        for r in routesToTry {
            forEachInsertion(of: q, route: r, blink: blink, rng: &rng) { delta, i, j in
                candidates.append(InsertionMove(delta: delta, route: r, i: i, j: j))
            }
        }
        // Verify from the cheapest up (selection, not a full sort: the first usually passes).
        for _ in 0..<min(40, candidates.count) {
            var k = 0
            for c in 1..<candidates.count {
                let a = candidates[c], b = candidates[k]
                if a.delta < b.delta || (a.delta == b.delta && (a.route, a.i, a.j) < (b.route, b.i, b.j)) { k = c }
            }
            let c = candidates[k]
            if c.delta == .infinity { break }
            buildInsertion(q, route: c.route, i: c.i, j: c.j)
            if ridesFeasible(vehicleType: slotType[c.route], scratch) { return c }
            candidates[k].delta = .infinity
        }
        return nil
    }
}

