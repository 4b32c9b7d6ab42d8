import DagrouteCore
@testable import Routing
import XCTest

/// Fresh searches after a stagnated distance phase on long routes (`SolverParameters.restartAfter`,
/// `Search.runWithRestarts`), on small random VRPTW problems whose fixed vehicle cost dominates,
/// so that route elimination runs as on the Gehring–Homberger sets.
final class SearchRestartTests: XCTestCase {
    /// 60 customers of demand 1 with wide random windows around a central depot; `capacity`
    /// decides the route length of good plans (40: two routes of 30, long; 10: six of 10, short).
    private func problem(capacity: Int, vehicles: Int) throws -> RoutingProblem {
        var rng = SeededGenerator(seed: 11)
        let m = TravelMatrices.randomEuclidean(count: 61, rng: &rng)
        let stops = (1...60).map { location -> Stop in
            let earliest = Int(rng.next() % 4000)
            return Stop(location: location, service: 10, earliest: earliest, latest: earliest + 6000)
        }
        let requests = (0..<60).map { Request(.depotDelivery(stop: $0), load: Load(seats: 1)) }
        let fleet = [VehicleType(count: vehicles, capacity: Load(seats: capacity), startLocation: 0, endLocation: 0,
                                 shiftEnd: 20000, fixedCost: 10_000_000, costPerKm: 1000)]
        return try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet, matrices: m)
    }

    private func run(_ p: RoutingProblem, _ parameters: SolverParameters, iterations: Int, seed: UInt64,
                     restarts: Bool) -> ThreadOutcome {
        let excluded = Set(RoutingSolver.impossibleRequests(p).keys)
        let neighbours = NeighbourLists(p, size: min(100, p.stops.count - 1))
        let stop = StopCriterion.anyOf([.maxIterations(iterations)])
        if restarts {
            return Search.runWithRestarts(problem: p, excluded: excluded, neighbours: neighbours, parameters: parameters,
                                          stop: stop, seed: seed, initial: [], started: Date(), progress: .silent)
        }
        return Search(problem: p, excluded: excluded, neighbours: neighbours, parameters: parameters, stop: stop,
                      seed: seed, initial: [], started: Date(), progress: .silent).run()
    }

    /// Long routes: the first search stops once its distance phase has gone `restartAfter`
    /// iterations without a new best, fresh searches use the rest of the budget, and the answer is
    /// never worse than the first search's, valid, and the same for the same seed.
    func testStagnatedLongRouteSearchRestarts() throws {
        let p = try problem(capacity: 40, vehicles: 4)
        var parameters = SolverParameters.recommended(for: p)
        parameters.restartAfter = 300
        let first = run(p, parameters, iterations: 3000, seed: 3, restarts: false)
        XCTAssertTrue(first.stagnated)
        XCTAssertTrue(Search.longRoutes(first.routes))
        XCTAssertLessThan(first.iterations, 3000)
        let all = run(p, parameters, iterations: 3000, seed: 3, restarts: true)
        XCTAssertGreaterThanOrEqual(all.restarts, 1)
        XCTAssertEqual(all.iterations, 3000, "the fresh searches use exactly the rest of the budget")
        XCTAssertLessThanOrEqual(all.unassigned, first.unassigned)
        XCTAssertLessThanOrEqual(all.objective, first.objective + 1e-6)

        // The solver's answer, from a second run, is the same plan: deterministic.
        let result = RoutingSolver.solve(p, parameters: parameters, stop: .maxIterations(3000), seed: 3)
        SolutionChecker.assertValid(p, result)
        XCTAssertEqual(result.unassigned, [])
        XCTAssertEqual(result.statistics.restarts, all.restarts)
        XCTAssertEqual(result.statistics.iterations, 3000)
        XCTAssertEqual(result.routes.map(\.stops), all.routes.filter { !$0.isEmpty }.map { $0.map(Int.init) })
    }

    /// Short routes (about 10 stops each) never restart: the answer equals that of a search with
    /// restarts turned off.
    func testShortRoutesNeverRestart() throws {
        let p = try problem(capacity: 10, vehicles: 9)
        var parameters = SolverParameters.recommended(for: p)
        parameters.restartAfter = 300
        let with = RoutingSolver.solve(p, parameters: parameters, stop: .maxIterations(3000), seed: 3)
        SolutionChecker.assertValid(p, with)
        XCTAssertEqual(with.statistics.restarts, 0)
        parameters.restartAfter = 0
        let without = RoutingSolver.solve(p, parameters: parameters, stop: .maxIterations(3000), seed: 3)
        XCTAssertEqual(with.routes, without.routes)
    }

    func testLongRoutesAreThoseOfAtLeast25StopsOnAverage() {
        XCTAssertTrue(Search.longRoutes([Array(0..<25), [], Array(25..<50)]))
        XCTAssertFalse(Search.longRoutes([Array(0..<25), Array(25..<49)]))
        XCTAssertFalse(Search.longRoutes([[], []]))
    }

    func testRemainderOfAStopCriterion() {
        let stop = StopCriterion.anyOf([.maxIterations(1000), .maxRuntime(60), .noImprovement(50)])
        XCTAssertEqual(stop.remainder(iterations: 300, elapsed: 12.5),
                       .anyOf([.maxIterations(700), .maxRuntime(47.5), .noImprovement(50)]))
        XCTAssertEqual(StopCriterion.maxIterations(10).remainder(iterations: 30, elapsed: 0), .maxIterations(0))
        XCTAssertEqual(StopCriterion.maxRuntime(1).remainder(iterations: 0, elapsed: 2), .maxRuntime(0))
    }
}
