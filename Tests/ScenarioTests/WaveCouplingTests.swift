import DagrouteCore
import Foundation
import Instance
import Routing
import XCTest
@testable import Scenario

/// Coupling the waves of a day: each wave's routing objective is exactly what it adds to the
/// day's cost (recomputed independently from the written route sheet), the job board honours
/// prerequisites, and runs with coupled waves are the same for a seed whatever the thread count.
final class WaveCouplingTests: XCTestCase {
    func testCouplingOrder() {
        XCTAssertEqual(TripWave.couplingOrder, [.morningIn, .afternoonOut, .midday])
        XCTAssertEqual(TripWave.morningIn.earlierInCoupling, [])
        XCTAssertEqual(TripWave.afternoonOut.earlierInCoupling, [.morningIn])
        XCTAssertEqual(TripWave.midday.earlierInCoupling, [.morningIn, .afternoonOut])
    }

    /// Day cost in euro cents from route-sheet rows alone (no type of the module): per route hours
    /// and km at its fleet row's rates, plus per fleet row its fixed cost × its most routes in one wave.
    private func sheetCost(_ rows: [Fixture.SheetRow], _ fleet: [FleetRow]) -> Double {
        let rates = Dictionary(uniqueKeysWithValues: fleet.map { ($0.id, $0) })
        var routes: [String: [Fixture.SheetRow]] = [:]
        for row in rows { routes["\(row.trip)|\(row.vehicle)", default: []].append(row) }
        var cents = 0.0
        var perWave: [String: [String: Int]] = [:]
        for (key, stops) in routes {
            let v = rates[stops[0].fleetRow]!
            let duration = stops.last!.planned - stops.first!.planned, length = stops.reduce(0) { $0 + $1.leg }
            cents += Double(v.costPerHour.value) * Double(duration) / 3600 + Double(v.costPerKm.value) * Double(length) / 1000
            perWave[String(key.split(separator: "|")[0]), default: [:]][stops[0].fleetRow, default: 0] += 1
        }
        var peak: [String: Int] = [:]
        for counts in perWave.values { for (row, n) in counts { peak[row] = max(peak[row] ?? 0, n) } }
        for (row, n) in peak { cents += Double(rates[row]!.fixedCostPerDay.value) * Double(n) }
        return cents
    }

    /// Pooled fleet, one weekday of the small region, the waves solved in coupling order as the
    /// runner does: each wave's objective (`RoutingResult.cost`) equals the day cost of the route
    /// sheet with it minus without it, and the three objectives add up to the day's cost.
    func testCoupledObjectiveIsTheMarginalDayCost() throws {
        let instance = Fixture.small, table = TravelTable(instance)
        let spec = ScenarioCatalog.pooled
        let assignment = try CareAssignmentBuilder.solve(instance, spec, table: table, timeLimit: 30, gap: 0)
        var solved: [WavePlan] = []
        var objectives = 0.0, freeUsed = 0
        for wave in TripWave.couplingOrder {
            let rides = WaveProblem.rides(instance, assignment, spec, table, day: .tue, wave: wave) { _ in true }
            let problem = try WaveProblem(instance, table, day: .tue, wave: wave, rides: rides, rows: Array(instance.fleet.indices))
            let free = problem.vehiclesPaid(by: solved, instance)
            if wave == .morningIn { XCTAssertEqual(free.reduce(0, +), 0) } else { XCTAssertGreaterThan(free.reduce(0, +), 0, "\(wave)") }
            let coupled = problem.coupled(freeVehicles: free)
            let routing = try XCTUnwrap(coupled.problem)
            XCTAssertEqual(routing.vehicleTypes.reduce(0) { $0 + $1.count }, instance.fleet.reduce(0) { $0 + $1.count })
            let result = coupled.withFreeVehiclesUsedFirst(RoutingSolver.solve(routing, parameters: ScenarioRunner.parameters(for: routing, warm: false),
                                                                               stop: .maxIterations(4 * rides.count), seed: 11))
            freeUsed += result.routes.filter { routing.vehicleTypes[$0.vehicleType].fixedCost == 0 }.count
            let plan = coupled.plan(instance, table, result)

            let folder = Fixture.temporaryFolder()
            let before = folder.appendingPathComponent("before.csv"), after = folder.appendingPathComponent("after.csv")
            try AtomicFile.write(ScenarioWriters.routesCSV([DayPlan(day: .tue, waves: solved)]), to: before)
            try AtomicFile.write(ScenarioWriters.routesCSV([DayPlan(day: .tue, waves: solved + [plan])]), to: after)
            let marginal = sheetCost(try Fixture.readSheet(after), instance.fleet) - sheetCost(try Fixture.readSheet(before), instance.fleet)
            XCTAssertEqual(result.cost.total, marginal, accuracy: max(1e-3, 1e-9 * marginal), "\(wave)")
            objectives += result.cost.total
            solved.append(plan)
        }
        XCTAssertGreaterThan(freeUsed, 0, "no wave used a vehicle paid by an earlier one: the coupling is not exercised")
        XCTAssertEqual(objectives, dayCost(DayPlan(day: .tue, waves: solved), fleet: instance.fleet), accuracy: max(1e-3, 1e-9 * objectives))
    }

    /// A paid vehicle in use while a free one of the same row is idle is counted as the free one:
    /// the plan stays, the fixed cost falls by the row's fixed cost per vehicle moved.
    func testPaidRoutesMoveToIdleFreeVehicles() throws {
        let instance = Fixture.small, table = TravelTable(instance)
        let assignment = try CareAssignmentBuilder.solve(instance, ScenarioCatalog.pooled, table: table, timeLimit: 30, gap: 0)
        let rides = WaveProblem.rides(instance, assignment, ScenarioCatalog.pooled, table, day: .tue, wave: .afternoonOut) { _ in true }
        let problem = try WaveProblem(instance, table, day: .tue, wave: .afternoonOut, rides: rides, rows: Array(instance.fleet.indices))
        let coupled = problem.coupled(freeVehicles: problem.rows.map { min(2, instance.fleet[$0].count) })
        let routing = try XCTUnwrap(coupled.problem)
        let result = coupled.withFreeVehiclesUsedFirst(RoutingSolver.solve(routing, stop: .maxIterations(100), seed: 2))
        let free = try XCTUnwrap(result.routes.indices.first { routing.vehicleTypes[result.routes[$0].vehicleType].fixedCost == 0 })
        let k = result.routes[free].vehicleType
        XCTAssertEqual(coupled.typeRows[k + 1], coupled.typeRows[k])
        var worse = result
        worse.routes[free].vehicleType = k + 1
        worse.cost.fixed += routing.vehicleTypes[k + 1].fixedCost
        let back = coupled.withFreeVehiclesUsedFirst(worse)
        XCTAssertEqual(back.routes.map(\.vehicleType), result.routes.map(\.vehicleType))
        XCTAssertEqual(back.cost.fixed, result.cost.fixed, accuracy: 1e-9)
        XCTAssertEqual(ScenarioWriters.routesCSV([DayPlan(day: .tue, waves: [coupled.plan(instance, table, back)])]),
                       ScenarioWriters.routesCSV([DayPlan(day: .tue, waves: [coupled.plan(instance, table, worse)])]))
    }

    /// A job waits for all its prerequisites; ready later jobs go first; a job followed by a
    /// chain of dependent jobs gets only its part of the time left.
    func testJobBoardHonoursPrerequisites() throws {
        let board = JobBoard(prerequisites: [[], [0], [], [0, 1]], weights: [1, 1, 1, 2])
        let deadline = Date().addingTimeInterval(100)
        // Two workers would give job 0 up to 2 × 1/5 of the time left; jobs 1 and 3 (weight 3)
        // can only start after it, so it gets at most 1/(1 + 3) of it.
        let first = try XCTUnwrap(board.next(workers: 2, deadline: deadline))
        XCTAssertEqual(first.0, 0)
        XCTAssertLessThanOrEqual(first.1, 100 * 1 / (1 + 3) + 1e-6, "job 0 leaves room for jobs 1 and 3 after it")
        XCTAssertGreaterThan(first.1, 20)
        XCTAssertEqual(try XCTUnwrap(board.next(workers: 1, deadline: deadline)).0, 2)
        let empty = WavePlan(day: .mon, wave: .morningIn, routes: [], rides: [], unrouted: [])
        let none = try WaveProblem(Fixture.small, TravelTable(Fixture.small), day: .mon, wave: .morningIn, rides: [], rows: [])
        board.store(0, JobBoard.Solved(problem: none, plan: empty, result: nil))
        XCTAssertEqual(try XCTUnwrap(board.next(workers: 1, deadline: deadline)).0, 1)
        board.store(2, JobBoard.Solved(problem: none, plan: empty, result: nil))
        board.store(1, JobBoard.Solved(problem: none, plan: empty, result: nil))
        XCTAssertEqual(try XCTUnwrap(board.next(workers: 1, deadline: deadline)).0, 3)
        XCTAssertNil(board.next(workers: 1, deadline: deadline))
    }

    /// Coupled waves wait for the earlier waves of their day: per-provider and pooled scenarios on
    /// two days give the same route sheets on one and two threads, and twice on two.
    func testCoupledRunIsTheSameForASeedWhateverTheThreads() throws {
        let instance = Fixture.small
        var options = Fixture.options
        options.days = [.mon, .thu]
        let scenarios = [ScenarioCatalog.statusQuo, ScenarioCatalog.pooled]
        let a = try ScenarioRunner.run(instance, scenarios: scenarios, options: options)
        let b = try ScenarioRunner.run(instance, scenarios: scenarios, options: options)
        options.threads = 1
        let c = try ScenarioRunner.run(instance, scenarios: scenarios, options: options)
        for s in scenarios.indices {
            XCTAssertEqual(ScenarioWriters.routesCSV(a[s].days), ScenarioWriters.routesCSV(b[s].days), scenarios[s].name)
            XCTAssertEqual(ScenarioWriters.routesCSV(a[s].days), ScenarioWriters.routesCSV(c[s].days), scenarios[s].name)
        }
    }
}
