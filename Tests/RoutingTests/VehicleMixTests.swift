import DagrouteCore
@testable import Routing
import XCTest

/// The set-partitioning's vehicle-mix columns (`VehicleMix`) on a tiny dial-a-ride wave shaped like
/// a coupled care wave: a vehicle the day has already paid for (no fixed cost), the same van at full
/// cost, and eight-seaters at another depot. The pool holds only routes found without the free
/// vehicle; the recombined plan is re-checked by `SolutionChecker`, never dearer than the incumbent,
/// and equal to a brute-force choice over every pool route on every vehicle type (two classes here,
/// so the MIP's columns are all of them), feasibility and cost recomputed by plain simulation.
final class VehicleMixTests: XCTestCase {
    /// Types: 0 a free wheelchair van (5 seats, 3 wheelchair places, depot A, no fixed cost), 1 the
    /// same at € 55 a day, 2 eight-seaters without wheelchair places at depot B, € 45. No cost per
    /// hour and no earliest times, so serving every stop as early as possible is the cheapest
    /// schedule and the one with the shortest rides: the brute force can simulate it directly.
    private func wave(freeVehicles: Int) throws -> RoutingProblem {
        var rng = SeededGenerator(seed: 8)
        let requests = 7, n = 2 + 2 * requests
        let m = TravelMatrices.randomEuclidean(count: n, rng: &rng)
        var stops: [Stop] = [], list: [Request] = []
        for q in 0..<requests {
            let p = 2 + 2 * q, d = p + 1
            stops.append(Stop(location: p, service: 30))
            stops.append(Stop(location: d, service: 30, latest: 2500))
            let load = q % 3 == 0 ? Load(seats: 0, wheelchairs: 1) : Load(seats: 1 + q % 2)
            list.append(Request(.pickupDelivery(pickup: 2 * q, delivery: 2 * q + 1), load: load,
                                maxRideTime: 2 * m.duration[p * n + d] + 150))
        }
        let van = VehicleType(count: freeVehicles, capacity: Load(seats: 5, wheelchairs: 3), startLocation: 0, endLocation: 0,
                              fixedCost: 0, costPerKm: 36)
        var paid = van
        paid.count = 3; paid.fixedCost = 5500
        let eight = VehicleType(count: 2, capacity: Load(seats: 8), startLocation: 1, endLocation: 1, fixedCost: 4500, costPerKm: 32)
        return try RoutingProblem(stops: stops, requests: list, vehicleTypes: [van, paid, eight], matrices: m)
    }

    /// Cost (euro cents) of `stops` on vehicle type `k` by plain simulation, nil when infeasible:
    /// loads, windows, shift and ride limits, every stop served on arrival.
    private func simulatedCost(_ p: RoutingProblem, _ k: Int, _ stops: [Int32]) -> Double? {
        let v = p.vehicleTypes[k]
        var at = v.startLocation, clock = v.shiftStart, metres = 0, seats = 0, chairs = 0
        var pickedUp: [Int: Int] = [:]
        for s32 in stops {
            let s = Int(s32), stop = p.stops[s]
            clock += p.duration(at, stop.location); metres += p.distance(at, stop.location); at = stop.location
            clock = max(clock, stop.earliest)
            if clock > stop.latest { return nil }
            let q = p.requests.firstIndex { $0.stops.contains(s) }!, request = p.requests[q]
            guard case let .pickupDelivery(pickup, _) = request.kind else { return nil }
            if pickup == s {
                seats += request.load.seats; chairs += request.load.wheelchairs
                pickedUp[q] = clock + stop.service
            } else {
                guard let boarded = pickedUp[q] else { return nil }
                if let limit = request.maxRideTime, clock - boarded > limit { return nil }
                seats -= request.load.seats; chairs -= request.load.wheelchairs
            }
            if seats > v.capacity.seats || chairs > v.capacity.wheelchairs { return nil }
            clock += stop.service
        }
        clock += p.duration(at, v.endLocation); metres += p.distance(at, v.endLocation)
        if clock > v.shiftEnd { return nil }
        return v.fixedCost + v.costPerKm * Double(metres) / 1000 + v.costPerHour * Double(clock - v.shiftStart) / 3600
    }

    /// The cheapest choice of (route, vehicle type) columns serving every request once within the
    /// type counts, by exhaustive search over exact covers.
    private func bruteForce(_ p: RoutingProblem, routes: Set<[Int32]>) -> Double {
        var columns: [(type: Int, requests: Set<Int>, cost: Double)] = []
        for stops in routes {
            for k in p.vehicleTypes.indices where p.vehicleTypes[k].count > 0 {
                if let c = simulatedCost(p, k, stops) {
                    columns.append((k, Set(stops.map { s in p.requests.firstIndex { $0.stops.contains(Int(s)) }! }), c))
                }
            }
        }
        var best = Double.infinity
        var used = [Int](repeating: 0, count: p.vehicleTypes.count)
        func search(_ covered: Set<Int>, _ cost: Double) {
            if cost >= best { return }
            guard let q = (0..<p.requests.count).first(where: { !covered.contains($0) }) else { best = cost; return }
            for c in columns where c.requests.contains(q) && c.requests.isDisjoint(with: covered) && used[c.type] < p.vehicleTypes[c.type].count {
                used[c.type] += 1
                search(covered.union(c.requests), cost + c.cost)
                used[c.type] -= 1
            }
        }
        search([], 0)
        return best
    }

    func testMixedColumnsMatchBruteForceAndAreValid() throws {
        // The pool comes from a search without the free vehicle (type 0 has no vehicle there), so
        // every pool route sits on a paid type; the recombination runs on the wave with one.
        let without = try wave(freeVehicles: 0), p = try wave(freeVehicles: 1)
        let found = SearchState(problem: without, excluded: [])
        let parameters = SolverParameters.recommended(for: without)
        let neighbours = NeighbourLists(without, size: without.stops.count - 1)
        var rng = SeededGenerator(seed: 3)
        found.regretConstruction()
        XCTAssertEqual(found.unassigned, [])
        var collected = RoutePool(capacity: 10_000)
        collected.addAll(of: found)
        var saved: [(Int, [Int32])] = [], candidates: [InsertionMove] = [], routeList: [Int] = []
        var incumbent = found.snapshot(), incumbentCost = found.routesCost
        for _ in 0..<150 {
            saved.removeAll()
            let before = found.unassigned
            found.ruin(neighbours: neighbours, params: parameters, rng: &rng, saved: &saved)
            found.recreate(params: parameters, hard: before, neighbours: neighbours, rng: &rng, saved: &saved,
                           candidates: &candidates, routeList: &routeList)
            if found.unassigned.isEmpty, saved.allSatisfy({ found.ridesFeasible(vehicleType: found.slotType[$0.0], found.routes[$0.0]) }) {
                collected.addAll(of: found)
                if found.routesCost < incumbentCost { incumbent = found.snapshot(); incumbentCost = found.routesCost }
            } else {
                found.undo(saved: saved, unassignedBefore: before)
            }
        }
        XCTAssertFalse(collected.routes.contains { $0.vehicleType == 0 })
        XCTAssertGreaterThan(collected.count, 20)

        // The same routes in the slots of the wave with the free vehicle (slot 0 is type 0's).
        let state = SearchState(problem: p, excluded: [])
        XCTAssertEqual(VehicleMix(problem: p).members, [[0, 1], [2]], "the free and the paid van form one class, free first")
        var pool = RoutePool(capacity: 10_000)
        for (key, cost) in zip(collected.routes, collected.costs) { pool.add(vehicleType: key.vehicleType, stops: key.stops, cost: cost) }
        var slots = [[Int32]](repeating: [], count: state.routes.count)
        for (r, stops) in incumbent.enumerated() where !stops.isEmpty {
            let k = found.slotType[r], next = (state.firstSlotOfType[k]..<state.routes.count).first { state.slotType[$0] == k && slots[$0].isEmpty }!
            slots[next] = stops
        }
        let recombined = try XCTUnwrap(SetPartitioning.recombine(pool: &pool, state: state, best: slots, bestOut: 0,
                                                                 timeLimit: 30, requireOptimal: true))
        state.restore(recombined)
        let result = RoutingSolver.assemble(state, reasons: [:])
        let (issues, recomputed) = SolutionChecker.check(p, result)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(result.unassigned, [])
        XCTAssertTrue(result.routes.contains { $0.vehicleType == 0 }, "a route moved onto the free vehicle")
        XCTAssertLessThan(recomputed, incumbentCost - 1, "cheaper than the incumbent, which leaves the free vehicle idle")
        // Every chosen column's cost recomputed by the plain simulation (no cost per hour, so the
        // schedule does not matter): the MIP's plan is the brute-force optimum.
        var simulated = 0.0
        for route in result.routes { simulated += try XCTUnwrap(simulatedCost(p, route.vehicleType, route.stops.map { Int32($0) })) }
        XCTAssertEqual(simulated, recomputed, accuracy: 1e-6)
        XCTAssertEqual(recomputed, bruteForce(p, routes: Set(collected.routes.map(\.stops))), accuracy: 1e-6)
    }

    /// A route found on a wheelchair van moves to a cheaper eight-seater (another class: other
    /// capacity) by a column the pool never held; a route needing a wheelchair place does not.
    func testRouteMovesToAnotherFleetRowWhereItFits() throws {
        var rng = SeededGenerator(seed: 4)
        let m = TravelMatrices.randomEuclidean(count: 5, rng: &rng)
        let stops = (1..<5).map { Stop(location: $0, service: 30) }
        let requests = [Request(.pickupDelivery(pickup: 0, delivery: 1), load: Load(seats: 2)),
                        Request(.pickupDelivery(pickup: 2, delivery: 3), load: Load(seats: 0, wheelchairs: 1))]
        let fleet = [VehicleType(count: 2, capacity: Load(seats: 5, wheelchairs: 3), startLocation: 0, endLocation: 0, fixedCost: 5500, costPerKm: 36),
                     VehicleType(count: 1, capacity: Load(seats: 8), startLocation: 0, endLocation: 0, fixedCost: 4500, costPerKm: 32)]
        let p = try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet, matrices: m)
        let state = SearchState(problem: p, excluded: [])
        // Slots: 0 and 1 the wheelchair vans, 2 the eight-seater. The incumbent drives each ride
        // alone in a van.
        let best: [[Int32]] = [[0, 1], [2, 3], []]
        var pool = RoutePool(capacity: 10)
        for stops in [[0, 1], [2, 3]] as [[Int32]] {
            pool.add(vehicleType: 0, stops: stops, cost: state.rules[0].cost(state.rules[0].route(stops, in: p)))
        }
        var mix = VehicleMix(problem: p)
        mix.addColumns(of: pool, state: state)
        XCTAssertEqual(mix.columns.map(\.vehicleClass), [0, 1, 0], "[0, 1] also on the eight-seater, [2, 3] (a wheelchair) not")
        let slots = try XCTUnwrap(SetPartitioning.recombine(pool: &pool, state: state, best: best, bestOut: 0, timeLimit: 5,
                                                            requireOptimal: true))
        state.restore(slots)
        let result = RoutingSolver.assemble(state, reasons: [:])
        SolutionChecker.assertValid(p, result)
        XCTAssertEqual(slots, [[2, 3], [], [0, 1]])
        let seated = try XCTUnwrap(simulatedCost(p, 1, [0, 1])), wheelchair = try XCTUnwrap(simulatedCost(p, 0, [2, 3]))
        XCTAssertEqual(result.cost.total, seated + wheelchair, accuracy: 1e-6)
        XCTAssertLessThan(seated, try XCTUnwrap(simulatedCost(p, 0, [0, 1])) - 1000, "€ 10 less fixed cost and a cheaper km")
    }

    /// Without pairs (CVRP, VRPTW) the columns stay the types the routes were found on.
    func testSingleStopProblemsGetNoMixColumns() throws {
        var rng = SeededGenerator(seed: 2)
        let m = TravelMatrices.randomEuclidean(count: 5, rng: &rng)
        let stops = (1..<5).map { Stop(location: $0) }
        let requests = (0..<4).map { Request(.depotDelivery(stop: $0), load: Load(seats: 1)) }
        let fleet = [VehicleType(count: 2, capacity: Load(seats: 4), startLocation: 0, endLocation: 0, fixedCost: 100),
                     VehicleType(count: 2, capacity: Load(seats: 4), startLocation: 0, endLocation: 0, fixedCost: 50)]
        let p = try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet, matrices: m)
        let state = SearchState(problem: p, excluded: [])
        var pool = RoutePool(capacity: 10)
        pool.add(vehicleType: 0, stops: [1, 0, 2, 3], cost: state.rules[0].cost(state.rules[0].route([1, 0, 2, 3] as [Int32], in: p)))
        var mix = VehicleMix(problem: p)
        mix.addColumns(of: pool, state: state)
        XCTAssertEqual(mix.members, [[0], [1]], "every type its own class")
        XCTAssertEqual(mix.columns.map(\.vehicleClass), [0], "each route on the type it was found on")
        // Type 0 has slots 0 and 1, type 1 (cheaper) slots 2 and 3: mix columns would move the route there.
        let best: [[Int32]] = [[0, 1, 2, 3], [], [], []]
        let slots = try XCTUnwrap(SetPartitioning.recombine(pool: &pool, state: state, best: best, bestOut: 0, timeLimit: 5,
                                                            requireOptimal: true))
        XCTAssertEqual(slots.map(\.isEmpty), [false, true, true, true], "single-stop problems keep each route on the type it was found on")
    }
}
