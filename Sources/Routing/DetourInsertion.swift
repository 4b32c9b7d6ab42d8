import DagrouteCore

extension SearchState {
    /// True when `bestDetourInsertion` may replace the general scan for request `q`: a single-stop
    /// request, no ride limits, a problem with time windows or shifts (pure CVRP has its own fast
    /// path) and route costs that do not depend on time (`perSecond == 0` for every vehicle type,
    /// as in the Solomon and Gehring–Homberger sets).
    @inline(__always) func detourPriced(_ q: Int) -> Bool {
        secondStop[q] < 0 && !checkRides && !problem.capacityOnly && rules.allSatisfy { $0.perSecond == 0 }
    }

    /// The cheapest feasible insertion of single-stop request `q` into the routes in
    /// `routesToTry`, identical to `bestInsertion`'s scan (same positions in the same order, same
    /// blinks drawn from `rng`, same cost change in euro cents, first of equal ones) when
    /// `detourPriced(q)`. With time-independent costs the cost change of a position is its
    /// detour (metres times the cost per metre, plus the fixed cost for an empty route), known in
    /// O(1) from three distances; the time windows, shift and loads are only checked (two segment
    /// concatenations) for a position that would beat the best found so far.
    func bestDetourInsertion(of q: Int, routesToTry: [Int], blink: Double, rng: inout SeededGenerator) -> InsertionMove? {
        let s = Int(firstStop[q]), node = stopSegment[s], c = problem.stops[s].location, n = problem.matrices.count
        var best: InsertionMove?
        var bestDelta = Double.infinity
        problem.matrices.distance.withUnsafeBufferPointer { d in
            for r in routesToTry {
                let rule = rules[slotType[r]], pre = prefix[r], suf = suffix[r]
                let m = routes[r].count, old = routeCost[r]
                for i in 0...m {
                    if blink > 0 && rng.nextUnit() < blink { continue }
                    // The distance of the route with `q` before position i, as the concatenation
                    // of pre[i], the stop and suf[i] adds it up (integers, so exactly equal).
                    let distance = pre[i].distance + d[pre[i].last * n + c] + d[c * n + suf[i].first] + suf[i].distance
                    // `rule.cost`'s sum with its time term, `perSecond` × duration, equal to +0.
                    let delta = rule.fixed + rule.perMetre * Double(distance) - old
                    if !(delta < bestDelta) { continue }
                    let a = RouteSegment.concat(pre[i], node, in: problem)
                    if !partialOK(a, rule) { continue }
                    if rule.isFeasible(RouteSegment.concat(a, suf[i], in: problem)) {
                        bestDelta = delta
                        best = InsertionMove(delta: delta, route: r, i: i, j: i)
                    }
                }
            }
        }
        return best
    }
}
