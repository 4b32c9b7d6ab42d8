import DagrouteCore

/// One SWAP* move: stops `u` and `v` of two different routes change routes, each inserted at its
/// best position in the other route (not necessarily where the other was).
struct SwapStarMove: Equatable {
    var u: Int
    var v: Int
    /// `u` goes into `v`'s route, with `v` removed, right after the stop at this position of that
    /// route as it is now (−1: first). Never `v`'s own position; `v`'s position − 1 is `v`'s place.
    var uAfter: Int
    /// `v` goes into `u`'s route the same way.
    var vAfter: Int
    /// Exact cost change in euro cents (< 0 for an improving move).
    var delta: Double
}

/// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
/// neighborhood") for single-stop problems: for two routes, every stop `u` of one and `v` of the
/// other are exchanged, each inserted at its cheapest place in the other route once the other is
/// removed. The three cheapest insertion positions of every stop into the other route (distance
/// only) are computed first; with `v` removed, the cheapest place of `u` is either `v`'s old place
/// or the first of those three whose edge does not touch `v`, so a pair is priced in O(1).
///
/// Route pairs are filtered by the granular neighbourhood (both hold a pair of near stops) instead
/// of Vidal's polar sectors: the problem has a travel matrix, not coordinates. Candidates are priced
/// by distance (times each route's cost per metre); only those that shorten the routes count. Unless
/// the problem is pure CVRP (where that price and a route-load check are exact), they are re-checked
/// in order of price, each with the removed stop's place and the three cheapest positions, through
/// the segment summaries, which see time windows, shift, duration, both load dimensions and time
/// costs; at most `maxChecks` per route pair.
final class SwapStar {
    let state: SearchState
    let problem: RoutingProblem
    private let near: [[Int32]]
    /// Only depot deliveries: a route's load is the sum of its stops' loads, whatever the order.
    private let deliveriesOnly: Bool
    /// Most exact re-checks of candidates per route pair (problems with windows or time costs).
    static let maxChecks = 24

    /// Three cheapest insertions of one stop into a route: metres added and the position after
    /// which it goes, cheapest first (positions −2 where the route has fewer than three edges).
    private struct Three {
        var cost: (Int, Int, Int) = (Int.max, Int.max, Int.max)
        var after: (Int, Int, Int) = (-2, -2, -2)
        mutating func add(_ c: Int, _ k: Int) {
            if c < cost.0 { cost = (c, cost.0, cost.1); after = (k, after.0, after.1) }
            else if c < cost.1 { cost = (cost.0, c, cost.1); after = (after.0, k, after.1) }
            else if c < cost.2 { cost.2 = c; after.2 = k }
        }
        /// The cheapest entry whose edge (after, after + 1) does not touch position `p`.
        func avoiding(_ p: Int) -> (cost: Int, after: Int)? {
            if after.0 != -2 && after.0 != p && after.0 != p - 1 { return (cost.0, after.0) }
            if after.1 != -2 && after.1 != p && after.1 != p - 1 { return (cost.1, after.1) }
            if after.2 != -2 && after.2 != p && after.2 != p - 1 { return (cost.2, after.2) }
            return nil
        }
    }
    private var threeOfFirst: [Three] = []    // stops of the first route into the second
    private var threeOfSecond: [Three] = []   // stops of the second route into the first
    private var candidates: [(price: Double, i: Int, j: Int)] = []
    private var pairMarks: [Bool] = []

    init(state: SearchState, near: [[Int32]]) {
        self.state = state; problem = state.problem; self.near = near
        deliveriesOnly = problem.requests.allSatisfy { if case .depotDelivery = $0.kind { return true } else { return false } }
    }

    @inline(__always) private func d(_ a: Int, _ b: Int) -> Int { problem.distance(a, b) }

    @inline(__always) private func location(_ r: Int, _ k: Int) -> Int { state.location(route: r, position: k) }

    /// Metres saved by removing position `p` of route `r`.
    @inline(__always) private func removal(_ r: Int, _ p: Int) -> Int {
        let a = location(r, p - 1), x = location(r, p), b = location(r, p + 1)
        return d(a, x) + d(x, b) - d(a, b)
    }

    /// Applies improving SWAP* moves to every pair of non-empty routes that hold near stops, the
    /// best of a pair at a time; returns true when it changed the plan.
    func run(shouldStop: () -> Bool) -> Bool {
        let routes = state.routes.count
        pairMarks = [Bool](repeating: false, count: routes * routes)
        for u in 0..<problem.stops.count where state.routeOf[u] >= 0 {
            let ru = Int(state.routeOf[u])
            for v in near[u] where state.routeOf[Int(v)] >= 0 && Int(state.routeOf[Int(v)]) != ru {
                let rv = Int(state.routeOf[Int(v)])
                pairMarks[min(ru, rv) * routes + max(ru, rv)] = true
            }
        }
        var changed = false
        for r1 in 0..<routes { for r2 in (r1 + 1)..<routes where pairMarks[r1 * routes + r2] {
            if shouldStop() { return changed }
            if state.routes[r1].isEmpty || state.routes[r2].isEmpty { continue }
            if let move = best(r1, r2), move.delta < -LocalSearch.epsilon { apply(move); changed = true }
        } }
        return changed
    }

    /// The best SWAP* move between routes `r1` and `r2` (both non-empty) found by the pricing
    /// above, or nil when no improving feasible one was found. On pure CVRP it is the best
    /// improving move of the whole neighbourhood.
    func best(_ r1: Int, _ r2: Int) -> SwapStarMove? {
        let a = state.routes[r1], b = state.routes[r2]
        preprocess(into: &threeOfFirst, stops: a, route: r2)
        preprocess(into: &threeOfSecond, stops: b, route: r1)
        let rule1 = state.rules[state.slotType[r1]], rule2 = state.rules[state.slotType[r2]]
        let w1 = state.whole(r1), w2 = state.whole(r2)
        candidates.removeAll(keepingCapacity: true)
        for i in 0..<a.count {
            let u = Int(a[i]), removeU = removal(r1, i)
            for j in 0..<b.count {
                let v = Int(b[j])
                if deliveriesOnly {
                    let ds = problem.depotSeats[v] - problem.depotSeats[u], dw = problem.depotWheelchairs[v] - problem.depotWheelchairs[u]
                    if w1.depotSeats + ds > rule1.seats || w1.depotWheelchairs + dw > rule1.wheelchairs
                        || w2.depotSeats - ds > rule2.seats || w2.depotWheelchairs - dw > rule2.wheelchairs { continue }
                }
                let insU = cheapest(threeOfFirst[i], stop: u, route: r2, removed: j).cost
                let insV = cheapest(threeOfSecond[j], stop: v, route: r1, removed: i).cost
                let price = rule1.perMetre * Double(insV - removeU) + rule2.perMetre * Double(insU - removal(r2, j))
                if price < -LocalSearch.epsilon { candidates.append((price, i, j)) }
            }
        }
        if problem.capacityOnly {
            // Distance is the whole cost and the load check above is exact: the cheapest is the best.
            guard let c = candidates.min(by: { ($0.price, $0.i, $0.j) < ($1.price, $1.i, $1.j) }) else { return nil }
            let u = Int(a[c.i]), v = Int(b[c.j])
            let uAfter = cheapest(threeOfFirst[c.i], stop: u, route: r2, removed: c.j).after
            let vAfter = cheapest(threeOfSecond[c.j], stop: v, route: r1, removed: c.i).after
            return exact(r1, r2, c.i, c.j, uAfter: uAfter, vAfter: vAfter)
        }
        // Windows, shifts or time costs: the distance price orders the candidates; the summaries decide.
        candidates.sort { ($0.price, $0.i, $0.j) < ($1.price, $1.i, $1.j) }
        var checks = 0
        for c in candidates {
            for uAfter in places(threeOfFirst[c.i], removed: c.j) {
                for vAfter in places(threeOfSecond[c.j], removed: c.i) {
                    if checks == Self.maxChecks { return nil }
                    checks += 1
                    if let m = exact(r1, r2, c.i, c.j, uAfter: uAfter, vAfter: vAfter), m.delta < -LocalSearch.epsilon { return m }
                }
            }
        }
        return nil
    }

    /// Three cheapest insertions of every stop of `stops` into route `r` (as it is now).
    private func preprocess(into out: inout [Three], stops: [Int32], route r: Int) {
        out.removeAll(keepingCapacity: true)
        let count = state.routes[r].count
        for s in stops {
            let x = problem.stops[Int(s)].location
            var three = Three()
            var prev = location(r, -1)
            for k in -1..<count {
                let next = location(r, k + 1)
                three.add(d(prev, x) + d(x, next) - d(prev, next), k)
                prev = next
            }
            out.append(three)
        }
    }

    /// Cheapest insertion (metres added, position after which) of `stop` into route `r` once its
    /// position `removed` is taken out: the removed stop's place or the best of `three` clear of it.
    @inline(__always) private func cheapest(_ three: Three, stop: Int, route r: Int, removed p: Int) -> (cost: Int, after: Int) {
        let a = location(r, p - 1), b = location(r, p + 1), x = problem.stops[stop].location
        let inPlace = d(a, x) + d(x, b) - d(a, b)
        if let other = three.avoiding(p), other.cost < inPlace { return other }
        return (inPlace, p - 1)
    }

    /// The removed stop's place first, then the three cheapest positions clear of it.
    private func places(_ three: Three, removed p: Int) -> [Int] {
        var out = [p - 1]
        for k in [three.after.0, three.after.1, three.after.2] where k != -2 && k != p && k != p - 1 { out.append(k) }
        return out
    }

    /// The summary of route `r` without its position `p` and with `s` inserted after position `k`
    /// (`k != p`), concatenated from the stored prefix and suffix summaries.
    private func segment(_ r: Int, removing p: Int, inserting s: Int, after k: Int) -> RouteSegment {
        let stops = state.routes[r], pre = state.prefix[r], suf = state.suffix[r]
        let node = RouteSegment.stop(s, in: problem)
        if k < p {
            var seg = RouteSegment.concat(pre[k + 1], node, in: problem)
            for i in (k + 1)..<p { seg = .concat(seg, .stop(Int(stops[i]), in: problem), in: problem) }
            return .concat(seg, suf[p + 1], in: problem)
        }
        var seg = pre[p]
        for i in (p + 1)...k { seg = .concat(seg, .stop(Int(stops[i]), in: problem), in: problem) }
        return .concat(.concat(seg, node, in: problem), suf[k + 1], in: problem)
    }

    /// The exact move for positions `i` of `r1` and `j` of `r2`, or nil when infeasible.
    private func exact(_ r1: Int, _ r2: Int, _ i: Int, _ j: Int, uAfter: Int, vAfter: Int) -> SwapStarMove? {
        let u = Int(state.routes[r1][i]), v = Int(state.routes[r2][j])
        let rule1 = state.rules[state.slotType[r1]], rule2 = state.rules[state.slotType[r2]]
        let s1 = segment(r1, removing: i, inserting: v, after: vAfter)
        let s2 = segment(r2, removing: j, inserting: u, after: uAfter)
        guard rule1.isFeasible(s1), rule2.isFeasible(s2) else { return nil }
        let delta = rule1.cost(s1) + rule2.cost(s2) - state.routeCost[r1] - state.routeCost[r2]
        return SwapStarMove(u: u, v: v, uAfter: uAfter, vAfter: vAfter, delta: delta)
    }

    /// Carries out `move` on the state.
    func apply(_ move: SwapStarMove) {
        let r1 = Int(state.routeOf[move.u]), r2 = Int(state.routeOf[move.v])
        let p1 = Int(state.positionOf[move.u]), p2 = Int(state.positionOf[move.v])
        state.routes[r1] = Self.exchanged(state.routes[r1], removing: p1, inserting: Int32(move.v), after: move.vAfter)
        state.routes[r2] = Self.exchanged(state.routes[r2], removing: p2, inserting: Int32(move.u), after: move.uAfter)
        state.refresh(r1); state.refresh(r2)
    }

    /// `route` without position `p` and with `s` right after position `k` (−1: first).
    static func exchanged(_ route: [Int32], removing p: Int, inserting s: Int32, after k: Int) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(route.count)
        if k == -1 { out.append(s) }
        for i in 0..<route.count {
            if i != p { out.append(route[i]) }
            if i == k { out.append(s) }
        }
        return out
    }
}
