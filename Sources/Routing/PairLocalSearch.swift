import DagrouteCore

/// Local search for pickup–delivery problems (dial-a-ride). Request relocate: a request's pickup
/// and delivery leave their route together and go back at their cheapest feasible positions in a
/// route near the pickup — the same route, another one, or an empty vehicle of any type — when
/// that lowers the total cost; when no relocation of a request improves, request exchange
/// (`exchange`: it and a request of a nearby route swap routes). Per route, pair-preserving 2-opt*
/// (`twoOptStar`: two routes cut where nobody is on board exchange their tails). Route emptying:
/// all requests of a short route move, one by one, to their cheapest positions in other routes —
/// a request that fits nowhere by ejecting one request of a nearby route to a third route
/// (`insertWithEjection`, at most `ejectionsPerRoute` per emptied route) — when the vehicle's
/// fixed cost saved outweighs the detours (a compound move relocate alone cannot make: its first
/// steps cost more).
///
/// Pricing: the route left behind is re-summarised (O(route)), the insertion is priced with the
/// concatenable segment summaries (`SearchState.forEachInsertion`); with ride limits both changed
/// routes are re-scheduled (`RouteScheduler`) before a move counts, so every applied move keeps the
/// plan feasible. Works from a queue of routes: each improvement queues the two routes it changed.
final class PairLocalSearch {
    let state: SearchState
    let neighbours: NeighbourLists
    /// Nearest stops whose routes a request is tried in (besides its own route).
    let routesNear: Int
    /// Minimal gain (euro cents) for a move to count as an improvement.
    static let epsilon = 1e-6
    /// Shortest routes the solver tries to empty after construction and on every new best
    /// (measured on the default instance's waves at 20 iterations per ride: 8 beat 3 and 0).
    static let shortRoutesTried = 8
    private var queued: [Bool]
    private var queue: [Int] = []
    private var requestsOfRoute: [Int] = []
    var routeList: [Int] = []
    private var shortest: [Int] = []
    private var saved: [(Int, [Int32])] = []
    var candidates: [InsertionMove] = []
    var noBlink = SeededGenerator(seed: 0)
    /// Routes changed by the last `improve` (each once).
    private(set) var changed: [Int] = []
    private var isChanged: [Bool]
    /// Scratch of the exchange and 2-opt* moves: requests of a second route, routes to pair with,
    /// cut positions of both routes, improving 2-opt* candidates.
    var otherRequests: [Int] = []
    var partnerRoutes: [Int] = []
    var cutsA: [Int] = []
    var cutsB: [Int] = []
    var tailMoves: [TailExchange] = []
    /// Scratch of `insertWithEjection`: routes an ejected request may go to.
    var ejectionRoutes: [Int] = []
    /// Requests of a route being emptied that may each enter a nearby route by ejecting one of
    /// its requests (care-wave sample at 20 iterations per ride without the route pool, two
    /// seeds: 2 beat 0 by 0.7 % and 1 by 0.3 % at the same CPU time, 3 was within noise of 2;
    /// BENCHMARKS.md).
    static let ejectionsPerRoute = 2

    init(state: SearchState, neighbours: NeighbourLists, routesNear: Int) {
        self.state = state; self.neighbours = neighbours; self.routesNear = routesNear
        queued = Array(repeating: false, count: state.routes.count)
        isChanged = queued
    }

    /// Improves the plan by request relocations and exchanges and 2-opt*, starting from the
    /// requests of `routes` (every route when nil), until no queued route offers an improving move
    /// or `shouldStop` returns true; over every route, until a whole pass over all of them finds
    /// none. Returns the total cost change (≤ 0, euro cents); `changed` lists the routes changed.
    @discardableResult
    func improve(routes start: [Int]? = nil, shouldStop: () -> Bool = { false }) -> Double {
        for r in changed { isChanged[r] = false }
        changed.removeAll(keepingCapacity: true)
        queue.removeAll(keepingCapacity: true)
        for r in start ?? Array(0..<state.routes.count) where !queued[r] && !state.routes[r].isEmpty { queued[r] = true; queue.append(r) }
        var total = 0.0, head = 0, passStart = 0.0
        while head < queue.count {
            let r = queue[head]; head += 1
            queued[r] = false
            if shouldStop() { break }
            requests(of: r, into: &requestsOfRoute)
            for q in requestsOfRoute {
                guard let move = relocate(q) ?? exchange(q) else { continue }
                total += move.delta
                for c in [move.from, move.to] where !queued[c] && !state.routes[c].isEmpty { queued[c] = true; queue.append(c) }
            }
            if let move = twoOptStar(route: r) {
                total += move.delta
                for c in [move.from, move.to] where !queued[c] && !state.routes[c].isEmpty { queued[c] = true; queue.append(c) }
            }
            // Over every route, the queue is drained again from all routes until a whole pass
            // improves nothing: a request is only tried in routes near it, so a route the queue
            // left behind may still have a move with a changed one.
            if start == nil && head == queue.count && total < passStart {
                passStart = total
                for c in 0..<state.routes.count where !queued[c] && !state.routes[c].isEmpty { queued[c] = true; queue.append(c) }
            }
        }
        for r in queue[head...] { queued[r] = false }
        return total
    }

    /// Tries to empty each of the `count` shortest routes (fewest stops, then lowest slot): its
    /// requests go one by one, in route order, to their cheapest feasible positions in other
    /// non-empty routes near them (up to `ejectionsPerRoute` of them, where none fits, by
    /// ejecting a request of such a route to a third one); the plan is kept when all fit and the total cost (with the
    /// vehicle's fixed cost saved) falls, and restored otherwise. Returns the total cost change
    /// (≤ 0, euro cents); emptied and filled routes are added to `changed`.
    @discardableResult
    func emptyShortRoutes(count: Int) -> Double {
        shortest.removeAll(keepingCapacity: true)
        for r in 0..<state.routes.count where !state.routes[r].isEmpty { shortest.append(r) }
        shortest.sort { (state.routes[$0].count, $0) < (state.routes[$1].count, $1) }
        var total = 0.0
        for r in shortest.prefix(count) where !state.routes[r].isEmpty {
            if let d = empty(r) { total += d }
        }
        return total
    }

    /// Empties route `r` into the other non-empty routes when that lowers the cost; returns the
    /// cost change (< 0, euro cents), or nil (plan unchanged).
    func empty(_ r: Int) -> Double? {
        let costBefore = state.routesCost
        let unassignedBefore = state.unassigned
        saved.removeAll(keepingCapacity: true)
        saved.append((r, state.routes[r]))
        requests(of: r, into: &requestsOfRoute)
        state.remove(requests: requestsOfRoute)
        var ok = true, ejections = 0
        for q in requestsOfRoute {
            state.nearbyRoutes(of: q, count: routesNear, neighbours: neighbours, into: &routeList)
            routeList.removeAll { $0 == r || state.routes[$0].isEmpty }
            guard let m = state.bestInsertion(of: q, routesToTry: routeList, blink: 0, rng: &noBlink, candidates: &candidates) else {
                if ejections < Self.ejectionsPerRoute, insertWithEjection(q, routesToTry: routeList, excluded: r, saved: &saved) != nil {
                    ejections += 1
                    continue
                }
                ok = false; break
            }
            if !saved.contains(where: { $0.0 == m.route }) { saved.append((m.route, state.routes[m.route])) }
            state.insert(q, route: m.route, i: m.i, j: m.j)
        }
        let delta = state.routesCost - costBefore
        if ok && delta < -Self.epsilon {
            for (c, _) in saved where !isChanged[c] { isChanged[c] = true; changed.append(c) }
            return delta
        }
        state.undo(saved: saved, unassignedBefore: unassignedBefore)
        return nil
    }

    /// Moves request `q` to its cheapest feasible position in its own or a nearby route when that
    /// lowers the cost; returns the cost change (< 0, euro cents) and the two routes when it moved
    /// (both then also in `changed`), nil otherwise.
    func relocate(_ q: Int) -> (delta: Double, from: Int, to: Int)? {
        let from = Int(state.routeOf[Int(state.firstStop[q])])
        guard from >= 0 else { return nil }
        let before = state.routes[from], costBefore = state.routeCost[from]
        state.remove(requests: [q])
        // Removing a pair can lengthen other rides (the vehicle may wait with clients on board).
        var move: InsertionMove?
        if state.ridesFeasible(vehicleType: state.slotType[from], state.routes[from]) {
            let saving = costBefore - state.routeCost[from]
            state.nearbyRoutes(of: q, count: routesNear, neighbours: neighbours, into: &routeList)
            if !routeList.contains(from) { routeList.append(from) }
            if let m = state.bestInsertion(of: q, routesToTry: routeList, blink: 0, rng: &noBlink, candidates: &candidates),
               m.delta - saving < -Self.epsilon {
                move = InsertionMove(delta: m.delta - saving, route: m.route, i: m.i, j: m.j)
            }
        }
        guard let move else {
            state.routes[from] = before
            state.refresh(from)
            state.unassigned.removeLast()
            return nil
        }
        state.insert(q, route: move.route, i: move.i, j: move.j)
        markChanged(from); markChanged(move.route)
        return (move.delta, from, move.route)
    }

    /// Adds route `r` to `changed` (once).
    func markChanged(_ r: Int) {
        if !isChanged[r] { isChanged[r] = true; changed.append(r) }
    }

    /// The requests of route `r` by their pickups (first stops), in route order, into `list`.
    func requests(of r: Int, into list: inout [Int]) {
        list.removeAll(keepingCapacity: true)
        for s in state.routes[r] {
            let q = Int(state.problem.requestOfStop[Int(s)])
            if state.firstStop[q] == s { list.append(q) }
        }
    }
}
