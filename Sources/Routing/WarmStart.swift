extension SearchState {
    /// Starts from given routes instead of empty ones. `initial[r]` is the stop sequence of vehicle
    /// slot `r` (slots numbered type by type: `vehicleTypes[0].count` slots first, then the next
    /// type's, …; missing trailing slots are empty). Per route, requests are kept in their order of
    /// first appearance as long as the route stays feasible (windows, ride limits, capacity, shift);
    /// a request whose stops are out of range, repeated, incomplete, in the wrong order, impossible
    /// alone or infeasible in its route is dropped and stays unassigned.
    func warmStart(_ initial: [[Int]]) {
        let requestOf = { (s: Int) in Int(self.problem.requestOfStop[s]) }
        var used = [Bool](repeating: false, count: problem.requests.count)
        var start = [[Int32]](repeating: [], count: routes.count)
        for (r, sequence) in initial.prefix(routes.count).enumerated() {
            let stops = sequence.filter { $0 >= 0 && $0 < problem.stops.count }
            var order: [Int] = []
            for s in stops where !order.contains(requestOf(s)) { order.append(requestOf(s)) }
            var kept = Set<Int>()
            for q in order where !used[q] && !excluded.contains(q) {
                // The request's stops must each appear once, in the request's own order.
                if stops.filter({ requestOf($0) == q }) != problem.requests[q].stops { continue }
                let candidate = stops.filter { kept.contains(requestOf($0)) || requestOf($0) == q }.map(Int32.init)
                if routeFeasible(slot: r, candidate) { kept.insert(q); used[q] = true; start[r] = candidate }
            }
        }
        restore(start)
    }

    /// True when `stops` is a feasible route for slot `r`.
    private func routeFeasible(slot r: Int, _ stops: [Int32]) -> Bool {
        let rule = rules[slotType[r]]
        return rule.isFeasible(rule.route(stops, in: problem)) && ridesFeasible(vehicleType: slotType[r], stops)
    }
}
