import DagrouteCore
@testable import Routing

extension LocalSearch {
    /// Test support: one granular move of kind `op` (0 relocate of 1–3 stops after `v`, 1 the same
    /// to the front of `v`'s route, 2 swap, 3 2-opt*, 4 2-opt, 5 move `u` to an empty vehicle)
    /// priced and then applied, as the move-evaluation tests draw them. Returns nil when the draw
    /// is not a valid move (the caller skips it; the plan is unchanged), else the priced change
    /// (itself nil when the evaluator found the move infeasible). The relocate length is drawn
    /// from `rng`.
    func applyRandomMove(op: UInt64, _ u: Int, _ v: Int, rng: inout SeededGenerator) -> Double?? {
        let p = state.problem
        let ru = Int(state.routeOf[u]), rv = Int(state.routeOf[v])
        let pu = Int(state.positionOf[u]), pv = Int(state.positionOf[v])
        switch op {
        case 0, 1:
            let len = Int(rng.next() % 3) + 1
            if op == 1 && pv != 0 { return nil }
            let after = op == 1 ? -1 - v : v
            let at = op == 1 ? -1 : pv
            if pu + len > state.routes[ru].count || (ru == rv && at >= pu - 1 && at < pu + len) { return nil }
            let delta = relocate(u, length: len, after: after); applyRelocate(u, length: len, after: after)
            return .some(delta)
        case 2:
            let delta = swap(u, v); applySwap(u, v)
            return .some(delta)
        case 3:
            let a = p.vehicleTypes[state.slotType[ru]], b = p.vehicleTypes[state.slotType[rv]]
            if ru == rv || a.endLocation != b.endLocation || a.shiftStart != b.shiftStart || a.shiftEnd != b.shiftEnd { return nil }
            let delta = twoOptStar(u, v); applyTwoOptStar(u, v)
            return .some(delta)
        case 4:
            if ru != rv || pv <= pu + 1 { return nil }
            let delta = twoOpt(u, v); applyTwoOpt(u, v)
            return .some(delta)
        default:
            guard let r = (0..<state.routes.count).first(where: { state.routes[$0].isEmpty }) else { return nil }
            if state.slotType[ru] == state.slotType[r] && state.routes[ru].count == 1 { return nil }
            let delta = moveToRoute(u, r); applyMoveToRoute(u, r)
            return .some(delta)
        }
    }
}

extension SearchState {
    /// Test support: moves routed pickup–delivery request `q` to a random one of its insertion
    /// positions (any route) where the new route keeps every ride limit and the route it left does
    /// too; otherwise the plan stays as it was. Used to make plans worse than construction's, so
    /// that improving moves exist. Draws from `rng` (the insertion scan, then a shuffle).
    func moveToRandomFeasiblePosition(_ q: Int, rng: inout SeededGenerator) {
        let from = Int(routeOf[problem.requests[q].stops[0]]), before = routes[from]
        remove(requests: [q])
        var options: [(Int, Int, Int)] = []
        for r in 0..<routes.count {
            forEachInsertion(of: q, route: r, blink: 0, rng: &rng) { _, i, j in options.append((r, i, j)) }
        }
        options.shuffle(using: &rng)
        let ok = options.first { buildInsertion(q, route: $0.0, i: $0.1, j: $0.2); return ridesFeasible(vehicleType: slotType[$0.0], scratch) }
        if let (r, i, j) = ok, ridesFeasible(vehicleType: slotType[from], routes[from]) {
            insert(q, route: r, i: i, j: j)
        } else {
            routes[from] = before; refresh(from); unassigned.removeLast()
        }
    }
}
