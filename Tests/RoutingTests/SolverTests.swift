import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// The solver on small benchmark instances with proven optima (iteration budgets, not time, so the
/// outcome is deterministic), every result re-checked by `SolutionChecker`.
final class SolverTests: XCTestCase {
    static let instances = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/instances")

    static func path(_ relative: String) -> String { instances.appendingPathComponent(relative).path }

    private func solve(_ b: RoutingBenchmark, iterations: Int, seed: UInt64 = 1, threads: Int = 1) -> RoutingResult {
        let result = RoutingSolver.solve(b.problem, parameters: .recommended(for: b.problem, threads: threads),
                                         stop: .maxIterations(iterations), seed: seed)
        SolutionChecker.assertValid(b.problem, result)
        XCTAssertEqual(result.unassigned, [])
        return result
    }

    func testCVRPSmallInstancesReachTheirOptima() throws {
        for (file, optimum, iterations) in [("cvrp/P/P-n16-k8.vrp", 450.0, 5000), ("cvrp/A/A-n32-k5.vrp", 784.0, 10000),
                                            ("cvrp/P/P-n22-k8.vrp", 603.0, 3000)] {
            let b = try CVRPLIBReader.read(path: Self.path(file))
            let result = solve(b, iterations: iterations)
            XCTAssertEqual(b.objective(result.routes), optimum, file)
            XCTAssertEqual(result.cost.total, optimum, accuracy: 1e-9, "cost in the model equals the set's objective")
        }
    }

    func testSolomonC101ReachesBestKnown() throws {
        let b = try SolomonReader.read(path: Self.path("vrptw/solomon/C101.txt"))
        let result = solve(b, iterations: 100)
        XCTAssertEqual(b.objective(result.routes), 828.94, accuracy: 0.005)
        XCTAssertEqual(result.routes.count, 10)
    }

    func testCordeauA216ReachesItsOptimum() throws {
        let b = try CordeauReader.read(path: Self.path("darp/cordeau2006/a2-16.txt"))
        let result = solve(b, iterations: 2000)
        XCTAssertEqual(b.objective(result.routes), 294.25, accuracy: 0.005)
        XCTAssertLessThanOrEqual(result.routes.count, 2)
    }

    /// Short runs on more dial-a-ride instances with proven optima: every plan passes the
    /// independent checker (ride times, windows, duration, capacity) and never beats the optimum.
    func testCordeauPlansAreValidAndNeverBelowTheOptimum() throws {
        for (name, optimum) in [("a3-18", 300.48), ("a3-24", 344.83), ("b2-20", 332.64), ("b4-16", 296.96), ("b2-16", 309.41)] {
            let b = try CordeauReader.read(path: Self.path("darp/cordeau2006/\(name).txt"))
            let result = solve(b, iterations: 400, seed: 5)
            let objective = b.objective(result.routes)
            XCTAssertGreaterThanOrEqual(objective, optimum - 0.01, name)
            XCTAssertLessThanOrEqual(objective, optimum * 1.05, name)
            XCTAssertLessThanOrEqual(result.routes.count, b.problem.vehicleTypes[0].count, name)
        }
    }

    /// A 200-customer Gehring–Homberger instance after a short run: valid plan, at most one vehicle
    /// more than the best known (20), distance within 5% of it.
    func testGehringHombergerPlanIsValid() throws {
        let b = try SolomonReader.read(path: Self.path("vrptw/gh200/c1_2_1.txt"))
        let result = solve(b, iterations: 200)
        XCTAssertLessThanOrEqual(result.routes.count, 21)
        XCTAssertLessThanOrEqual(b.objective(result.routes), 2704.5678 * 1.05)
    }

    func testSameSeedAndThreadsGiveTheSameAnswer() throws {
        let b = try CVRPLIBReader.read(path: Self.path("cvrp/A/A-n33-k6.vrp"))
        let one = solve(b, iterations: 300, seed: 7, threads: 2)
        let two = solve(b, iterations: 300, seed: 7, threads: 2)
        XCTAssertEqual(one.routes, two.routes)
        XCTAssertEqual(one.statistics.iterations, 600)
    }

    /// Requests that cannot be served come back with the reason, the rest is routed.
    func testUnservableRequestsComeBackWithReasons() throws {
        let n = 5
        var dist = [Int](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { dist[i * n + j] = abs(i - j) * 1000 } }
        let m = TravelMatrices(count: n, distance: dist, duration: dist.map { $0 / 10 })
        let stops = (1..<n).flatMap { [Stop(location: $0, service: 60), Stop(location: 0, service: 60)] }
        var requests = (0..<(n - 1)).map { Request(.pickupDelivery(pickup: 2 * $0, delivery: 2 * $0 + 1), load: Load(seats: 1), maxRideTime: 3600) }
        requests[0].load = Load(seats: 0, wheelchairs: 1)                  // no wheelchair places
        requests[1].maxRideTime = 10                                          // 200 s of driving > 10 s
        let fleet = [VehicleType(count: 1, capacity: Load(seats: 1), startLocation: 0, endLocation: 0, costPerKm: 30)]
        let p = try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet, matrices: m)
        let result = RoutingSolver.solve(p, stop: .maxIterations(200), seed: 3)
        SolutionChecker.assertValid(p, result)
        XCTAssertEqual(result.unassigned.first { $0.request == 0 }?.reason, .capacity)
        XCTAssertEqual(result.unassigned.first { $0.request == 1 }?.reason, .timeWindowOrRideTime)
        XCTAssertEqual(result.unassigned.count, 2, "one seat carries requests 2 and 3 one after the other")
        XCTAssertEqual(result.routes.count, 1)
    }

    /// A search whose time limit is over before construction starts routes nothing and reports
    /// every request as left out by the time limit, not as a full fleet; with time, none is left.
    func testRequestsLeftOutByTheTimeLimitSayIt() throws {
        let b = try CVRPLIBReader.read(path: Self.path("cvrp/A/A-n32-k5.vrp"))
        let cut = RoutingSolver.solve(b.problem, stop: .maxRuntime(0), seed: 1)
        SolutionChecker.assertValid(b.problem, cut)
        XCTAssertEqual(cut.routes.count, 0)
        XCTAssertEqual(cut.unassigned.count, b.problem.requests.count)
        XCTAssertTrue(cut.unassigned.allSatisfy { $0.reason == .timeLimit })
        let full = RoutingSolver.solve(b.problem, stop: .maxIterations(10), seed: 1)
        XCTAssertEqual(full.unassigned, [])
    }

    func testInvalidProblemsAreInputErrors() {
        let m = TravelMatrices(count: 2, distance: [0, 1, 1, 0], duration: [0, 1, 1, 0])
        XCTAssertThrowsError(try RoutingProblem(stops: [Stop(location: 5, earliest: 10, latest: 5)],
                                                requests: [Request(.depotDelivery(stop: 0), load: Load(seats: -1))],
                                                vehicleTypes: [VehicleType(count: 1, capacity: Load(seats: 1), startLocation: 0, endLocation: 0)],
                                                matrices: m)) { error in
            guard case let DagrouteError.input(ds) = error else { return XCTFail("expected an input error") }
            XCTAssertEqual(ds.count, 3, "\(ds)")
            XCTAssertTrue(ds.allSatisfy { $0.message.hasPrefix("expected") })
        }
    }
}

/// Vehicle minimisation (fewest vehicles first) on the Gehring–Homberger instance rc1_2_1, whose
/// construction uses 24 vehicles (best known: 18): within 30 iterations the route-elimination
/// phase empties a route the annealing alone keeps (22 against 23 vehicles at seed 1). The
/// time-warp education of new bests (which starts once the phase ends, and draws from the same
/// random stream) is off on both sides so that the phase alone is compared.
final class RouteEliminationTests: XCTestCase {
    func testSavesVehicles() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/rc1_2_1.txt"))
        var routes: [Double: Int] = [:]
        for share in [0.9, 0] {
            var parameters = SolverParameters.recommended(for: b.problem)
            parameters.routeEliminationShare = share
            parameters.educateNewBests = false
            let result = RoutingSolver.solve(b.problem, parameters: parameters, stop: .maxIterations(30), seed: 1)
            SolutionChecker.assertValid(b.problem, result)
            XCTAssertEqual(result.unassigned, [])
            routes[share] = result.routes.count
        }
        XCTAssertGreaterThanOrEqual(routes[0.9]!, 18, "never below the best known")
        XCTAssertLessThan(routes[0.9]!, routes[0]!, "\(routes)")
    }
}
