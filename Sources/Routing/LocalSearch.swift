import DagrouteCore

/// Granular local search for single-stop problems (CVRP, VRPTW): for every stop `u` and each of its
/// nearest stops `v`, tries relocate (or-opt of 1–3 stops), swap, 2-opt* and 2-opt, and applies the
/// first improving feasible move. Inter-route moves are priced in O(1) from prefix/suffix
/// summaries; intra-route moves by concatenating the changed route (O(route)). When no such move
/// improves, SWAP* (`SwapStar`) runs over the route pairs, and the node moves again after it changed
/// something.
///
/// With `penalty` set (`TimeWarpPenalty`, used by `TimeWarpEducation` on VRPTW) the same moves are
/// priced on penalised costs instead: a route's cost plus the penalty for its time warp, excess
/// duration and excess load, so that the search may pass through infeasible routes; SWAP* (which
/// only knows feasible moves) is then left out.
final class LocalSearch {
    let state: SearchState
    let problem: RoutingProblem
    private let near: [[Int32]]
    private let swapStar: SwapStar
    private var order: [Int]
    private var sequence: [Int32] = []
    /// Minimal gain (euro cents) for a move to count as an improvement.
    static let epsilon = 1e-6
    /// Minimal gain of the running descent: `epsilon`, or on penalised costs `relativeGain` × the
    /// plan's penalised cost at the start of the descent — with large penalties a route's cost
    /// carries rounding errors far above `epsilon`, and descents were seen to run for minutes on
    /// moves that only moved rounding errors (r2_2_1, crossover children of session 9's
    /// population experiment).
    private var minimumGain = LocalSearch.epsilon
    static let relativeGain = 1e-9

    /// Pure CVRP with a symmetric matrix: intra-route moves are priced from distances in O(1).
    private let distanceOnly: Bool

    /// When set, moves are priced on penalised costs (infeasible routes allowed); nil prices
    /// feasible moves only.
    var penalty: TimeWarpPenalty?

    init(state: SearchState, neighbours: NeighbourLists, size: Int) {
        self.state = state; problem = state.problem
        let m = problem.matrices
        distanceOnly = problem.capacityOnly && (0..<m.count).allSatisfy { i in (0..<i).allSatisfy { m.distance[i * m.count + $0] == m.distance[$0 * m.count + i] } }
        near = neighbours.lists.map { Array($0.prefix(size)) }
        swapStar = SwapStar(state: state, near: near)
        order = Array(0..<problem.stops.count)
    }

    /// Runs to a local optimum (first improvement, stops in random order).
    /// Stops early once `shouldStop` returns true (time limit, Ctrl-C).
    func run(rng: inout SeededGenerator, shouldStop: () -> Bool = { false }) {
        order.shuffle(using: &rng)
        minimumGain = Self.epsilon
        if penalty != nil {
            var total = 0.0
            for r in 0..<state.routes.count { total += current(r) }
            minimumGain = max(Self.epsilon, Self.relativeGain * total)
        }
        var improved = true
        while improved {
            improved = false
            for u in order where state.routeOf[u] >= 0 {
                if shouldStop() { return }
                for v32 in near[u] {
                    let v = Int(v32)
                    if state.routeOf[v] < 0 { continue }
                    if improveWith(u, v) { improved = true; if state.routeOf[u] < 0 { break } }
                }
                if improveWithEmptyRoute(u) { improved = true }
            }
            if !improved && penalty == nil && swapStar.run(shouldStop: shouldStop) { improved = true }
        }
    }

    private func improveWith(_ u: Int, _ v: Int) -> Bool {
        for len in 1...3 {
            if let d = relocate(u, length: len, after: v), d < -minimumGain { applyRelocate(u, length: len, after: v); return true }
        }
        if state.positionOf[v] == 0, let d = relocate(u, length: 1, after: -1 - v), d < -minimumGain { applyRelocate(u, length: 1, after: -1 - v); return true }
        if let d = swap(u, v), d < -minimumGain { applySwap(u, v); return true }
        if let d = twoOptStar(u, v), d < -minimumGain { applyTwoOptStar(u, v); return true }
        if let d = twoOpt(u, v), d < -minimumGain { applyTwoOpt(u, v); return true }
        return false
    }

    private func improveWithEmptyRoute(_ u: Int) -> Bool {
        if state.maxRoutes != Int.max && state.usedRoutes >= state.maxRoutes { return false }
        guard let r = (0..<state.routes.count).first(where: { state.routes[$0].isEmpty }) else { return false }
        if let d = moveToRoute(u, r), d < -minimumGain { applyMoveToRoute(u, r); return true }
        return false
    }

    // MARK: - Pricing helpers

    @inline(__always) private func d(_ a: Int, _ b: Int) -> Int { problem.distance(a, b) }

    @inline(__always) private func location(_ r: Int, _ k: Int) -> Int { state.location(route: r, position: k) }

    @inline(__always) private func cat(_ a: RouteSegment, _ b: RouteSegment) -> RouteSegment { .concat(a, b, in: problem) }
    @inline(__always) private func node(_ s: Int32) -> RouteSegment { .stop(Int(s), in: problem) }

    /// Cost of a whole-route summary on route slot `r`'s vehicle, or nil when infeasible (penalised
    /// cost, never nil, with `penalty` set).
    @inline(__always) private func price(_ s: RouteSegment, route r: Int, empty: Bool) -> Double? {
        if empty { return 0 }
        let rule = state.rules[state.slotType[r]]
        if let penalty { return penalty.cost(s, rule) }
        return rule.isFeasible(s) ? rule.cost(s) : nil
    }

    /// The current cost of route slot `r` as `price` counts it.
    @inline(__always) private func current(_ r: Int) -> Double {
        guard let penalty, !state.routes[r].isEmpty else { return state.routeCost[r] }
        return penalty.cost(state.whole(r), state.rules[state.slotType[r]])
    }

    /// Cost of route slot `r` holding `seq`, or nil when infeasible (O(len)).
    private func price(sequence seq: [Int32], route r: Int) -> Double? {
        let rule = state.rules[state.slotType[r]]
        var s = rule.start
        for x in seq { s = cat(s, node(x)) }
        return price(cat(s, rule.end), route: r, empty: seq.isEmpty)
    }

    // MARK: - Relocate (or-opt)

    /// Cost change of moving `u` and the `length − 1` stops after it to just after `v`
    /// (`v < 0` encodes "before stop −1 − v", used for the first position), or nil if infeasible
    /// or not applicable.
    func relocate(_ u: Int, length: Int, after v: Int) -> Double? {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        let target = v >= 0 ? v : -1 - v
        let rv = Int(state.routeOf[target])
        let pv = v >= 0 ? Int(state.positionOf[target]) : Int(state.positionOf[target]) - 1   // insert after position pv
        let routeU = state.routes[ru]
        if pu + length > routeU.count { return nil }
        if ru == rv {
            if pv >= pu - 1 && pv < pu + length { return nil }
            if distanceOnly {
                let prevU = location(ru, pu - 1), first = location(ru, pu), last = location(ru, pu + length - 1)
                let nextU = location(ru, pu + length), at = location(ru, pv), nextV = location(ru, pv + 1)
                let change = d(prevU, nextU) - d(prevU, first) - d(last, nextU) + d(at, first) + d(last, nextV) - d(at, nextV)
                return state.rules[state.slotType[ru]].perMetre * Double(change)
            }
            buildRelocated(routeU, from: pu, length: length, after: pv)
            guard let c = price(sequence: sequence, route: ru) else { return nil }
            return c - current(ru)
        }
        var seg = node(routeU[pu])
        for k in 1..<length { seg = cat(seg, node(routeU[pu + k])) }
        let newU = cat(state.prefix[ru][pu], state.suffix[ru][pu + length])
        let newV = cat(cat(state.prefix[rv][pv + 1], seg), state.suffix[rv][pv + 1])
        guard let cu = price(newU, route: ru, empty: routeU.count == length),
              let cv = price(newV, route: rv, empty: false) else { return nil }
        return cu + cv - current(ru) - current(rv)
    }

    private func buildRelocated(_ route: [Int32], from pu: Int, length: Int, after pv: Int) {
        sequence.removeAll(keepingCapacity: true)
        if pv == -1 { sequence += route[pu..<(pu + length)] }
        for k in 0..<route.count {
            if k >= pu && k < pu + length { continue }
            sequence.append(route[k])
            if k == pv { sequence += route[pu..<(pu + length)] }
        }
    }

    func applyRelocate(_ u: Int, length: Int, after v: Int) {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        let target = v >= 0 ? v : -1 - v
        let rv = Int(state.routeOf[target])
        let pv = v >= 0 ? Int(state.positionOf[target]) : Int(state.positionOf[target]) - 1
        if ru == rv {
            buildRelocated(state.routes[ru], from: pu, length: length, after: pv)
            state.routes[ru] = sequence
            state.refresh(ru)
            return
        }
        let moving = Array(state.routes[ru][pu..<(pu + length)])
        state.routes[ru].removeSubrange(pu..<(pu + length))
        state.routes[rv].insert(contentsOf: moving, at: pv + 1)
        state.refresh(ru); state.refresh(rv)
    }

    // MARK: - Move to an empty route

    func moveToRoute(_ u: Int, _ r: Int) -> Double? {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        if ru == r || state.slotType[ru] == state.slotType[r] && state.routes[ru].count == 1 { return nil }
        let rule = state.rules[state.slotType[r]]
        let newU = cat(state.prefix[ru][pu], state.suffix[ru][pu + 1])
        guard let cu = price(newU, route: ru, empty: state.routes[ru].count == 1),
              let cr = price(cat(cat(rule.start, node(Int32(u))), rule.end), route: r, empty: false) else { return nil }
        return cu + cr - current(ru)
    }

    func applyMoveToRoute(_ u: Int, _ r: Int) {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        state.routes[ru].remove(at: pu)
        state.routes[r] = [Int32(u)]
        state.refresh(ru); state.refresh(r)
    }

    // MARK: - Swap

    /// Cost change of exchanging `u` and `v` (any routes), or nil if infeasible.
    func swap(_ u: Int, _ v: Int) -> Double? {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        let rv = Int(state.routeOf[v]), pv = Int(state.positionOf[v])
        if ru == rv {
            sequence = state.routes[ru]
            sequence.swapAt(pu, pv)
            guard let c = price(sequence: sequence, route: ru) else { return nil }
            return c - current(ru)
        }
        let newU = cat(cat(state.prefix[ru][pu], node(Int32(v))), state.suffix[ru][pu + 1])
        let newV = cat(cat(state.prefix[rv][pv], node(Int32(u))), state.suffix[rv][pv + 1])
        guard let cu = price(newU, route: ru, empty: false), let cv = price(newV, route: rv, empty: false) else { return nil }
        return cu + cv - current(ru) - current(rv)
    }

    func applySwap(_ u: Int, _ v: Int) {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        let rv = Int(state.routeOf[v]), pv = Int(state.positionOf[v])
        state.routes[ru][pu] = Int32(v)
        state.routes[rv][pv] = Int32(u)
        state.refresh(ru)
        if rv != ru { state.refresh(rv) }
    }

    // MARK: - 2-opt* (exchange route tails)

    /// Cost change of exchanging the tails after `u` and after `v` (different routes whose end
    /// depots agree), or nil if infeasible or not applicable.
    func twoOptStar(_ u: Int, _ v: Int) -> Double? {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        let rv = Int(state.routeOf[v]), pv = Int(state.positionOf[v])
        if ru == rv { return nil }
        let eu = state.rules[state.slotType[ru]].end, ev = state.rules[state.slotType[rv]].end
        if eu.first != ev.first || eu.earliest != ev.earliest || eu.latest != ev.latest { return nil }
        let newU = cat(state.prefix[ru][pu + 1], state.suffix[rv][pv + 1])
        let newV = cat(state.prefix[rv][pv + 1], state.suffix[ru][pu + 1])
        let lenU = pu + 1 + state.routes[rv].count - pv - 1
        let lenV = pv + 1 + state.routes[ru].count - pu - 1
        guard let cu = price(newU, route: ru, empty: lenU == 0), let cv = price(newV, route: rv, empty: lenV == 0) else { return nil }
        return cu + cv - current(ru) - current(rv)
    }

    func applyTwoOptStar(_ u: Int, _ v: Int) {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        let rv = Int(state.routeOf[v]), pv = Int(state.positionOf[v])
        let tailU = Array(state.routes[ru][(pu + 1)...]), tailV = Array(state.routes[rv][(pv + 1)...])
        state.routes[ru].removeSubrange((pu + 1)...); state.routes[ru] += tailV
        state.routes[rv].removeSubrange((pv + 1)...); state.routes[rv] += tailU
        state.refresh(ru); state.refresh(rv)
    }

    // MARK: - 2-opt (reverse a part of one route)

    /// Cost change of reversing the stops strictly after `u` up to and including `v` (same route,
    /// `u` before `v`), or nil if infeasible or not applicable.
    func twoOpt(_ u: Int, _ v: Int) -> Double? {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u])
        let rv = Int(state.routeOf[v]), pv = Int(state.positionOf[v])
        if ru != rv || pv <= pu + 1 { return nil }
        if distanceOnly {
            let change = d(location(ru, pu), location(ru, pv)) + d(location(ru, pu + 1), location(ru, pv + 1))
                - d(location(ru, pu), location(ru, pu + 1)) - d(location(ru, pv), location(ru, pv + 1))
            return state.rules[state.slotType[ru]].perMetre * Double(change)
        }
        sequence = state.routes[ru]
        sequence[(pu + 1)...pv].reverse()
        guard let c = price(sequence: sequence, route: ru) else { return nil }
        return c - current(ru)
    }

    func applyTwoOpt(_ u: Int, _ v: Int) {
        let ru = Int(state.routeOf[u]), pu = Int(state.positionOf[u]), pv = Int(state.positionOf[v])
        state.routes[ru][(pu + 1)...pv].reverse()
        state.refresh(ru)
    }
}
