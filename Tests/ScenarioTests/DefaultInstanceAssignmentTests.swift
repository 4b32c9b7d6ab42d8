import Foundation
import Instance
import XCTest
@testable import Scenario

/// The assignment side of every scenario of the default instance (cheap: no routing).
final class DefaultInstanceAssignmentTests: XCTestCase {
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
}
