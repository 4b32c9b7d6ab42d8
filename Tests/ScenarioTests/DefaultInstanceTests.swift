import Foundation
import Instance
import XCTest
@testable import Scenario

/// The default instance: the assignment side of every scenario, and a Monday of status quo vs
/// pooled routes (construction and a few iterations only, to stay fast in debug builds).
final class DefaultInstanceTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Instances/gooi-en-vechtstreek")

    func testReassignmentNeverIncreasesDirectTravelAndScenariosApply() throws {
        let instance = try InstanceReader.read(folder: Self.folder)
        let table = TravelTable(instance)
        let base = try CareAssignmentBuilder.solve(instance, ScenarioCatalog.statusQuo, table: table)
        let baseTravel = base.weeklyDirectTravel(instance, table)
        let names = ScenarioCatalog.all(instance.settings).map(\.name)
        XCTAssertEqual(names, ["status-quo", "pooled", "reassigned-pooled", "close-L03", "exit-vechtstroom", "strict-ride", "open-L26"])
        for spec in ScenarioCatalog.all(instance.settings) {
            let a = try CareAssignmentBuilder.solve(instance, spec, table: table)
            if spec.reassign && spec.closeLocations.isEmpty && spec.exitProviders.isEmpty && spec.openLocations.isEmpty {
                XCTAssertLessThanOrEqual(a.weeklyDirectTravel(instance, table).value, baseTravel.value, spec.name)
            }
            for (c, l) in a.locationOfClient.enumerated() {
                guard let l else { continue }
                let id = instance.locations[l].id, provider = instance.locations[l].provider
                XCTAssertFalse(spec.closeLocations.contains(id), "\(spec.name): client \(c) at closed \(id)")
                XCTAssertFalse(spec.exitProviders.contains(provider), "\(spec.name): client \(c) at exiting provider \(provider)")
                if instance.locations[l].status == .candidate { XCTAssertTrue(spec.openLocations.contains(id)) }
            }
            if spec.name == "open-L26" {
                XCTAssertTrue(a.locationOfClient.contains { $0.map { instance.locations[$0].id } == "L26" }, "the new location gets clients")
            }
        }
    }

    func testPooledMondayNeverCostsMoreThanStatusQuo() throws {
        let instance = try InstanceReader.read(folder: Self.folder)
        let options = RunOptions(timeLimit: 600, seed: 1, threads: 2, iterationsPerRide: 1, days: [.mon])
        let results = try ScenarioRunner.run(instance, scenarios: [ScenarioCatalog.statusQuo, ScenarioCatalog.pooled], options: options)
        let statusQuo = results[0].kpis, pooled = results[1].kpis
        XCTAssertEqual(pooled.ridesUnrouted, 0)
        XCTAssertEqual(statusQuo.ridesUnrouted, 0)
        XCTAssertLessThanOrEqual(pooled.costEurPerWeek, statusQuo.costEurPerWeek + 0.005)
        for r in results {
            for ride in r.days.flatMap({ $0.waves.flatMap(\.rides) }) {
                XCTAssertEqual(ride.late.value, 0, "\(r.spec.name): client \(ride.client) late")
                XCTAssertLessThanOrEqual(ride.ride, ride.limit, "\(r.spec.name): client \(ride.client) rides too long")
            }
        }
    }
}
