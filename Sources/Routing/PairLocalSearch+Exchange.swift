import DagrouteCore

extension PairLocalSearch {
    /// Request exchange: request `q` and a request `q2` of another route near `q`'s pickup swap
    /// routes, each going to its cheapest feasible positions in the other's route once both have
    /// left. Pairs whose two removal savings (`removalSaving`) together do not exceed `epsilon` are
    /// skipped (an insertion never costs less than nothing when travel times obey the triangle
    /// inequality), and so are those where `q2`'s insertion into `q`'s route alone costs as much as
    /// both savings. The first improving exchange is applied; with ride limits both new routes are
    /// re-scheduled by `bestInsertion` before it counts. Returns the cost change (< 0, euro cents)
    /// and the two routes (both then in `changed`), or nil with the plan unchanged.
    ///
    /// `q` leaves its route once for all candidates, and `q2`'s insertion into it is priced before
    /// `q2` leaves its own route, so a candidate that cannot improve costs one scan of `q`'s route
    /// and no re-summarising (the exchange was a quarter of a care wave's CPU time).
    func exchange(_ q: Int) -> (delta: Double, from: Int, to: Int)? {
        let a = Int(state.routeOf[Int(state.firstStop[q])])
        guard a >= 0, state.secondStop[q] >= 0 else { return nil }
        let gain = removalSaving(q)
        state.nearbyRoutes(of: q, count: routesNear, neighbours: neighbours, into: &routeList)
        partnerRoutes.removeAll(keepingCapacity: true)
        for b in routeList where b != a && !state.routes[b].isEmpty { partnerRoutes.append(b) }
        var removed = false
        let beforeA = state.routes[a]
        for b in partnerRoutes {
            requests(of: b, into: &otherRequests)
            for q2 in otherRequests where state.secondStop[q2] >= 0 {
                let saving = gain + removalSaving(q2)
                if saving <= Self.epsilon { continue }
                if !removed { state.remove(requests: [q]); removed = true }
                guard let intoA = state.bestInsertion(of: q2, routesToTry: [a], blink: 0, rng: &noBlink, candidates: &candidates),
                      intoA.delta - saving < -Self.epsilon,
                      let delta = exchange(q, into: b, with: q2, intoA: intoA, saving: saving) else { continue }
                markChanged(a); markChanged(b)
                return (delta, a, b)
            }
        }
        if removed {
            state.routes[a] = beforeA; state.refresh(a)
            state.unassigned.removeLast()
        }
        return nil
    }
    /// Cost saved (euro cents) by taking pickup–delivery request `q` out of its route, from the
    /// route's prefix and suffix summaries and the stops between its pickup and delivery.
    func removalSaving(_ q: Int) -> Double {
        let r = Int(state.routeOf[Int(state.firstStop[q])])
        let i = Int(state.positionOf[Int(state.firstStop[q])]), j = Int(state.positionOf[Int(state.secondStop[q])])
        let stops = state.routes[r], rule = state.rules[state.slotType[r]], p = state.problem
        if stops.count == 2 { return state.routeCost[r] }
        var seg = state.prefix[r][i]
        for k in (i + 1)..<j { seg = .concat(seg, state.stopSegment[Int(stops[k])], in: p) }
        return state.routeCost[r] - rule.cost(.concat(seg, state.suffix[r][j + 1], in: p))
    }

    /// With `q` out of its route `a`: moves `q2` from route `b` to `a` at `intoA` and `q` to its
    /// cheapest feasible positions in `b` when the total cost falls (`saving`: both removal
    /// savings); returns the cost change, or nil with `b` as it was (and `q` still out).
    private func exchange(_ q: Int, into b: Int, with q2: Int, intoA: InsertionMove, saving: Double) -> Double? {
        let beforeB = state.routes[b]
        state.remove(requests: [q2])
        if let intoB = state.bestInsertion(of: q, routesToTry: [b], blink: 0, rng: &noBlink, candidates: &candidates) {
            let delta = intoA.delta + intoB.delta - saving
            if delta < -Self.epsilon {
                state.insert(q, route: b, i: intoB.i, j: intoB.j)
                state.insert(q2, route: intoA.route, i: intoA.i, j: intoA.j)
                return delta
            }
        }
        state.routes[b] = beforeB; state.refresh(b)
        state.unassigned.removeLast()
        return nil
    }
}
