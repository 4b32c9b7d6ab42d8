import DagrouteCore
import Foundation
import Instance
import XCTest
@testable import Scenario

/// Care costs by indication: recomputed by hand from the clients and the day-part tariffs, and
/// absent from the outputs when the settings give no `care_tariffs`.
final class CareCostTests: XCTestCase {
    private func kpis(_ settings: Settings) throws -> ScenarioKPIs {
        let base = Fixture.small
        let instance = try Instance(clients: base.clients, locations: base.locations, fleet: base.fleet, settings: settings)
        let table = TravelTable(instance)
        let assignment = try CareAssignmentBuilder.solve(instance, ScenarioCatalog.statusQuo, table: table)
        return ScenarioKPIs(name: "status-quo", instance: instance, table: table, assignment: assignment, days: [])
    }

    func testCareCostsByIndicationFollowDayPartsAndTariffs() throws {
        let settings = Settings(scenarios: Fixture.small.settings.scenarios,
                                careTariffs: CareTariffs(basisPerDayPart: EuroCents(1000), extraPerDayPart: EuroCents(3000)))
        let k = try kpis(settings)
        // Every client of the status quo keeps their location: all are placed.
        var week = ["basis": 0.0, "extra": 0.0], days = ["basis": 0, "extra": 0]
        for c in Fixture.small.clients {
            let parts = c.dayPart == .day ? 2 : 1
            week[c.product.rawValue]! += Double(c.days.count * parts) * (c.product == .basis ? 10 : 30)
            days[c.product.rawValue]! += c.days.count
        }
        XCTAssertGreaterThan(days["basis"]!, 0); XCTAssertGreaterThan(days["extra"]!, 0)
        XCTAssertEqual(k.careBasisEurPerWeek!, week["basis"]!, accuracy: 0.005)
        XCTAssertEqual(k.careExtraEurPerWeek!, week["extra"]!, accuracy: 0.005)
        XCTAssertEqual(k.careBasisEurPerClientDay!, week["basis"]! / Double(days["basis"]!), accuracy: 0.005)
        XCTAssertEqual(k.careExtraEurPerClientDay!, week["extra"]! / Double(days["extra"]!), accuracy: 0.005)
        // A care day costs one or two day parts.
        XCTAssert((10...20).contains(k.careBasisEurPerClientDay!)); XCTAssert((30...60).contains(k.careExtraEurPerClientDay!))
    }

    func testWithoutCareTariffsNothingIsReported() throws {
        let k = try kpis(Settings(scenarios: Fixture.small.settings.scenarios))
        XCTAssertNil(k.careBasisEurPerWeek); XCTAssertNil(k.careExtraEurPerClientDay)
        let encoded = String(decoding: try JSONEncoder().encode(k), as: UTF8.self)
        XCTAssertFalse(encoded.contains("care_"), encoded)
        XCTAssertTrue(k.careFields.allSatisfy(\.isEmpty))
        XCTAssertEqual(k.careFields.count, 4)
        let withTariffs = try kpis(Fixture.small.settings)
        XCTAssertTrue(String(decoding: try JSONEncoder().encode(withTariffs), as: UTF8.self).contains("\"care_basis_eur_per_week\""))
    }

    func testCareTariffsRoundTripThroughSettingsJSON() throws {
        let folder = Fixture.temporaryFolder()
        try InstanceWriter.write(Fixture.small, to: folder)
        let text = try String(contentsOf: folder.appendingPathComponent("settings.json"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"basis_per_day_part_eur\": 38.13"), text)
        let read = try InstanceReader.read(folder: folder)
        XCTAssertEqual(read.settings.careTariffs, CareTariffs())
    }
}
