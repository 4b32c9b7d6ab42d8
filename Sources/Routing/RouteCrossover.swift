import DagrouteCore

/// Route-based crossover of two plans of a single-stop problem (SREX, Nagata & Kobayashi 2010, in
/// its simple form): `n` routes of parent `a` are replaced by `n` routes of parent `b` that overlap
/// them most; the stops of `b`'s routes are taken out of `a`'s remaining routes (duplicates removed,
/// the other stops keep their order), and the stops of `a`'s replaced routes that `b`'s routes do
/// not hold are left out, for the caller's recreate to insert.
///
/// Plans are route slots as `SearchState.snapshot()` gives them; both parents hold the same stops
/// once each, and every slot is of one vehicle type (the caller checks that the problem has one).
/// The child keeps the number of non-empty routes of `a` (the tight fleet of the distance phase):
/// `b`'s routes go into the slots of the routes they replace.
enum RouteCrossover {
    /// The child of `a` and `b`: its slots, and the stops it leaves out. `stops` is the number of
    /// stops of the problem. Returns nil when either parent has fewer than two routes.
    static func child(_ a: [[Int32]], _ b: [[Int32]], stops: Int,
                      rng: inout SeededGenerator) -> (slots: [[Int32]], leftOut: [Int32])? {
        let routesA = a.indices.filter { !a[$0].isEmpty }, routesB = b.indices.filter { !b[$0].isEmpty }
        guard routesA.count >= 2 && routesB.count >= 2 else { return nil }
        let n = 1 + Int(rng.next() % UInt64(max(1, min(routesA.count, routesB.count) / 2)))
        // Greedy selection: a random route of `a`, then alternately the route of `b` holding most of
        // the stops the chosen `a` routes hold and `b`'s chosen ones do not, and vice versa.
        var chosenA: [Int] = [routesA[Int(rng.next() % UInt64(routesA.count))]], chosenB: [Int] = []
        var inA = [Bool](repeating: false, count: stops), inB = inA
        for s in a[chosenA[0]] { inA[Int(s)] = true }
        func mostOverlapping(_ candidates: [Int], _ chosen: [Int], _ plan: [[Int32]], _ otherHolds: [Bool], _ ownHolds: [Bool]) -> Int? {
            var pick: Int?, most = -1
            for r in candidates where !chosen.contains(r) {
                var k = 0
                for s in plan[r] where otherHolds[Int(s)] && !ownHolds[Int(s)] { k += 1 }
                if k > most { most = k; pick = r }
            }
            return pick
        }
        while true {
            guard let rb = mostOverlapping(routesB, chosenB, b, inA, inB) else { break }
            chosenB.append(rb)
            for s in b[rb] { inB[Int(s)] = true }
            if chosenA.count == n { break }
            guard let ra = mostOverlapping(routesA, chosenA, a, inB, inA) else { break }
            chosenA.append(ra)
            for s in a[ra] { inA[Int(s)] = true }
        }
        var slots = a
        for r in routesA where !chosenA.contains(r) { slots[r].removeAll { inB[Int($0)] } }
        for (k, r) in chosenA.enumerated() { slots[r] = k < chosenB.count ? b[chosenB[k]] : [] }
        var leftOut: [Int32] = []
        for r in chosenA { for s in a[r] where !inB[Int(s)] { leftOut.append(s) } }
        return (slots, leftOut)
    }
}
