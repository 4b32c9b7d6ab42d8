import DagrouteCore

extension PairLocalSearch {
    /// Inserts request `q` (unassigned) into one of `routesToTry` by ejecting one request `e` of
    /// that route, which goes to its cheapest feasible positions in another route of `others`
    /// (never the route `q` enters, never `excluded`): the cheapest such ejection over every route
    /// and every request in it, priced as the change of the routes' costs (euro cents). A
    /// candidate whose first two parts already cost as much as the best so far is not completed
    /// (an insertion never costs less than nothing when travel times obey the triangle
    /// inequality). With ride limits both changed routes are re-scheduled by `bestInsertion`. Applied
    /// when one exists; every route it changes is first saved in `saved` (so that the caller can
    /// undo it) and the cost change is returned; nil leaves the plan unchanged.
    ///
    /// The insertion that `bestInsertion` finds nowhere for `q` is then often possible: a care
    /// vehicle full at its peak, or whose schedule one client blocks, takes `q` once that client
    /// rides with a neighbour. Slow twin: `RouteEjectionTests`.
    func insertWithEjection(_ q: Int, routesToTry: [Int], excluded: Int,
                            saved: inout [(Int, [Int32])]) -> Double? {
        var best: (delta: Double, b: Int, e: Int, into: InsertionMove, eject: InsertionMove)?
        for b in routesToTry where b != excluded && !state.routes[b].isEmpty {
            requests(of: b, into: &otherRequests)
            let ejectable = otherRequests
            let beforeB = state.routes[b], costB = state.routeCost[b]
            for e in ejectable where state.secondStop[e] >= 0 {
                state.remove(requests: [e])
                defer {
                    state.routes[b] = beforeB; state.refresh(b)
                    state.unassigned.removeAll { $0 == e }
                }
                guard state.ridesFeasible(vehicleType: state.slotType[b], state.routes[b]),
                      let into = state.bestInsertion(of: q, routesToTry: [b], blink: 0, rng: &noBlink, candidates: &candidates)
                else { continue }
                let removal = state.routeCost[b] - costB
                if let best, removal + into.delta >= best.delta { continue }
                // Where `e` goes: the routes near it, other than `q`'s new route and `excluded`.
                state.nearbyRoutes(of: e, count: routesNear, neighbours: neighbours, into: &ejectionRoutes)
                ejectionRoutes.removeAll { $0 == b || $0 == excluded || state.routes[$0].isEmpty }
                guard let eject = state.bestInsertion(of: e, routesToTry: ejectionRoutes, blink: 0, rng: &noBlink, candidates: &candidates)
                else { continue }
                let delta = removal + into.delta + eject.delta
                if best == nil || delta < best!.delta { best = (delta, b, e, into, eject) }
            }
        }
        guard let best else { return nil }
        for r in [best.b, best.eject.route] where !saved.contains(where: { $0.0 == r }) { saved.append((r, state.routes[r])) }
        let costBefore = state.routeCost[best.b] + state.routeCost[best.eject.route]
        state.remove(requests: [best.e])
        state.insert(q, route: best.b, i: best.into.i, j: best.into.j)
        state.insert(best.e, route: best.eject.route, i: best.eject.i, j: best.eject.j)
        return state.routeCost[best.b] + state.routeCost[best.eject.route] - costBefore
    }
}
