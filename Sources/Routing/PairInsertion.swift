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
    /// The scan visits O(m²) position pairs but only O(m) distinct matrix entries besides the
    /// route's own legs: the drive from the stop before delivery position `j` into the delivery and
    /// from the delivery on to position `j` do not depend on `i`. They are looked up once per `j`
    /// (on first use, in `pairLegs`) instead of once per pair, and the leg shared by the partial
    /// route and the on-board segment once per step. Drives into the pickup and the delivery come
    /// from the transposed matrix (`RoutingProblem.arrivals`), one row per request instead of one
    /// cache line per route location; a pickup that is late whatever the drive to it is skipped
    /// before any lookup. Scattered matrix reads (cache misses in matrices of a few hundred
    /// locations) were most of the scan's time on the care waves.
    @inline(__always)
    func forEachPairInsertion(of q: Int, pickup p: Int, delivery d: Int, route r: Int, blink: Double,
                              rng: inout SeededGenerator, _ body: (Double, Int, Int) -> Void) {
        let rule = rules[slotType[r]]
        let pre = prefix[r], suf = suffix[r], stops = routes[r]
        let m = stops.count
        let old = routeCost[r]
        let pick = stopSegment[p], drop = stopSegment[d]
        let rideLimit = problem.requests[q].maxRideTime ?? Int.max
        let pickService = problem.stops[p].service, dropService = problem.stops[d].service
        let n = problem.matrices.count
        let duration = problem.matrices.duration, distance = problem.matrices.distance, arrivals = problem.arrivals
        let direct = pick.first * n + drop.first
        let directTravel = duration[direct], directMetres = distance[direct]
        // pairLegs[4j…4j+3]: seconds and metres from the stop before position j into the delivery
        // (j ≥ 1), then from the delivery to position j (its stop, or the end depot at j = m);
        // −1 until looked up. Taken out of the property while used, so that it is not copied.
        var legs = pairLegs
        pairLegs = []
        legs.removeAll(keepingCapacity: true)
        legs.append(contentsOf: repeatElement(-1, count: 4 * (m + 1)))
        for i in 0...m {
            // Drives take no negative time, so the pickup is late after pre[i] whatever the leg
            // (its lookup, a cache miss in most cases, is skipped): `partialOK` would say no.
            if pre[i].earliest + pre[i].duration - pre[i].timeWarp > pick.latest { continue }
            let into = 2 * (pick.first * n + pre[i].last)
            var seg = RouteSegment.concat(pre[i], pick, travel: arrivals[into], metres: arrivals[into + 1])
            if !partialOK(seg, rule) { continue }
            var onBoard = pick
            var j = i
            while j <= m {
                if j > i {
                    let next = stopSegment[Int(stops[j - 1])]
                    let k = seg.last * n + next.first
                    let travel = duration[k], metres = distance[k]
                    seg = .concat(seg, next, travel: travel, metres: metres)
                    if !partialOK(seg, rule) { break }
                    onBoard = .concat(onBoard, next, travel: travel, metres: metres)
                    if onBoard.duration - pickService > rideLimit { break }
                }
                if !(blink > 0 && rng.nextUnit() < blink) {
                    var inTravel = directTravel, inMetres = directMetres
                    if j > i {
                        if legs[4 * j] < 0 {
                            let into = 2 * (drop.first * n + seg.last)
                            legs[4 * j] = arrivals[into]; legs[4 * j + 1] = arrivals[into + 1]
                        }
                        inTravel = legs[4 * j]; inMetres = legs[4 * j + 1]
                    }
                    if rideLimit == Int.max
                        || RouteSegment.concat(onBoard, drop, travel: inTravel, metres: inMetres).duration - pickService - dropService <= rideLimit {
                        if legs[4 * j + 2] < 0 {
                            let k = drop.first * n + suf[j].first
                            legs[4 * j + 2] = duration[k]; legs[4 * j + 3] = distance[k]
                        }
                        let full = RouteSegment.concat(.concat(seg, drop, travel: inTravel, metres: inMetres), suf[j],
                                                       travel: legs[4 * j + 2], metres: legs[4 * j + 3])
                        if rule.isFeasible(full) { body(rule.cost(full) - old, i, j) }
                    }
                }
                j += 1
            }
        }
        pairLegs = legs
    }
}
