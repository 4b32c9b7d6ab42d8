import DagrouteCore
import Foundation

/// Nearest stops of every stop (by distance from its location), excluding its own request's stops
/// (`lists`: the granular neighbourhood of the local search and of insertions), and the ruin's
/// adjacency (`related`).
struct NeighbourLists: Sendable {
    let lists: [[Int32]]
    /// The ruin's adjacency, `size` stops per stop: `lists`, or with `relatedRequests` on a
    /// pickup–delivery problem the stops of the requests most related to the stop's own (pick-ups
    /// for a pick-up, deliveries for a delivery) by `RequestRelatedness` — requests whose pick-ups
    /// and deliveries are both near could swap routes, where a care-wave home next to the stop may
    /// be a ride to another location at another hour (`SolverParameters.relatedRuin`).
    let related: [[Int32]]
    init(_ problem: RoutingProblem, size: Int, relatedRequests: Bool = false) {
        let n = problem.stops.count
        var all: [[Int32]] = []
        all.reserveCapacity(n)
        // Ordered by (distance, stop) through one packed integer key per candidate: distance in the
        // high 40 bits (saturated), stop index in the low 24, so sorting plain integers gives the
        // same order as comparing the pairs.
        precondition(n < 1 << 24, "more than 2^24 stops")
        var keys: [UInt64] = []
        keys.reserveCapacity(n)
        for s in 0..<n {
            let ls = problem.stops[s].location, own = problem.requestOfStop[s]
            keys.removeAll(keepingCapacity: true)
            for t in 0..<n where problem.requestOfStop[t] != own {
                let d = UInt64(min(problem.distance(ls, problem.stops[t].location), (1 << 40) - 1))
                keys.append(d << 24 | UInt64(t))
            }
            keys.sort()
            all.append(keys.prefix(size).map { Int32(truncatingIfNeeded: $0 & 0xFF_FFFF) })
        }
        lists = all
        related = relatedRequests && problem.hasPairs ? RequestRelatedness.lists(problem, size: size, fallback: all) : all
    }
}

/// Shaw-style relatedness of two pickup–delivery requests `q` and `u`, in seconds:
/// `duration(pickup q, pickup u) + duration(delivery q, delivery u)
///  + |earliest pickup q − earliest pickup u| + |latest delivery q − latest delivery u|`;
/// the smaller, the more related (a second of window difference weighs as a second of travel).
enum RequestRelatedness {
    static func key(_ problem: RoutingProblem, _ q: Int, _ u: Int) -> Int? {
        guard case let .pickupDelivery(pq, dq) = problem.requests[q].kind,
              case let .pickupDelivery(pu, du) = problem.requests[u].kind else { return nil }
        let (p1, d1, p2, d2) = (problem.stops[pq], problem.stops[dq], problem.stops[pu], problem.stops[du])
        return problem.duration(p1.location, p2.location) + problem.duration(d1.location, d2.location)
            + abs(p1.earliest - p2.earliest) + abs(d1.latest - d2.latest)
    }

    /// Per stop, the same-role stops of the `size` requests most related to its own (ties by
    /// request index); a stop of a single-stop request keeps its `fallback` list.
    static func lists(_ problem: RoutingProblem, size: Int, fallback: [[Int32]]) -> [[Int32]] {
        var result = fallback
        var keys: [UInt64] = []
        keys.reserveCapacity(problem.requests.count)
        for q in problem.requests.indices {
            guard case let .pickupDelivery(pq, dq) = problem.requests[q].kind else { continue }
            keys.removeAll(keepingCapacity: true)
            for u in problem.requests.indices where u != q {
                guard let k = key(problem, q, u) else { continue }
                keys.append(UInt64(min(max(k, 0), (1 << 40) - 1)) << 24 | UInt64(u))
            }
            keys.sort()
            var pickups: [Int32] = [], deliveries: [Int32] = []
            for k in keys.prefix(size) {
                guard case let .pickupDelivery(pu, du) = problem.requests[Int(k & 0xFF_FFFF)].kind else { continue }
                pickups.append(Int32(pu)); deliveries.append(Int32(du))
            }
            result[pq] = pickups; result[dq] = deliveries
        }
        return result
    }
}

extension SearchState {
    /// SISR ruin (Christiaens & Vanden Berghe 2020): removes strings of consecutive stops from
    /// the routes of a random seed stop and of the stops adjacent to it (`NeighbourLists.related`).
    /// Saves the stops of every route it changes in `saved`.
    func ruin(neighbours: NeighbourLists, params: SolverParameters, rng: inout SeededGenerator,
              saved: inout [(Int, [Int32])]) {
        var assignedStops = 0, used = 0
        for r in routes where !r.isEmpty { assignedStops += r.count; used += 1 }
        guard used > 0 else { return }
        let lsMax = min(Double(params.maxStringLength), Double(assignedStops) / Double(used))
        let ksMax = 4 * Double(params.averageRemoved) / (1 + lsMax) - 1
        let strings = Int(rng.nextUnit() * max(ksMax, 0)) + 1
        var seed = Int(rng.next() % UInt64(problem.stops.count))
        var tries = 0
        while routeOf[seed] < 0 && tries < 4 * problem.stops.count { seed = Int(rng.next() % UInt64(problem.stops.count)); tries += 1 }
        guard routeOf[seed] >= 0 else { return }
        var ruined: [Int] = []
        var removed: [Int] = []
        func take(_ c: Int) {
            let r = Int(routeOf[c])
            if r < 0 || ruined.contains(r) { return }
            let m = routes[r].count
            let lMax = max(1, min(m, Int(lsMax)))
            let l = Int(rng.nextUnit() * Double(lMax)) + 1
            let pos = Int(positionOf[c])
            let start = min(max(0, pos - Int(rng.next() % UInt64(l))), m - l)
            for k in start..<(start + l) {
                let q = Int(problem.requestOfStop[Int(routes[r][k])])
                if !removed.contains(q) { removed.append(q) }
            }
            ruined.append(r)
        }
        take(seed)
        for c in neighbours.related[seed] where ruined.count < strings { take(Int(c)) }
        // Now and then also empty the shortest of three random routes, so that a vehicle can be
        // saved when its requests fit elsewhere (strings alone rarely empty a long route).
        if rng.nextUnit() < params.routeRemovalRate {
            var pick = -1
            for _ in 0..<3 {
                let r = Int(rng.next() % UInt64(routes.count))
                if !routes[r].isEmpty && (pick < 0 || routes[r].count < routes[pick].count) { pick = r }
            }
            if pick >= 0 {
                for s in routes[pick] {
                    let q = Int(problem.requestOfStop[Int(s)])
                    if !removed.contains(q) { removed.append(q) }
                }
            }
        }
        for q in removed {
            for k in 0..<2 {
                let s = k == 0 ? firstStop[q] : secondStop[q]
                if s < 0 { continue }
                let r = Int(routeOf[Int(s)])
                if r >= 0 && !saved.contains(where: { $0.0 == r }) { saved.append((r, routes[r])) }
            }
        }
        remove(requests: removed)
    }

    /// Greedy recreate with blinks: inserts every unassigned request at its cheapest feasible
    /// position — first those already out before the ruin (`hard`), then the removed ones in an
    /// order drawn from random / largest load / farthest from depot / closest to depot (weights
    /// 4 : 4 : 2 : 1). Saves the stops of every route it changes in `saved`.
    func recreate(params: SolverParameters, hard: [Int], neighbours: NeighbourLists, rng: inout SeededGenerator,
                  saved: inout [(Int, [Int32])], candidates: inout [InsertionMove], routeList: inout [Int]) {
        var order = unassigned.filter { !hard.contains($0) }
        let depot = rules[0].start.first
        func key(_ q: Int) -> Int {
            problem.distance(depot, problem.stops[Int(firstStop[q])].location)
        }
        let pick = rng.next() % 11
        if pick < 4 {
            order.shuffle(using: &rng)
        } else if pick < 8 {
            order.sort { (problem.requests[$0].load.seats + problem.requests[$0].load.wheelchairs, -$0) > (problem.requests[$1].load.seats + problem.requests[$1].load.wheelchairs, -$1) }
        } else if pick < 10 {
            order.sort { (key($0), -$0) > (key($1), -$1) }
        } else {
            order.sort { (key($0), $0) < (key($1), $1) }
        }
        for q in hard + order {
            // Requests out before the ruin may need any route; the others look near their neighbours
            // first (when the problem is large), then everywhere.
            var move: InsertionMove?
            if params.insertionNeighbours > 0 && !hard.contains(q) {
                nearbyRoutes(of: q, count: params.insertionNeighbours, neighbours: neighbours, into: &routeList)
                move = bestInsertion(of: q, routesToTry: routeList, blink: params.blinkRate, rng: &rng, candidates: &candidates)
            }
            if move == nil {
                candidateRoutes(into: &routeList)
                move = bestInsertion(of: q, routesToTry: routeList, blink: params.blinkRate, rng: &rng, candidates: &candidates)
            }
            guard let move else { continue }
            if !saved.contains(where: { $0.0 == move.route }) { saved.append((move.route, routes[move.route])) }
            insert(q, route: move.route, i: move.i, j: move.j)
        }
    }

    /// Undoes an iteration: puts back the saved routes and the unassigned list from before.
    func undo(saved: [(Int, [Int32])], unassignedBefore: [Int]) {
        for q in unassignedBefore {
            routeOf[Int(firstStop[q])] = -1
            if secondStop[q] >= 0 { routeOf[Int(secondStop[q])] = -1 }
        }
        for (r, stops) in saved { routes[r] = stops; refresh(r) }
        unassigned = unassignedBefore
    }
}
