import DagrouteCore

/// A pair-preserving 2-opt* move: route `a` keeps its stops before `i` and takes those of route `b`
/// from `j` on; `b` keeps its stops before `j` and takes `a`'s from `i` on. `delta` in euro cents.
struct TailExchange {
    var delta: Double
    var b: Int
    var i: Int
    var j: Int
}

extension PairLocalSearch {
    /// Most improving 2-opt* candidates of one route re-scheduled for ride limits, cheapest first.
    static let tailMovesVerified = 8

    /// Pair-preserving 2-opt*: route `a` and every other non-empty route are cut where nobody
    /// is on board (every request before the cut is delivered before it) and exchange their
    /// tails — in care waves often a whole group of deliveries at one location; a cut at the end
    /// of one route and the start of the other joins both into one vehicle. Each cut pair is
    /// priced from `a`'s prefix and `b`'s suffix summaries in O(1) (tails re-summarised when the
    /// two vehicle types end at different depots or shifts). The cheapest improving candidates
    /// are re-scheduled for ride limits (`RouteScheduler`), cheapest first, and the first feasible
    /// one is applied. Every route is a partner (cuts are few where
    /// clients ride in groups), so the neighbourhood is symmetric: once no queued route improves,
    /// no pair of routes does. Returns the cost change (< 0, euro cents) and the two routes (both then in
    /// `changed`), or nil with the plan unchanged.
    func twoOptStar(route a: Int) -> (delta: Double, from: Int, to: Int)? {
        guard !state.routes[a].isEmpty else { return nil }
        cuts(of: a, into: &cutsA)
        partnerRoutes.removeAll(keepingCapacity: true)
        for b in 0..<state.routes.count where b != a && !state.routes[b].isEmpty { partnerRoutes.append(b) }
        tailMoves.removeAll(keepingCapacity: true)
        let p = state.problem, ta = state.slotType[a], ruleA = state.rules[ta]
        let ma = state.routes[a].count, costA = state.routeCost[a]
        for b in partnerRoutes {
            cuts(of: b, into: &cutsB)
            let tb = state.slotType[b], ruleB = state.rules[tb], mb = state.routes[b].count
            let sameEnds = Self.sameDepot(ruleA.end, ruleB.end)
            let costBoth = costA + state.routeCost[b]
            for i in cutsA {
                for j in cutsB {
                    // Whole routes swapping vehicles of one type change nothing.
                    if (i == 0 && j == 0 || i == ma && j == mb) && ta == tb { continue }
                    let newA = i + (mb - j), newB = j + (ma - i)
                    var cost = 0.0
                    if newA > 0 {
                        let seg = RouteSegment.concat(state.prefix[a][i], sameEnds ? state.suffix[b][j] : tail(of: b, from: j, end: ruleA.end), in: p)
                        if !ruleA.isFeasible(seg) { continue }
                        cost += ruleA.cost(seg)
                    }
                    if newB > 0 {
                        let seg = RouteSegment.concat(state.prefix[b][j], sameEnds ? state.suffix[a][i] : tail(of: a, from: i, end: ruleB.end), in: p)
                        if !ruleB.isFeasible(seg) { continue }
                        cost += ruleB.cost(seg)
                    }
                    if cost - costBoth < -Self.epsilon { tailMoves.append(TailExchange(delta: cost - costBoth, b: b, i: i, j: j)) }
                }
            }
        }
        guard !tailMoves.isEmpty else { return nil }
        tailMoves.sort { ($0.delta, $0.b, $0.i, $0.j) < ($1.delta, $1.b, $1.i, $1.j) }
        for move in tailMoves.prefix(state.checkRides ? Self.tailMovesVerified : 1) {
            let b = move.b
            let newA = Array(state.routes[a][..<move.i] + state.routes[b][move.j...])
            let newB = Array(state.routes[b][..<move.j] + state.routes[a][move.i...])
            guard state.ridesFeasible(vehicleType: ta, newA) && state.ridesFeasible(vehicleType: state.slotType[b], newB) else { continue }
            state.routes[a] = newA; state.refresh(a)
            state.routes[b] = newB; state.refresh(b)
            markChanged(a); markChanged(b)
            return (move.delta, a, b)
        }
        return nil
    }

    /// Positions k (0…count) of route `r` where nobody is on board: every pickup–delivery request
    /// with a stop before k has both stops before k.
    func cuts(of r: Int, into list: inout [Int]) {
        list.removeAll(keepingCapacity: true)
        list.append(0)
        var open = 0
        for (k, s) in state.routes[r].enumerated() {
            let q = Int(state.problem.requestOfStop[Int(s)])
            if state.secondStop[q] >= 0 { open += state.firstStop[q] == s ? 1 : -1 }
            if open == 0 { list.append(k + 1) }
        }
    }

    /// Stops `from`… of route `r` followed by the depot summary `end`.
    private func tail(of r: Int, from k: Int, end: RouteSegment) -> RouteSegment {
        var seg = end
        var t = state.routes[r].count - 1
        while t >= k { seg = .concat(state.stopSegment[Int(state.routes[r][t])], seg, in: state.problem); t -= 1 }
        return seg
    }

    /// True when two depot summaries are the same place and shift.
    static func sameDepot(_ x: RouteSegment, _ y: RouteSegment) -> Bool {
        x.first == y.first && x.earliest == y.earliest && x.latest == y.latest
    }
}
