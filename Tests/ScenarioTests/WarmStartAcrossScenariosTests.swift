import DagrouteCore
import Foundation
import Instance
import Routing
import XCTest
@testable import Scenario

/// Warm starts across related scenarios: which scenario starts from which, the mapping of a base
/// plan's rides onto a related problem, and determinism of a run that uses them.
final class WarmStartAcrossScenariosTests: XCTestCase {
    func testBasesOfTheDefaultCatalog() throws {
        let scenarios = ScenarioCatalog.all(try InstanceReader.read(folder: DefaultInstanceTests.folder).settings)
        XCTAssertEqual(scenarios.map(\.name), ["status-quo", "pooled", "reassigned-pooled", "close-L03", "exit-vechtstroom", "strict-ride", "open-L26"])
        XCTAssertEqual(ScenarioRunner.warmStartBases(scenarios), [nil, nil, nil, 2, 2, 2, 2])
    }

    /// The wave problem of `spec` (pooled fleet) for Tuesday's morning wave of the small region.
    private func problem(_ spec: ScenarioSpec, _ table: TravelTable) throws -> WaveProblem {
        let instance = Fixture.small
        let assignment = try CareAssignmentBuilder.solve(instance, spec, table: table, timeLimit: 30, gap: 0)
        let rides = WaveProblem.rides(instance, assignment, spec, table, day: .tue, wave: .morningIn) { _ in true }
        return try WaveProblem(instance, table, day: .tue, wave: .morningIn, rides: rides, rows: Array(instance.fleet.indices))
    }

    func testBasePlanMapsRideByRideOntoARelatedScenario() throws {
        let instance = Fixture.small, table = TravelTable(instance)
        let scenarios = ScenarioCatalog.all(instance.settings)
        let spec = try XCTUnwrap(scenarios.first { !$0.exitProviders.isEmpty })
        let base = try problem(ScenarioCatalog.reassignedPooled, table), derived = try problem(spec, table)
        let result = RoutingSolver.solve(try XCTUnwrap(base.problem), stop: .maxIterations(200), seed: 5)
        XCTAssertFalse(result.routes.isEmpty)

        XCTAssertEqual(base.shareOfSameRides(as: base), 1)
        let share = derived.shareOfSameRides(as: base)
        XCTAssertGreaterThan(share, 0); XCTAssertLessThan(share, 1)

        // Onto itself: the same routes, each in a slot of its own vehicle type.
        let same = base.warmStart(from: base, result)
        let types = try XCTUnwrap(base.problem).vehicleTypes
        var slotType: [Int] = []
        for (k, t) in types.enumerated() { slotType += Array(repeating: k, count: t.count) }
        XCTAssertEqual(same.count, slotType.count)
        let mapped = same.indices.filter { !same[$0].isEmpty }.map { "\(slotType[$0]):\(same[$0])" }.sorted()
        XCTAssertEqual(mapped, result.routes.map { "\($0.vehicleType):\($0.stops)" }.sorted())

        // Onto the related scenario: every stop is the same client's ride in the same direction and
        // role, each ride once, pickup before delivery; every ride both problems have is placed.
        let initial = derived.warmStart(from: base, result)
        let key = { (w: WaveProblem, s: Int) in "\(w.rides[s / 2].client)/\(w.rides[s / 2].inbound)/\(s % 2)" }
        let baseKeys = Set(result.routes.flatMap { $0.stops.map { key(base, $0) } })
        var seen = Set<Int>()
        for route in initial {
            var picked = Set<Int>()
            for s in route {
                XCTAssertTrue(baseKeys.contains(key(derived, s)), "stop \(s) is not in the base plan")
                XCTAssertTrue(seen.insert(s).inserted, "stop \(s) twice")
                if s % 2 == 0 { picked.insert(s / 2) } else { XCTAssertTrue(picked.contains(s / 2), "delivery before pickup") }
            }
        }
        let shared = (0..<(2 * derived.rides.count)).filter { baseKeys.contains(key(derived, $0)) }
        XCTAssertEqual(seen, Set(shared))
        let before = Dictionary(base.rides.map { ($0.client, $0.location) }, uniquingKeysWith: { a, _ in a })
        XCTAssertTrue(derived.rides.contains { r in before[r.client].map { $0 != r.location } ?? false }, "no client moved: the mapping is not exercised")

        // The solver starts from it and returns a complete, feasible plan.
        let solved = RoutingSolver.solve(try XCTUnwrap(derived.problem), stop: .maxIterations(50), seed: 5, initial: initial)
        XCTAssertTrue(solved.unassigned.allSatisfy { $0.reason != .fleetExhausted && $0.reason != .timeLimit })
        XCTAssertEqual(solved.routes.reduce(0) { $0 + $1.stops.count } + 2 * solved.unassigned.count, 2 * derived.rides.count)
    }

    func testRunWithWarmStartsIsTheSameOnOneAndTwoThreads() throws {
        let instance = Fixture.small
        var options = Fixture.options
        options.days = [.wed]
        // A copy of reassigned-pooled has every ride the same, so each of its waves starts from
        // reassigned-pooled's plan; the copy waits for it, whatever the thread count.
        let copy = ScenarioSpec(name: "copy", description: "reassigned-pooled again", transport: .pooled, reassign: true)
        let scenarios = ScenarioCatalog.all(instance.settings) + [copy]
        XCTAssertEqual(ScenarioRunner.warmStartBases(scenarios).last, 2)
        let a = try ScenarioRunner.run(instance, scenarios: scenarios, options: options)
        options.threads = 1
        let b = try ScenarioRunner.run(instance, scenarios: scenarios, options: options)
        for (x, y) in zip(a, b) { XCTAssertEqual(ScenarioWriters.routesCSV(x.days), ScenarioWriters.routesCSV(y.days), x.spec.name) }
        // Started from reassigned-pooled's plans, the copy plans every ride planned there.
        XCTAssertEqual(a.last!.kpis.ridesUnrouted, a[2].kpis.ridesUnrouted)
    }
}
