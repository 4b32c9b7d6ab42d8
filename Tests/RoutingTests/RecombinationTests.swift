import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// GLPK set-partitioning over the route pool: a hand-made pool whose optimum mixes routes of
/// different plans, and pools collected by real ruin-and-recreate runs whose recombination is
/// re-checked by `SolutionChecker` and never costs more than the incumbent.
final class RecombinationTests: XCTestCase {
    /// Depot at the origin, stops 0 and 1 east (10 and 11 km), stops 2 and 3 north (10 and 11 km).
    private func cross() throws -> RoutingProblem {
        let points = [(0, 0), (10, 0), (0, 10), (11, 0), (0, 11)]
        let n = points.count
        var dist = [Int](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n {
            let dx = Double(points[i].0 - points[j].0), dy = Double(points[i].1 - points[j].1)
            dist[i * n + j] = Int((1000 * (dx * dx + dy * dy).squareRoot()).rounded())
        } }
        let m = TravelMatrices(count: n, distance: dist, duration: dist)
        // Stop k sits at location k + 1: 0 = (10,0), 1 = (0,10), 2 = (11,0), 3 = (0,11).
        let stops = (1..<n).map { Stop(location: $0) }
        let requests = (0..<4).map { Request(.depotDelivery(stop: $0), load: Load(seats: 1)) }
        let fleet = [VehicleType(count: 3, capacity: Load(seats: 2), startLocation: 0, endLocation: 0,
                                 fixedCost: 10_000, costPerKm: 1000)]
        return try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet, matrices: m)
    }

    private func cost(_ state: SearchState, _ slots: [[Int32]]) -> Double {
        state.restore(slots)
        return state.routesCost
    }

    /// The incumbent pairs east with north ({0,1},{2,3}: 2 vehicles, 71.7 km); two other plans
    /// hold the good routes {0,2} and {1,3} each, with two single-stop routes (3 vehicles, 64 km),
    /// dearer than the incumbent at 100 € per vehicle. Only their recombination is optimal.
    func testOptimumReachableOnlyByRecombination() throws {
        let p = try cross()
        let state = SearchState(problem: p, excluded: [])
        var pool = RoutePool(capacity: 100)
        let incumbent: [[Int32]] = [[0, 1], [2, 3], []]
        for plan in [incumbent, [[0, 2], [1], [3]], [[1, 3], [0], [2]]] {
            state.restore(plan)
            pool.addAll(of: state)
        }
        let best = cost(state, incumbent)
        for plan in [[[0, 2], [1], [3]], [[1, 3], [0], [2]]] as [[[Int32]]] {
            XCTAssertLessThan(best, cost(state, plan), "the other plans are worse than the incumbent")
        }
        let slots = try XCTUnwrap(SetPartitioning.recombine(pool: &pool, state: state, best: incumbent, bestOut: 0,
                                                            timeLimit: 10, requireOptimal: true))
        XCTAssertEqual(Set(slots.filter { !$0.isEmpty }), [[0, 2], [1, 3]])
        XCTAssertEqual(cost(state, slots), 64_000, accuracy: 1e-6, "2 vehicles at 10,000 plus 2 × (10 + 1 + 11) km at 1000 cents")
        state.restore(slots)
        SolutionChecker.assertValid(p, RoutingSolver.assemble(state, reasons: [:]))
    }

    /// Pools from 300 ruin-and-recreate iterations on small CVRP, VRPTW and dial-a-ride instances:
    /// the recombined plan is valid (independent checker) and never dearer than the incumbent.
    func testRecombinedPlansAreValidAndNeverWorse() throws {
        let benchmarks = [try CVRPLIBReader.read(path: SolverTests.path("cvrp/A/A-n32-k5.vrp")),
                          try SolomonReader.read(path: SolverTests.path("vrptw/solomon/C101.txt")),
                          try CordeauReader.read(path: SolverTests.path("darp/cordeau2006/a3-24.txt"))]
        for b in benchmarks {
            let p = b.problem
            let excluded = Set(RoutingSolver.impossibleRequests(p).keys)
            let state = SearchState(problem: p, excluded: excluded)
            let parameters = SolverParameters.recommended(for: p)
            let neighbours = NeighbourLists(p, size: min(100, p.stops.count - 1))
            var rng = SeededGenerator(seed: 11)
            state.regretConstruction()
            let incumbent = state.snapshot(), incumbentCost = state.routesCost
            XCTAssertEqual(state.unassigned, [], b.name)
            var pool = RoutePool(capacity: 2000)
            pool.addAll(of: state)
            var saved: [(Int, [Int32])] = [], candidates: [InsertionMove] = [], routeList: [Int] = []
            for _ in 0..<300 {
                saved.removeAll()
                let before = state.unassigned
                state.ruin(neighbours: neighbours, params: parameters, rng: &rng, saved: &saved)
                state.recreate(params: parameters, hard: before, neighbours: neighbours, rng: &rng, saved: &saved,
                               candidates: &candidates, routeList: &routeList)
                if saved.allSatisfy({ state.ridesFeasible(vehicleType: state.slotType[$0.0], state.routes[$0.0]) }) {
                    pool.addAll(of: state)
                } else {
                    state.undo(saved: saved, unassignedBefore: before)
                }
            }
            let slots = SetPartitioning.recombine(pool: &pool, state: state, best: incumbent, bestOut: 0,
                                                  timeLimit: 20, requireOptimal: true) ?? incumbent
            state.restore(slots)
            let result = RoutingSolver.assemble(state, reasons: [:])
            SolutionChecker.assertValid(p, result)
            XCTAssertEqual(result.unassigned, [], b.name)
            XCTAssertLessThanOrEqual(result.cost.total, incumbentCost + 1e-6, b.name)
            XCTAssertGreaterThan(pool.count, 50, b.name)
        }
    }

    /// A full pool keeps its newest routes, each once.
    func testPoolIsBoundedAndDistinct() {
        var pool = RoutePool(capacity: 3)
        for k in 0..<5 { pool.add(vehicleType: 0, stops: [Int32(k)], cost: Double(k)) }
        pool.add(vehicleType: 0, stops: [4], cost: 4)
        XCTAssertEqual(pool.count, 3)
        XCTAssertEqual(Set(pool.routes.map(\.stops)), [[2], [3], [4]])
        XCTAssertNil(pool.position(vehicleType: 0, stops: [0]))
        XCTAssertNotNil(pool.position(vehicleType: 0, stops: [4]))
    }
}
