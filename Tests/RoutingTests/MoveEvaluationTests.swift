import DagrouteCore
@testable import Routing
import XCTest

/// The slow twin: every local-search move priced in O(1) (or O(route)) from segment summaries must
/// equal a full re-simulation of the changed routes, and be called infeasible exactly when the
/// simulation finds a broken window, shift, duration or capacity.
final class MoveEvaluationTests: XCTestCase {
    /// A random problem with time windows, two load dimensions, depot deliveries and pickups, and two
    /// vehicle types with different depots, costs and capacities.
    /// With `cvrp`, the same without windows, shifts, time costs or pickups (the solver's pure-CVRP
    /// fast paths).
    static func randomProblem(seed: UInt64, stops n: Int = 30, cvrp: Bool = false) throws -> RoutingProblem {
        var rng = SeededGenerator(seed: seed)
        let locations = n + 2
        let matrices = TravelMatrices.randomEuclidean(count: locations, rng: &rng)
        var stops: [Stop] = [], requests: [Request] = []
        for k in 0..<n {
            let open = Int(rng.next() % 3000), width = rng.next() % 3 == 0 ? 100_000 : 400 + Int(rng.next() % 1500)
            stops.append(cvrp ? Stop(location: k + 2) : Stop(location: k + 2, service: 30 + Int(rng.next() % 60), earliest: open, latest: open + width))
            let load = Load(seats: 1 + Int(rng.next() % 3), wheelchairs: rng.next() % 4 == 0 ? 1 : 0)
            requests.append(Request(rng.next() % 5 == 0 && !cvrp ? .depotPickup(stop: k) : .depotDelivery(stop: k), load: load))
        }
        let fleet = cvrp ? [
            VehicleType(count: 8, capacity: Load(seats: 9, wheelchairs: 2), startLocation: 0, endLocation: 0, fixedCost: 100, costPerKm: 1000),
        ] : [
            VehicleType(count: 5, capacity: Load(seats: 8, wheelchairs: 1), startLocation: 0, endLocation: 0,
                        shiftStart: 0, shiftEnd: 9000, maxDuration: 7000, fixedCost: 5000, costPerHour: 3000, costPerKm: 40),
            VehicleType(count: 4, capacity: Load(seats: 5, wheelchairs: 2), startLocation: 1, endLocation: 0,
                        shiftStart: 500, shiftEnd: 8000, fixedCost: 8000, costPerHour: 2500, costPerKm: 60),
        ]
        return try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet,
                                  matrices: matrices)
    }

    /// Cost of a route by plain simulation (loads from the requests' kinds: depot deliveries on board
    /// from the start, a pair's load between its pickup and its delivery; latest feasible departure
    /// found by bisection, which minimises the duration), or nil when a window, the shift, the
    /// duration or a capacity is broken. Ride times are not looked at.
    static func simulate(_ p: RoutingProblem, type k: Int, _ stops: [Int32]) -> Double? {
        if stops.isEmpty { return 0 }
        let v = p.vehicleTypes[k]
        var seats = 0, chairs = 0
        for s in stops { if case .depotDelivery = p.requests[Int(p.requestOfStop[Int(s)])].kind { seats += p.requests[Int(p.requestOfStop[Int(s)])].load.seats; chairs += p.requests[Int(p.requestOfStop[Int(s)])].load.wheelchairs } }
        if seats > v.capacity.seats || chairs > v.capacity.wheelchairs { return nil }
        for s in stops {
            let req = p.requests[Int(p.requestOfStop[Int(s)])]
            let sign: Int
            switch req.kind {
            case .depotDelivery: sign = -1
            case .depotPickup: sign = 1
            case .pickupDelivery(let pickup, _): sign = pickup == Int(s) ? 1 : -1
            }
            seats += sign * req.load.seats; chairs += sign * req.load.wheelchairs
            if seats > v.capacity.seats || chairs > v.capacity.wheelchairs { return nil }
        }
        func end(departing dep: Int) -> Int? {
            var t = dep, at = v.startLocation
            for s in stops {
                let st = p.stops[Int(s)]
                t = max(t + p.duration(at, st.location), st.earliest)
                if t > st.latest { return nil }
                t += st.service; at = st.location
            }
            t += p.duration(at, v.endLocation)
            return t <= v.shiftEnd ? t : nil
        }
        guard end(departing: v.shiftStart) != nil else { return nil }
        var lo = v.shiftStart, hi = v.shiftEnd
        while lo < hi { let mid = (lo + hi + 1) / 2; if end(departing: mid) != nil { lo = mid } else { hi = mid - 1 } }
        let duration = end(departing: lo)! - lo
        if let md = v.maxDuration, duration > md { return nil }
        var dist = 0, at = v.startLocation
        for s in stops { dist += p.distance(at, p.stops[Int(s)].location); at = p.stops[Int(s)].location }
        dist += p.distance(at, v.endLocation)
        return v.fixedCost + v.costPerKm * Double(dist) / 1000 + v.costPerHour * Double(duration) / 3600
    }

    static func totalCost(_ p: RoutingProblem, _ state: SearchState) -> Double? {
        var total = 0.0
        for r in 0..<state.routes.count {
            guard let c = simulate(p, type: state.slotType[r], state.routes[r]) else { return nil }
            total += c
        }
        return total
    }

    func testSegmentConcatenationMatchesSimulation() throws {
        for seed in 1...5 as ClosedRange<UInt64> {
            let p = try Self.randomProblem(seed: seed)
            var rng = SeededGenerator(seed: seed)
            let state = SearchState(problem: p, excluded: [])
            for _ in 0..<200 {
                let r = Int(rng.next() % UInt64(state.routes.count))
                var seq = (0..<p.stops.count).map(Int32.init).filter { _ in rng.next() % 6 == 0 }
                seq.shuffle(using: &rng)
                state.routes[r] = seq
                state.refresh(r)
                let whole = state.whole(r), rule = state.rules[state.slotType[r]]
                let fast: Double? = seq.isEmpty ? 0 : (rule.isFeasible(whole) ? rule.cost(whole) : nil)
                let slow = Self.simulate(p, type: state.slotType[r], seq)
                XCTAssertEqual(fast == nil, slow == nil, "feasibility of \(seq) on type \(state.slotType[r])")
                if let fast, let slow { XCTAssertEqual(fast, slow, accuracy: 1e-6) }
                // The scheduler (which plans the reported times) agrees on windows and duration.
                if !seq.isEmpty && whole.timeWarp == 0 {
                    var scheduler = RouteScheduler(p)
                    let ok = seq.withUnsafeBufferPointer { scheduler.schedule(vehicle: state.slotType[r], stops: $0) }
                    XCTAssertEqual(ok, whole.duration <= rule.maxDuration, "\(seq)")
                    if ok { XCTAssertEqual(scheduler.b[seq.count + 1] - scheduler.departure, whole.duration, "\(seq)") }
                }
                state.routes[r] = []; state.refresh(r)
            }
        }
    }

    func testMoveEvaluationMatchesResimulation() throws {
        var checked = 0, feasibleMoves = 0
        for seed in 1...8 as ClosedRange<UInt64> {
            let p = try Self.randomProblem(seed: seed, cvrp: seed > 5)
            XCTAssertEqual(p.capacityOnly, seed > 5)
            let state = SearchState(problem: p, excluded: [])
            state.regretConstruction()
            let neighbours = NeighbourLists(p, size: 10)
            let ls = LocalSearch(state: state, neighbours: neighbours, size: 10)
            var rng = SeededGenerator(seed: seed &* 7)
            for _ in 0..<2000 {
                let routed = (0..<p.stops.count).filter { state.routeOf[$0] >= 0 }
                guard routed.count >= 2 else { break }
                let u = routed[Int(rng.next() % UInt64(routed.count))]
                let v = routed[Int(rng.next() % UInt64(routed.count))]
                if u == v { continue }
                let before = try XCTUnwrap(Self.totalCost(p, state), "the state must stay feasible")
                let saved = state.snapshot()
                let op = rng.next() % 6
                guard let delta = ls.applyRandomMove(op: op, u, v, rng: &rng) else { continue }
                checked += 1
                let after = Self.totalCost(p, state)
                XCTAssertEqual(delta == nil, after == nil, "move \(op) on \(u), \(v): evaluator and simulation disagree on feasibility")
                if let delta, let after {
                    feasibleMoves += 1
                    XCTAssertEqual(delta, after - before, accuracy: 1e-6, "move \(op) on \(u), \(v)")
                    if rng.next() % 2 == 0 { continue }   // keep the move: later moves start elsewhere
                }
                state.restore(saved)
            }
        }
        XCTAssertGreaterThan(checked, 2000)
        XCTAssertGreaterThan(feasibleMoves, 200)
    }
}
