import DagrouteCore

extension PairLocalSearch {
    /// Request exchange: request `q` and a request `q2` of another route near `q`'s pickup swap
    /// routes, each going to its cheapest feasible positions in the other's route once both have
    /// left. Pairs whose two removal savings (`removalSaving`) together do not exceed `epsilon` are
    /// skipped (an insertion never costs less than nothing when travel times obey the triangle
    /// inequality). The first improving exchange is applied; with ride limits both new routes are
    /// re-scheduled by `bestInsertion` before it counts. Returns the cost change (< 0, euro cents)
    /// and the two routes (both then in `changed`), or nil with the plan unchanged.
    func exchange(_ q: Int) -> (delta: Double, from: Int, to: Int)? {
        let a = Int(state.routeOf[Int(state.firstStop[q])])
        guard a >= 0, state.secondStop[q] >= 0 else { return nil }
        let gain = removalSaving(q)
        state.nearbyRoutes(of: q, count: routesNear, neighbours: neighbours, into: &routeList)
        partnerRoutes.removeAll(keepingCapacity: true)
        for b in routeList where b != a && !state.routes[b].isEmpty { partnerRoutes.append(b) }
        for b in partnerRoutes {
            requests(of: b, into: &otherRequests)
            for q2 in otherRequests where state.secondStop[q2] >= 0 && gain + removalSaving(q2) > Self.epsilon {
                if let delta = exchange(q, from: a, with: q2, from: b) {
                    markChanged(a); markChanged(b)
                    return (delta, a, b)
                }
            }
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

    /// Swaps `q` (route `a`) and `q2` (route `b`) when both fit the other route and the total cost
    /// falls; returns the cost change, or nil with both routes as they were.
    private func exchange(_ q: Int, from a: Int, with q2: Int, from b: Int) -> Double? {
        let beforeA = state.routes[a], beforeB = state.routes[b]
        let costBefore = state.routeCost[a] + state.routeCost[b]
        state.remove(requests: [q, q2])
        if let intoB = state.bestInsertion(of: q, routesToTry: [b], blink: 0, rng: &noBlink, candidates: &candidates),
           let intoA = state.bestInsertion(of: q2, routesToTry: [a], blink: 0, rng: &noBlink, candidates: &candidates) {
            let delta = state.routeCost[a] + state.routeCost[b] + intoA.delta + intoB.delta - costBefore
            if delta < -Self.epsilon {
                state.insert(q, route: b, i: intoB.i, j: intoB.j)
                state.insert(q2, route: a, i: intoA.i, j: intoA.j)
                return delta
            }
        }
        state.routes[a] = beforeA; state.refresh(a)
        state.routes[b] = beforeB; state.refresh(b)
        state.unassigned.removeLast(2)
        return nil
    }
}
