import Instance
import Routing
import XCTest
@testable import Scenario

/// Fleet minimisation of a coupled wave's paid vehicles (`WaveProblem.withoutPaidRoutes`): the
/// capped problem and its warm start hold every route but the victim, failed attempts leave the
/// plan as it was and move on to another victim, and a kept plan serves every ride it served
/// before at a cost recomputed from its routes.
final class PaidRouteEliminationTests: XCTestCase {
    /// Tuesday's `afternoon-out` of the small region, pooled, with one vehicle of the first fleet
    /// row free (as if the morning had paid for it), and a plan of it with many paid routes: each
    /// ride alone on a paid vehicle while they last (a warm start the solver keeps, no iterations).
    private func wave() throws -> (WaveProblem, RoutingResult) {
        let instance = Fixture.small, table = TravelTable(instance)
        let assignment = try CareAssignmentBuilder.solve(instance, ScenarioCatalog.pooled, table: table, timeLimit: 30, gap: 0)
        let rides = WaveProblem.rides(instance, assignment, ScenarioCatalog.pooled, table, day: .tue, wave: .afternoonOut) { _ in true }
        let problem = try WaveProblem(instance, table, day: .tue, wave: .afternoonOut, rides: rides, rows: Array(instance.fleet.indices))
        let coupled = problem.coupled(freeVehicles: problem.rows.map { $0 == problem.rows[0] ? 1 : 0 })
        let routing = try XCTUnwrap(coupled.problem)
        var initial: [[Int]] = [], q = 0
        for type in routing.vehicleTypes {
            for _ in 0..<type.count {
                // Stops are numbered pickup 2q, delivery 2q + 1 for ride q (`WaveProblem.init`).
                if type.fixedCost > 0 && q < rides.count { initial.append([2 * q, 2 * q + 1]); q += 1 } else { initial.append([]) }
            }
        }
        let result = coupled.withFreeVehiclesUsedFirst(RoutingSolver.solve(routing, parameters: ScenarioRunner.parameters(for: routing, warm: true),
                                                                           stop: .maxIterations(0), seed: 5, initial: initial))
        XCTAssertGreaterThan(paid(result, routing), 1, "the fixture needs paid routes to exercise the attempts")
        return (coupled, result)
    }

    private func paid(_ result: RoutingResult, _ problem: RoutingProblem) -> Int {
        result.routes.filter { problem.vehicleTypes[$0.vehicleType].fixedCost > 0 }.count
    }

    /// Cost of `result`'s routes recomputed from the vehicle types' rates (euro cents).
    private func recomputed(_ result: RoutingResult, _ problem: RoutingProblem) -> Double {
        result.routes.reduce(0) { sum, route in
            let type = problem.vehicleTypes[route.vehicleType]
            return sum + type.fixedCost + type.costPerHour * Double(route.arrival - route.departure) / 3600 + type.costPerKm * Double(route.distance) / 1000
        }
    }

    /// Attempts that find nothing cheaper give the plan back unchanged; each takes another paid
    /// route, smallest first, and its capped problem and warm start are the plan without it.
    func testFailedAttemptsKeepThePlanAndTryAnotherVictim() throws {
        let (coupled, result) = try wave()
        let routing = try XCTUnwrap(coupled.problem)
        var victims: [[Int]] = []
        let back = coupled.withoutPaidRoutes(result) { capped, initial, attempt in
            XCTAssertEqual(attempt, victims.count)
            var used = [Int](repeating: 0, count: routing.vehicleTypes.count)
            for route in result.routes { used[route.vehicleType] += 1 }
            var offset = 0
            var slots: [[Int]] = []
            for (k, type) in capped.vehicleTypes.enumerated() {
                let original = routing.vehicleTypes[k]
                XCTAssertEqual(type.fixedCost, original.fixedCost)
                if original.fixedCost == 0 { XCTAssertEqual(type.count, original.count) }
                // Every slot holds a route of its own type.
                for slot in initial[offset..<(offset + type.count)] where !slot.isEmpty {
                    XCTAssertTrue(result.routes.contains { $0.vehicleType == k && $0.stops == slot })
                    slots.append(slot)
                }
                offset += type.count
            }
            XCTAssertEqual(initial.count, offset)
            XCTAssertEqual(capped.vehicleTypes.reduce(0) { $0 + ($1.fixedCost > 0 ? $1.count : 0) }, self.paid(result, routing) - 1)
            let missing = result.routes.filter { !slots.contains($0.stops) }
            XCTAssertEqual(missing.count, 1)
            XCTAssertGreaterThan(routing.vehicleTypes[missing[0].vehicleType].fixedCost, 0, "the victim is a paid route")
            victims.append(missing[0].stops)
            var worse = result
            worse.cost.time += 1
            return worse
        }
        XCTAssertEqual(victims.count, min(WaveProblem.paidRouteAttempts, paid(result, routing)))
        XCTAssertEqual(Set(victims).count, victims.count, "a failed victim is not tried again")
        let smallest = result.routes.filter { routing.vehicleTypes[$0.vehicleType].fixedCost > 0 }.map(\.stops.count).min()
        XCTAssertEqual(victims.first?.count, smallest)
        XCTAssertEqual(back.routes, result.routes)
        XCTAssertEqual(back.cost, result.cost)
    }

    /// With the search in the attempts, the plan kept serves every ride the first one served,
    /// each once, costs no more, and its cost is its routes' fixed, hourly and km costs.
    func testKeptPlanServesEveryRideAtItsRecomputedCost() throws {
        let (coupled, result) = try wave()
        let routing = try XCTUnwrap(coupled.problem)
        let rides = coupled.rides.count
        let back = coupled.withoutPaidRoutes(result) { capped, initial, attempt in
            RoutingSolver.solve(capped, parameters: ScenarioRunner.parameters(for: capped, warm: true),
                                stop: .maxIterations(10 * rides), seed: 9 &+ UInt64(attempt), initial: initial)
        }
        XCTAssertLessThanOrEqual(back.cost.total, result.cost.total)
        XCTAssertLessThan(paid(back, routing), paid(result, routing), "no paid route was eliminated: the test does not exercise a kept attempt")
        XCTAssertEqual(back.cost.total, recomputed(back, routing), accuracy: 1e-6 * back.cost.total)
        XCTAssertEqual(back.unassigned.map(\.request), result.unassigned.map(\.request))
        var stops = back.routes.flatMap(\.stops)
        stops += back.unassigned.flatMap { routing.requests[$0.request].stops }
        XCTAssertEqual(stops.sorted(), Array(0..<routing.stops.count), "every ride once, in a route or unassigned")
        for route in back.routes {
            let type = routing.vehicleTypes[route.vehicleType]
            XCTAssertLessThanOrEqual(back.routes.filter { $0.vehicleType == route.vehicleType }.count, type.count)
        }
    }
}
