import DagrouteCore
import Foundation
import Instance
import Reports
import XCTest

/// The analysis of the default instance against an independent recomputation: its own
/// haversine and travel-time formula, straight from the client and location values.
final class CurrentSituationTests: XCTestCase {
    static let defaultInstance = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Instances/gooi-en-vechtstreek")

    /// Drive seconds by the documented crow-fly formula (TravelTimeModel's documentation).
    static func independentSeconds(_ a: GeoPoint, _ b: GeoPoint, detour: Double, short: Double, long: Double, halfKm: Double) -> Int {
        let r = 6_371_008.8, rad = Double.pi / 180
        let h = pow(sin((b.lat - a.lat) * rad / 2), 2) + cos(a.lat * rad) * cos(b.lat * rad) * pow(sin((b.lon - a.lon) * rad / 2), 2)
        let km = 2 * r * asin(sqrt(h)) / 1000
        guard km > 0 else { return 0 }
        let speed = short + (long - short) * km / (km + halfKm)
        return Int((detour * km / speed * 3600).rounded())
    }

    func check(_ instance: Instance, model: TravelTimeModel) throws {
        let a = CurrentSituation(instance: instance, model: model)
        let locations = Dictionary(uniqueKeysWithValues: instance.locations.map { ($0.id, $0) })
        var times: [Int] = [], transported: [Int] = []
        for c in instance.clients {
            guard let id = c.currentLocation else { continue }
            let t = Self.independentSeconds(c.position, locations[id]!.position, detour: model.detourFactor, short: model.speedShortKmh,
                                            long: model.speedLongKmh, halfKm: Double(model.halfSpeedDistance.value) / 1000)
            times.append(t)
            if c.needsTransport { transported.append(t) }
        }
        XCTAssertEqual(a.all.count, times.count)
        XCTAssertEqual(a.transported.count, transported.count)
        for (d, ts) in [(a.all, times), (a.transported, transported)] {
            XCTAssertEqual(d.over30, ts.filter { $0 > 1800 }.count)
            XCTAssertEqual(d.over45, ts.filter { $0 > 2700 }.count)
            XCTAssertEqual(d.over60, ts.filter { $0 > 3600 }.count)
            XCTAssertEqual(d.share(d.over30), Double(ts.filter { $0 > 1800 }.count) / Double(ts.count), accuracy: 1e-12)
            XCTAssertEqual(d.maxTime.value, ts.max())
            XCTAssertEqual(d.meanTime, Double(ts.reduce(0, +)) / Double(ts.count), accuracy: 1e-9)
            let sorted = ts.sorted()
            XCTAssertEqual(d.medianTime.value, sorted[(sorted.count + 1) / 2 - 1], "nearest-rank median")
        }
    }

    func testDefaultInstanceAgreesWithAnIndependentRecomputation() throws {
        let instance = try InstanceReader.read(folder: Self.defaultInstance)
        try check(instance, model: instance.settings.travelTime)
        // Slow driving makes the 30/45/60-minute shares non-trivial.
        try check(instance, model: TravelTimeModel(detourFactor: 1.5, speedShortKmh: 6, speedLongKmh: 12, halfSpeedDistance: Metres(3000)))
        let slow = CurrentSituation(instance: instance, model: TravelTimeModel(detourFactor: 1.5, speedShortKmh: 6, speedLongKmh: 12))
        XCTAssertGreaterThan(slow.all.over30, 0)
        XCTAssertGreaterThan(slow.all.over30, slow.all.over60)
    }

    func testCatchmentsFlowsAndCapacityUseAddUp() throws {
        let instance = try InstanceReader.read(folder: Self.defaultInstance)
        let a = CurrentSituation(instance: instance)
        let withLocation = instance.clients.filter { $0.currentLocation != nil }
        XCTAssertEqual(a.catchments.reduce(0) { $0 + $1.direct.count }, withLocation.count)
        XCTAssertEqual(a.flows.reduce(0) { $0 + $1.clients }, withLocation.count)
        XCTAssertEqual(a.municipalities.reduce(0) { $0 + $1.clients }, instance.clients.count)
        for m in a.municipalities {
            XCTAssertEqual(a.flows.filter { $0.from == m.name }.reduce(0) { $0 + $1.clients },
                           withLocation.filter { $0.municipality == m.name }.count)
        }
        // Capacity use: recount one busy slot from the clients.
        for use in a.capacityUse where use.location == "L01" || use.location == "L25" {
            let expected = withLocation.filter { c in
                c.currentLocation == use.location && c.days.contains(use.day)
                    && (c.dayPart == .day || c.dayPart == use.slot)
            }.count
            XCTAssertEqual(use.clients, expected, "\(use.location) \(use.day) \(use.slot)")
            XCTAssertEqual(use.capacity, instance.location(id: use.location)!.capacity(on: use.day))
        }
        XCTAssertEqual(a.capacityUse.count, a.catchments.count * a.days.count * 2)
        // Catchment distances: the mean of the estimated road distances of the location's clients.
        let l01 = try XCTUnwrap(a.catchments.first { $0.location.id == "L01" })
        let l01Position = instance.location(id: "L01")!.position
        let metres = withLocation.filter { $0.currentLocation == "L01" }.map { (1.3 * $0.position.greatCircleMetres(to: l01Position)).rounded() }
        XCTAssertEqual(l01.direct.meanDistance, metres.reduce(0, +) / Double(metres.count), accuracy: 1e-6)
        XCTAssertEqual(l01.municipality, "Hilversum")
    }

    /// The default locations are named after their town; DOMAIN.md maps towns to municipalities.
    /// The nearest-homes estimate must agree for every one of them.
    func testLocationMunicipalityEstimateAgreesWithTheTownInTheName() throws {
        let towns = ["Hilversum": "Hilversum", "Bussum": "Gooise Meren", "Naarden": "Gooise Meren", "Muiden": "Gooise Meren",
                     "Muiderberg": "Gooise Meren", "Huizen": "Huizen", "Loosdrecht": "Wijdemeren", "Kortenhoef": "Wijdemeren",
                     "'s-Graveland": "Wijdemeren", "Ankeveen": "Wijdemeren", "Nederhorst den Berg": "Wijdemeren",
                     "Blaricum": "Blaricum", "Laren": "Laren", "Eemnes": "Eemnes", "Weesp": "Weesp"]
        let instance = try InstanceReader.read(folder: Self.defaultInstance)
        let a = CurrentSituation(instance: instance)
        XCTAssertEqual(a.catchments.count, 25)
        for c in a.catchments {
            let town = try XCTUnwrap(towns.keys.filter { c.location.name.contains($0) }.max { $0.count < $1.count }, c.location.name)
            XCTAssertEqual(c.municipality, towns[town], c.location.name)
        }
    }

    func testReportModelAndTextNameNoClientInTables() throws {
        let instance = try InstanceReader.read(folder: Self.defaultInstance)
        let a = CurrentSituation(instance: instance)
        let text = a.text(instanceName: "x"), json = a.json(instanceName: "x").text()
        for c in instance.clients.prefix(50) {
            XCTAssertFalse(text.contains(c.id)); XCTAssertFalse(json.contains(c.id))
        }
        let model = a.reportModel(instance: instance, instanceName: "x")
        XCTAssertEqual(model.clients.count, instance.clients.count)
        XCTAssertEqual(model.locations.count, a.catchments.count)
        let scan = XHTMLScan.parse(HTMLReport.render(model))
        XCTAssertNil(scan.error)
        XCTAssertEqual(HTMLReportTests.externalReferences(scan), [])
    }
}
