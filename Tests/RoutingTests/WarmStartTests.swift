import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// `RoutingSolver.solve(initial:)`: a warm start keeps the routes it is given, drops what does
/// not fit, and regret insertion places the rest; every plan re-checked by `SolutionChecker`.
final class WarmStartTests: XCTestCase {
    /// The result's routes as `initial`: vehicle slots type by type.
    private func slots(_ p: RoutingProblem, _ routes: [PlannedRoute]) -> [[Int]] {
        var first: [Int] = [], n = 0
        for v in p.vehicleTypes { first.append(n); n += v.count }
        var used = [Int](repeating: 0, count: p.vehicleTypes.count)
        var out = [[Int]](repeating: [], count: n)
        for r in routes { out[first[r.vehicleType] + used[r.vehicleType]] = r.stops; used[r.vehicleType] += 1 }
        return out
    }

    /// Cordeau a2-16 (proven optimum 294.25) and a short search's plan of it.
    private func a216() throws -> (RoutingBenchmark, RoutingResult) {
        let b = try CordeauReader.read(path: SolverTests.path("darp/cordeau2006/a2-16.txt"))
        let plan = RoutingSolver.solve(b.problem, parameters: .recommended(for: b.problem), stop: .maxIterations(150), seed: 1)
        SolutionChecker.assertValid(b.problem, plan)
        XCTAssertEqual(plan.unassigned, [])
        return (b, plan)
    }

    /// Starting from a feasible plan with a single iteration gives a plan at least as good and
    /// never below the optimum: nothing of a feasible start is dropped.
    func testStartingFromAFeasiblePlanKeepsIt() throws {
        let (b, plan) = try a216()
        let p = b.problem
        let warm = RoutingSolver.solve(p, parameters: .recommended(for: p), stop: .maxIterations(1), seed: 7, initial: slots(p, plan.routes))
        SolutionChecker.assertValid(p, warm)
        XCTAssertEqual(warm.unassigned, [])
        XCTAssertLessThanOrEqual(b.objective(warm.routes), b.objective(plan.routes) + 1e-9)
        XCTAssertGreaterThanOrEqual(b.objective(warm.routes), 294.25 - 0.005)
    }

    /// A start with garbage (a stop out of range, a request twice, a delivery before its pickup, a
    /// request missing its delivery) and one route holding every request of a plan (far over
    /// capacity and ride times): the plan is still valid and serves every request, and it is no
    /// cheaper than the optimum.
    func testInfeasibleAndMalformedStartsAreRepaired() throws {
        let (b, plan) = try a216()
        let p = b.problem, params = SolverParameters.recommended(for: p)
        let everything = plan.routes.flatMap(\.stops)
        let (pick, drop) = (p.requests[0].stops[0], p.requests[0].stops[1])
        let (pick1, drop1) = (p.requests[1].stops[0], p.requests[1].stops[1])
        let starts: [[[Int]]] = [
            [everything],
            [[p.stops.count + 5, drop, pick, pick1], [pick, drop, pick, drop, drop1]],
            [[-1], [], [], [], [], []],
        ]
        for initial in starts {
            let warm = RoutingSolver.solve(p, parameters: params, stop: .maxIterations(1), seed: 3, initial: initial)
            SolutionChecker.assertValid(p, warm)
            XCTAssertEqual(warm.unassigned, [], "\(initial)")
            XCTAssertGreaterThanOrEqual(b.objective(warm.routes), 294.25 - 0.005)
        }
    }

    /// The same start, seed and iteration budget give the same plan.
    func testWarmStartIsDeterministic() throws {
        let b = try CordeauReader.read(path: SolverTests.path("darp/cordeau2006/a3-24.txt"))
        let p = b.problem, params = SolverParameters.recommended(for: p)
        let first = RoutingSolver.solve(p, parameters: params, stop: .maxIterations(20), seed: 2)
        let initial = slots(p, first.routes)
        let x = RoutingSolver.solve(p, parameters: params, stop: .maxIterations(40), seed: 9, initial: initial)
        let y = RoutingSolver.solve(p, parameters: params, stop: .maxIterations(40), seed: 9, initial: initial)
        SolutionChecker.assertValid(p, x)
        XCTAssertEqual(x.routes.map(\.stops), y.routes.map(\.stops))
        XCTAssertLessThanOrEqual(b.objective(x.routes), b.objective(first.routes) + 1e-9, "never worse than its start")
    }
}
