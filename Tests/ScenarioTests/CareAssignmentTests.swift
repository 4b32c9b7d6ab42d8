import Assignment
import DagrouteCore
import Foundation
import Instance
import XCTest
@testable import Scenario

/// The instance → assignment translation: scenario changes, capacities, compatibility, and
/// reassignment never increasing direct travel.
final class CareAssignmentTests: XCTestCase {
    let instance = Fixture.small
    lazy var table = TravelTable(instance)

    func testStatusQuoKeepsEveryoneWithoutAModel() throws {
        let a = try CareAssignmentBuilder.solve(instance, ScenarioCatalog.statusQuo, table: table)
        XCTAssertEqual(a.status, "kept")
        XCTAssertTrue(a.moved.isEmpty); XCTAssertTrue(a.waiting.isEmpty)
        for (c, client) in instance.clients.enumerated() {
            XCTAssertEqual(a.locationOfClient[c].map { instance.locations[$0].id }, client.currentLocation)
        }
    }

    func testReassignmentNeverIncreasesDirectTravel() throws {
        let base = try CareAssignmentBuilder.solve(instance, ScenarioCatalog.statusQuo, table: table)
        let re = try CareAssignmentBuilder.solve(instance, ScenarioCatalog.reassignedPooled, table: table)
        XCTAssertEqual(re.waiting.count, 0)
        XCTAssertLessThanOrEqual(re.weeklyDirectTravel(instance, table).value, base.weeklyDirectTravel(instance, table).value)
        try assertFeasible(re, ScenarioCatalog.reassignedPooled)
    }

    func testClosingALocationMovesItsClientsWithinTheirProvider() throws {
        let target = try XCTUnwrap(instance.locations.first { l in
            l.status == .open && instance.locations.contains { $0.id != l.id && $0.provider == l.provider && $0.status == .open }
        })
        let spec = ScenarioSpec(name: "close", closeLocations: [target.id], transport: .pooled, reassign: false)
        let a = try CareAssignmentBuilder.solve(instance, spec, table: table)
        for (c, client) in instance.clients.enumerated() {
            let at = a.locationOfClient[c].map { instance.locations[$0].id }
            XCTAssertNotEqual(at, target.id)
            if client.currentLocation == target.id, let l = a.locationOfClient[c] {
                XCTAssertEqual(instance.locations[l].provider, client.provider, "without provider change a client stays with the provider")
            } else if client.currentLocation != target.id {
                XCTAssertEqual(at, client.currentLocation, "without reassign the others stay")
            }
        }
        try assertFeasible(a, spec)
    }

    func testProviderExitSendsClientsElsewhereAndKeepsGroupsTogether() throws {
        let provider = try XCTUnwrap(instance.providers.first)
        let spec = ScenarioSpec(name: "exit", exitProviders: [provider], transport: .pooled, reassign: false,
                                clientsMayChangeProvider: false, keepGroupsTogether: true)
        let a = try CareAssignmentBuilder.solve(instance, spec, table: table)
        var destinations: [String: Set<Int>] = [:]
        for (c, client) in instance.clients.enumerated() where client.provider == provider {
            if let l = a.locationOfClient[c] {
                XCTAssertNotEqual(instance.locations[l].provider, provider)
                destinations[client.currentLocation ?? "", default: []].insert(l)
            }
        }
        // Each former group lands at few places: never more places than it has clients, and in
        // total fewer destinations than clients moved (groups stay partly together at least).
        let moved = instance.clients.filter { $0.provider == provider }.count
        XCTAssertLessThan(destinations.values.reduce(0) { $0 + $1.count }, max(2, moved))
        try assertFeasible(a, spec)
    }

    func testCapacityChangeAndWaitingListWithReason() throws {
        // Every location of the region at capacity 1: most clients wait, for lack of places.
        let spec = ScenarioSpec(name: "tight", capacityChanges: instance.locations.map { CapacityChange(location: $0.id, capacity: 1) },
                                transport: .pooled, reassign: true, clientsMayChangeProvider: true)
        let a = try CareAssignmentBuilder.solve(instance, spec, table: table)
        XCTAssertGreaterThan(a.waiting.count, 0)
        XCTAssertTrue(a.waiting.allSatisfy { $0.reason == .capacityExhausted })
        try assertFeasible(a, spec)
    }

    func testRideCapExcludesFarLocations() throws {
        let spec = ScenarioSpec(name: "cap", transport: .pooled, reassign: true, clientsMayChangeProvider: true,
                                rideTime: RideTimePolicy(extra: .minutes(5), cap: .minutes(6)))
        let a = try CareAssignmentBuilder.solve(instance, spec, table: table)
        for (c, l) in a.locationOfClient.enumerated() {
            guard let l else { continue }
            let limit = instance.clients[c].maxRide ?? .minutes(6)
            XCTAssertLessThanOrEqual(table.time(table.client(c), table.location(l)), limit.value)
        }
        XCTAssertTrue(a.waiting.allSatisfy { $0.reason == .noCompatibleLocationWithinRideLimit || $0.reason == .capacityExhausted })
    }

    func testUnknownScenarioNameIsAnInputErrorNamingTheOption() {
        XCTAssertThrowsError(try ScenarioCatalog.named("no-such-scenario", in: instance.settings)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("expected an input error, got \(error)") }
            XCTAssertEqual(ds.first?.field, "--scenario")
            XCTAssertTrue(ds.first?.message.contains("status-quo") ?? false)
        }
    }

    func testBadScenarioDefinitionsAreInputErrorsNamingFileAndField() throws {
        let folder = Fixture.temporaryFolder()
        try InstanceWriter.write(instance, to: folder)
        let settings = """
        {"scenarios": [
          {"name": "a", "close_locations": ["L99"]},
          {"name": "b", "exit_providers": ["nobody"]},
          {"name": "c", "close_location": ["L01"]},
          {"name": "d", "capacity_changes": [{"location": "L98", "capacity": 3}]}
        ]}
        """
        try AtomicFile.write(settings, to: folder.appendingPathComponent("settings.json"))
        XCTAssertThrowsError(try InstanceReader.read(folder: folder)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("expected an input error, got \(error)") }
            XCTAssertTrue(ds.allSatisfy { $0.file == "settings.json" }, "\(ds)")
            let text = ds.map(\.description).joined(separator: "\n")
            XCTAssertTrue(text.contains("L99") && text.contains("close_locations"), text)
            XCTAssertTrue(text.contains("nobody") && text.contains("exit_providers"), text)
            XCTAssertTrue(text.contains("close_location\""), text)
            XCTAssertTrue(text.contains("L98"), text)
            XCTAssertTrue(ds.allSatisfy { $0.line != nil }, "every error has a line: \(text)")
        }
    }

    /// Independent feasibility check: open, compatible locations; capacity per slot for clients the
    /// model placed (kept clients may already exceed it in the data); provider rule.
    func assertFeasible(_ a: CareAssignment, _ spec: ScenarioSpec, file: StaticString = #filePath, line: UInt = #line) throws {
        var load = Array(repeating: Array(repeating: 0, count: 14), count: instance.locations.count)
        for (c, client) in instance.clients.enumerated() {
            guard let l = a.locationOfClient[c] else { continue }
            let location = instance.locations[l]
            let kept = client.currentLocation == location.id
            XCTAssertFalse(spec.closeLocations.contains(location.id) || spec.exitProviders.contains(location.provider), file: file, line: line)
            if !kept {
                XCTAssertTrue(location.targetGroups.contains(client.targetGroup) && location.products.contains(client.product)
                              && (location.wheelchairAccessible || !client.wheelchair), "\(client.id) at incompatible \(location.id)", file: file, line: line)
                if !spec.clientsMayChangeProvider && !spec.exitProviders.contains(client.provider) {
                    XCTAssertEqual(location.provider, client.provider, file: file, line: line)
                }
            }
            for day in client.days {
                let d = Weekday.allCases.firstIndex(of: day)!
                for half in client.dayPart == .day ? [0, 1] : [client.dayPart == .afternoon ? 1 : 0] { load[l][d * 2 + half] += 1 }
            }
        }
        let capacities = CareAssignmentBuilder.capacities(instance, spec)
        for l in instance.locations.indices { for s in 0..<14 where load[l][s] > capacities[l][s] {
            // Only allowed when the status quo data itself exceeded it and nobody was added.
            let added = instance.clients.indices.contains { a.locationOfClient[$0] == l && instance.clients[$0].currentLocation != instance.locations[l].id }
            XCTAssertFalse(added, "location \(instance.locations[l].id) slot \(s) over capacity with moved clients", file: file, line: line)
        } }
    }
}
