import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// The detour-priced insertion (`bestDetourInsertion`) against the general scan it replaces on
/// problems with time-independent costs: same move (route, positions, cost change to the bit),
/// same blinks drawn, on random states of random Solomon-like problems and of a real
/// Gehring–Homberger instance.
final class DetourInsertionTests: XCTestCase {
    /// Random problem with time windows, a shift, depot deliveries and pickups, two vehicle types
    /// with fixed costs and costs per kilometre only.
    static func distanceCostProblem(seed: UInt64, stops n: Int = 40) throws -> RoutingProblem {
        var rng = SeededGenerator(seed: seed)
        let locations = n + 1
        let matrices = TravelMatrices.randomEuclidean(count: locations, rng: &rng)
        var stops: [Stop] = [], requests: [Request] = []
        for k in 0..<n {
            let open = Int(rng.next() % 3000), width = rng.next() % 4 == 0 ? 100_000 : 300 + Int(rng.next() % 1200)
            stops.append(Stop(location: k + 1, service: 20 + Int(rng.next() % 40), earliest: open, latest: open + width))
            let load = Load(seats: 1 + Int(rng.next() % 4))
            requests.append(Request(rng.next() % 6 == 0 ? .depotPickup(stop: k) : .depotDelivery(stop: k), load: load))
        }
        let fleet = [
            VehicleType(count: 6, capacity: Load(seats: 12), startLocation: 0, endLocation: 0,
                        shiftStart: 0, shiftEnd: 9000, fixedCost: 50_000, costPerKm: 1000),
            VehicleType(count: 3, capacity: Load(seats: 8), startLocation: 0, endLocation: 0,
                        shiftStart: 0, shiftEnd: 7000, fixedCost: 30_000, costPerKm: 700),
        ]
        return try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet,
                                  matrices: matrices)
    }

    /// The general scan (`forEachInsertion` over the routes, first strictly cheapest).
    static func generalScan(_ state: SearchState, _ q: Int, _ routes: [Int], blink: Double,
                            rng: inout SeededGenerator) -> InsertionMove? {
        var best: InsertionMove?
        for r in routes {
            state.forEachInsertion(of: q, route: r, blink: blink, rng: &rng) { delta, i, j in
                if best == nil || delta < best!.delta { best = InsertionMove(delta: delta, route: r, i: i, j: j) }
            }
        }
        return best
    }

    /// Removes random requests from `state` and compares both scans for every left-out request,
    /// with and without blinks; returns how many comparisons found a move.
    static func compare(_ state: SearchState, seed: UInt64, rounds: Int) -> Int {
        var rng = SeededGenerator(seed: seed)
        var found = 0
        var routes: [Int] = []
        for _ in 0..<rounds {
            let assigned = (0..<state.problem.requests.count).filter { state.routeOf[Int(state.firstStop[$0])] >= 0 }
            let out = assigned.filter { _ in rng.next() % 5 == 0 }
            state.remove(requests: out)
            state.candidateRoutes(into: &routes)
            for q in state.unassigned {
                XCTAssertTrue(state.detourPriced(q))
                for blink in [0.0, 0.2] {
                    var a = SeededGenerator(seed: rng.next()), b = a
                    let fast = state.bestDetourInsertion(of: q, routesToTry: routes, blink: blink, rng: &a)
                    let slow = generalScan(state, q, routes, blink: blink, rng: &b)
                    XCTAssertEqual(fast?.route, slow?.route, "request \(q), blink \(blink)")
                    XCTAssertEqual(fast?.i, slow?.i, "request \(q), blink \(blink)")
                    XCTAssertEqual(fast?.j, slow?.j, "request \(q), blink \(blink)")
                    XCTAssertEqual(fast?.delta, slow?.delta, "request \(q), blink \(blink)")
                    XCTAssertEqual(a.next(), b.next(), "the same blinks were drawn")
                    if fast != nil { found += 1 }
                }
            }
            // Put them back the ordinary way, so that the next round starts from a full plan.
            var candidates: [InsertionMove] = []
            for q in state.unassigned {
                if let m = state.bestInsertion(of: q, routesToTry: routes, blink: 0, rng: &rng, candidates: &candidates) {
                    state.insert(q, route: m.route, i: m.i, j: m.j)
                }
                state.candidateRoutes(into: &routes)
            }
        }
        return found
    }

    func testSameMoveAsTheGeneralScanOnRandomProblems() throws {
        var found = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            let p = try Self.distanceCostProblem(seed: seed)
            let state = SearchState(problem: p, excluded: [])
            state.regretConstruction()
            found += Self.compare(state, seed: seed, rounds: 10)
        }
        XCTAssertGreaterThan(found, 500)
    }

    func testSameMoveAsTheGeneralScanOnGehringHomberger() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/r2_2_3.txt"))
        let state = SearchState(problem: b.problem, excluded: [])
        state.regretConstruction()
        XCTAssertGreaterThan(Self.compare(state, seed: 3, rounds: 3), 100)
    }

    /// Not used where it would not be exact: pairs, ride limits, pure CVRP, time costs.
    func testOnlyForTimeIndependentSingleStopProblems() throws {
        let timed = SearchState(problem: try MoveEvaluationTests.randomProblem(seed: 1), excluded: [])
        XCTAssertFalse(timed.detourPriced(0))
        let cvrp = SearchState(problem: try MoveEvaluationTests.randomProblem(seed: 1, cvrp: true), excluded: [])
        XCTAssertFalse(cvrp.detourPriced(0))
    }
}
