import DagrouteCore

extension SearchState {
    /// `forEachInsertion` for pickup–delivery request `q` (pickup stop `p`, delivery stop `d`) in
    /// route `r`: every summary-feasible pair of positions (pickup before position `i`, delivery
    /// before position `j` of the current route, `i <= j`), in the order `i` then `j`, with the same
    /// blinks drawn from `rng` and the same cost change (euro cents) as concatenating the segment
    /// summaries one leg lookup at a time.
    ///
    /// The ride (delivery service start − pickup service end) lasts at least the minimal duration
    /// of pickup ⊕ the stops in between ⊕ delivery, less both services; that of pickup ⊕ the stops
    /// in between only grows as the delivery moves later, so once it alone exceeds the limit no
    /// later delivery position can meet it.
    ///
    /// Scattered matrix reads (cache misses in matrices of a few hundred locations) were most of
    /// the plain scan's time on the care waves, so every drive is read where it lies close to the
    /// others of the same scan: into the pickup and into the delivery from the transposed matrix
    /// (`RoutingProblem.arrivals`, one row each), out of the pickup and the delivery from their
    /// rows of the matrices, between two stops of the route from `nextLeg`; the leg shared by the
    /// partial route and the on-board segment is read once per step, and a pickup that is late
    /// whatever the drive to it is skipped before any read, and so is a delivery position after
    /// which the delivery would be late whatever the drive (the blink drawn all the same).
    @inline(__always)
    func forEachPairInsertion(of q: Int, pickup p: Int, delivery d: Int, route r: Int, blink: Double,
                              rng: inout SeededGenerator, _ body: (Double, Int, Int) -> Void) {
        let rule = rules[slotType[r]]
        let pre = prefix[r], suf = suffix[r], stops = routes[r]
        let m = stops.count
        let old = routeCost[r]
        let pick = stopSegment[p], drop = stopSegment[d]
        let rideLimit = problem.requests[q].maxRideTime ?? Int.max
        let pickService = problem.stops[p].service, dropService = problem.stops[d].service, dropLatest = drop.latest
        let n = problem.matrices.count
        let duration = problem.matrices.duration, distance = problem.matrices.distance, arrivals = problem.arrivals
        let nextLeg = self.nextLeg
        let direct = pick.first * n + drop.first
        let directTravel = duration[direct], directMetres = distance[direct]
        let pickRow = 2 * pick.first * n, dropRow = 2 * drop.first * n
        for i in 0...m {
            // Drives take no negative time, so the pickup is late after pre[i] whatever the leg
            // (its lookup, a cache miss in most cases, is skipped): `partialOK` would say no.
            if pre[i].earliest + pre[i].duration - pre[i].timeWarp > pick.latest { continue }
            let into = pickRow + 2 * pre[i].last
            var seg = RouteSegment.concat(pre[i], pick, travel: arrivals[into], metres: arrivals[into + 1])
            if !partialOK(seg, rule) { continue }
            var onBoard = pick
            var j = i
            while j <= m {
                if j > i {
                    let next = stopSegment[Int(stops[j - 1])]
                    let travel: Int, metres: Int
                    if j - 1 > i {
                        let leg = 2 * Int(stops[j - 2])
                        travel = nextLeg[leg]; metres = nextLeg[leg + 1]
                    } else {
                        let k = seg.last * n + next.first
                        travel = duration[k]; metres = distance[k]
                    }
                    seg = .concat(seg, next, travel: travel, metres: metres)
                    if !partialOK(seg, rule) { break }
                    onBoard = .concat(onBoard, next, travel: travel, metres: metres)
                    if onBoard.duration - pickService > rideLimit { break }
                }
                // A delivery after `seg` ends later than the delivery window whatever the drive to
                // it (and so at every later position): no lookup, but the blink is still drawn.
                if !(blink > 0 && rng.nextUnit() < blink) && seg.earliest + seg.duration - seg.timeWarp <= dropLatest {
                    var inTravel = directTravel, inMetres = directMetres
                    if j > i {
                        let into = dropRow + 2 * seg.last
                        inTravel = arrivals[into]; inMetres = arrivals[into + 1]
                    }
                    if rideLimit == Int.max
                        || RouteSegment.concat(onBoard, drop, travel: inTravel, metres: inMetres).duration - pickService - dropService <= rideLimit {
                        let out = drop.first * n + suf[j].first
                        let full = RouteSegment.concat(.concat(seg, drop, travel: inTravel, metres: inMetres), suf[j],
                                                       travel: duration[out], metres: distance[out])
                        if rule.isFeasible(full) { body(rule.cost(full) - old, i, j) }
                    }
                }
                j += 1
            }
        }
    }
}
