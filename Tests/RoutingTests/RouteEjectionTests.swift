import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// Insertion with one ejection (`PairLocalSearch.insertWithEjection`) against its slow twin: on
/// small care-wave problems (tight vehicles, arrival windows at shared locations, a metric
/// matrix) the cost change equals the cheapest over every route, every request ejected from it and
/// every pair of positions for both requests, each candidate plan re-simulated in full; on
/// Cordeau states (ride limits) the applied change equals re-simulation of the changed routes and
/// keeps every route feasible. Route emptying with ejection keeps plans feasible and never raises
/// the cost.
final class RouteEjectionTests: XCTestCase {
    /// `homes` clients on a 30 × 30 grid picked up at home and delivered to one of two centres
    /// within a 15-minute window; vans of 3 seats. Manhattan distances (metres), so the triangle
    /// inequality holds exactly.
    static func careWave(homes: Int, seed: UInt64) throws -> RoutingProblem {
        var rng = SeededGenerator(seed: seed)
        let points = [(15, 15), (5, 20), (25, 10)] + (0..<homes).map { _ in (Int(rng.next() % 30), Int(rng.next() % 30)) }
        let n = points.count
        var dist = [Int](repeating: 0, count: n * n), time = dist
        for a in 0..<n { for b in 0..<n {
            let d = 500 * (abs(points[a].0 - points[b].0) + abs(points[a].1 - points[b].1))
            dist[a * n + b] = d; time[a * n + b] = d / 10
        } }
        var stops: [Stop] = [], requests: [Request] = []
        for h in 0..<homes {
            let centre = 1 + Int(rng.next() % 2), start = 3600 + 900 * Int(rng.next() % 2)
            stops.append(Stop(location: 3 + h, service: 60))
            stops.append(Stop(location: centre, service: 60, earliest: start - 900, latest: start))
            requests.append(Request(.pickupDelivery(pickup: 2 * h, delivery: 2 * h + 1), load: Load(seats: 1)))
        }
        let fleet = [VehicleType(count: 12, capacity: Load(seats: 3), startLocation: 0, endLocation: 0,
                                 fixedCost: 4500, costPerHour: 3800, costPerKm: 32)]
        return try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet,
                                  matrices: TravelMatrices(count: n, distance: dist, duration: time))
    }

    /// The sequence `stops` with `q`'s pickup before position `i` and delivery before `j`.
    private func inserted(_ p: RoutingProblem, _ q: Int, _ stops: [Int32], _ i: Int, _ j: Int) -> [Int32] {
        var out: [Int32] = []
        for k in 0...stops.count {
            if k == i { out.append(Int32(p.requests[q].stops[0])) }
            if k == j { out.append(Int32(p.requests[q].stops[1])) }
            if k < stops.count { out.append(stops[k]) }
        }
        return out
    }

    /// Cheapest re-simulated cost of `stops` with `q` inserted anywhere, nil when nowhere feasible.
    private func cheapest(_ p: RoutingProblem, type: Int, _ q: Int, _ stops: [Int32]) -> Double? {
        var best: Double?
        for i in 0...stops.count { for j in i...stops.count {
            if let c = MoveEvaluationTests.simulate(p, type: type, inserted(p, q, stops, i, j)), best == nil || c < best! { best = c }
        } }
        return best
    }

    /// The slow twin: cheapest total cost change over every route `b` (non-empty, not
    /// `excluded`), request `e` in it, and positions of `q` in `b` without `e` and of `e` in any
    /// other non-empty route but `excluded`.
    private func oracle(_ p: RoutingProblem, _ state: SearchState, _ q: Int, excluded: Int) -> Double? {
        var best: Double?
        let cost = (0..<state.routes.count).map { MoveEvaluationTests.simulate(p, type: state.slotType[$0], state.routes[$0])! }
        for b in 0..<state.routes.count where b != excluded && !state.routes[b].isEmpty {
            let ejectable = Set(state.routes[b].map { Int(p.requestOfStop[Int($0)]) })
            for e in ejectable.sorted() {
                let rest = state.routes[b].filter { Int(p.requestOfStop[Int($0)]) != e }
                guard let intoB = cheapest(p, type: state.slotType[b], q, rest) else { continue }
                for c in 0..<state.routes.count where c != b && c != excluded && !state.routes[c].isEmpty {
                    guard let intoC = cheapest(p, type: state.slotType[c], e, state.routes[c]) else { continue }
                    let delta = intoB - cost[b] + intoC - cost[c]
                    if best == nil || delta < best! { best = delta }
                }
            }
        }
        return best
    }

    func testEjectionIsTheCheapestAndMatchesResimulation() throws {
        var ejected = 0
        for seed in 1...4 as ClosedRange<UInt64> {
            let p = try Self.careWave(homes: 14, seed: seed)
            let state = SearchState(problem: p, excluded: [])
            state.regretConstruction()
            XCTAssertTrue(state.unassigned.isEmpty)
            let search = PairLocalSearch(state: state, neighbours: NeighbourLists(p, size: p.stops.count - 1), routesNear: p.stops.count)
            var rng = SeededGenerator(seed: seed)
            for _ in 0..<6 {
                let q = Int(rng.next() % UInt64(p.requests.count))
                let home = Int(state.routeOf[p.requests[q].stops[0]])
                let snapshot = state.snapshot()
                state.remove(requests: [q])
                let before = state.routes
                let costs = (0..<before.count).map { MoveEvaluationTests.simulate(p, type: state.slotType[$0], before[$0])! }
                let expected = oracle(p, state, q, excluded: home)
                var saved: [(Int, [Int32])] = []
                let routes = (0..<state.routes.count).filter { !state.routes[$0].isEmpty }
                let delta = search.insertWithEjection(q, routesToTry: routes, excluded: home, saved: &saved)
                defer { state.restore(snapshot) }
                guard let delta else {
                    XCTAssertNil(expected, "seed \(seed): an ejection exists")
                    XCTAssertEqual(state.routes, before, "seed \(seed): nothing found, nothing changed")
                    continue
                }
                ejected += 1
                XCTAssertEqual(delta, try XCTUnwrap(expected), accuracy: 1e-6, "seed \(seed): the cheapest ejection")
                var simulated = 0.0
                for (r, stops) in state.routes.enumerated() {
                    let c = try XCTUnwrap(MoveEvaluationTests.simulate(p, type: state.slotType[r], stops), "seed \(seed): route \(r) infeasible")
                    if stops != before[r] { XCTAssertTrue(saved.contains { $0.0 == r }, "a changed route is saved"); simulated += c - costs[r] }
                }
                XCTAssertEqual(delta, simulated, accuracy: 1e-6, "seed \(seed): price equals re-simulation")
                XCTAssertTrue(state.unassigned.isEmpty)
                XCTAssertEqual(state.routes.flatMap { $0 }.count, 2 * p.requests.count)
            }
        }
        XCTAssertGreaterThan(ejected, 5)
    }

    func testEjectionKeepsRideLimitsOnCordeau() throws {
        var ejected = 0
        for name in ["a3-24", "b4-24", "a4-40"] {
            let p = try CordeauReader.read(path: SolverTests.path("darp/cordeau2006/\(name).txt")).problem
            let state = SearchState(problem: p, excluded: [])
            state.regretConstruction()
            let search = PairLocalSearch(state: state, neighbours: NeighbourLists(p, size: p.stops.count - 1), routesNear: 20)
            var scheduler = RouteScheduler(p)
            for q in stride(from: 0, to: p.requests.count, by: 3) {
                let home = Int(state.routeOf[p.requests[q].stops[0]])
                guard home >= 0 else { continue }
                let snapshot = state.snapshot()
                state.remove(requests: [q])
                let before = state.routes
                let costs = (0..<before.count).map { MoveEvaluationTests.simulate(p, type: state.slotType[$0], before[$0])! }
                var saved: [(Int, [Int32])] = []
                let routes = (0..<state.routes.count).filter { !state.routes[$0].isEmpty }
                if let delta = search.insertWithEjection(q, routesToTry: routes, excluded: home, saved: &saved) {
                    ejected += 1
                    var simulated = 0.0
                    for (r, stops) in state.routes.enumerated() where stops != before[r] {
                        let c = try XCTUnwrap(MoveEvaluationTests.simulate(p, type: state.slotType[r], stops), "\(name): route \(r)")
                        XCTAssertTrue(stops.withUnsafeBufferPointer { scheduler.schedule(vehicle: state.slotType[r], stops: $0) }, "\(name): ride limits of route \(r)")
                        XCTAssertNotEqual(r, home)
                        simulated += c - costs[r]
                    }
                    XCTAssertEqual(delta, simulated, accuracy: 1e-6, name)
                    XCTAssertTrue(state.unassigned.isEmpty, name)
                } else {
                    XCTAssertEqual(state.routes, before, name)
                }
                state.restore(snapshot)
            }
        }
        XCTAssertGreaterThan(ejected, 5)
    }

    func testEmptyingWithEjectionKeepsPlansFeasibleAndNeverCostsMore() throws {
        var problems: [(String, RoutingProblem)] = try ["a3-24", "b4-24", "a4-40"].map {
            ($0, try CordeauReader.read(path: SolverTests.path("darp/cordeau2006/\($0).txt")).problem)
        }
        for seed in 1...3 as ClosedRange<UInt64> { problems.append(("care \(seed)", try Self.careWave(homes: 20, seed: seed))) }
        var emptied = 0
        for (name, p) in problems {
            let state = SearchState(problem: p, excluded: [])
            state.regretConstruction()
            let search = PairLocalSearch(state: state, neighbours: NeighbourLists(p, size: min(100, p.stops.count - 1)), routesNear: 20)
            var scheduler = RouteScheduler(p)
            let before = try XCTUnwrap(MoveEvaluationTests.totalCost(p, state), name)
            let routesBefore = state.usedRoutes
            let delta = search.emptyShortRoutes(count: PairLocalSearch.shortRoutesTried)
            let after = try XCTUnwrap(MoveEvaluationTests.totalCost(p, state), "\(name): every route stays feasible")
            XCTAssertLessThanOrEqual(delta, 0, name)
            XCTAssertEqual(after - before, delta, accuracy: 1e-6, "\(name): the change equals re-simulation")
            for r in 0..<state.routes.count where !state.routes[r].isEmpty {
                XCTAssertTrue(state.routes[r].withUnsafeBufferPointer { scheduler.schedule(vehicle: state.slotType[r], stops: $0) }, "\(name): ride limits")
            }
            XCTAssertTrue(state.unassigned.isEmpty, name)
            XCTAssertEqual(state.routes.flatMap { $0 }.sorted(), (0..<p.stops.count).map(Int32.init), name)
            emptied += routesBefore - state.usedRoutes
        }
        XCTAssertGreaterThan(emptied, 0)
    }
}
