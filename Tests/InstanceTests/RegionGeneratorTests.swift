import DagrouteCore
@testable import Instance
import XCTest

final class RegionGeneratorTests: XCTestCase {
    func testSameSeedSameRegionOtherSeedOtherRegion() throws {
        let a = InstanceWriter.files(try RegionGenerator(clients: 150, seed: 7).generate())
        let b = InstanceWriter.files(try RegionGenerator(clients: 150, seed: 7).generate())
        let c = InstanceWriter.files(try RegionGenerator(clients: 150, seed: 8).generate())
        XCTAssertEqual(a.map(\.text), b.map(\.text))
        XCTAssertNotEqual(a[0].text, c[0].text)
    }

    /// The default region has the shape DESIGN §5 and the brief ask for, checked by code
    /// independent of the generator's internals.
    func testDefaultRegionIsRealistic() throws {
        let i = try RegionGenerator().generate()
        XCTAssertEqual(i.clients.count, 600)
        XCTAssertEqual(i.providers.count, 8)
        XCTAssertEqual(i.locations.filter { $0.status == .open }.count, 25)
        XCTAssertEqual(i.warnings, [])

        // Clients per municipality in proportion to population (DOMAIN.md), within one client.
        let population = ["Hilversum": 92_000, "Gooise Meren": 60_000, "Huizen": 42_000, "Wijdemeren": 25_000,
                          "Blaricum": 12_000, "Laren": 11_500, "Eemnes": 10_000, "Weesp": 20_000]
        let total = Double(population.values.reduce(0, +))
        for (m, p) in population {
            let n = i.clients.filter { $0.municipality == m }.count
            XCTAssertEqual(Double(n), 600 * Double(p) / total, accuracy: 1.0, m)
        }
        // Homes near their town, in the Netherlands, not in the mapped lakes.
        for c in i.clients {
            XCTAssertTrue(c.position.isInNetherlands)
            XCTAssertFalse(GooiEnVechtstreek.isWater(c.position), c.id)
            let nearest = GooiEnVechtstreek.towns.filter { $0.municipality == c.municipality }
                .map { $0.centre.greatCircleMetres(to: c.position) }.min()!
            XCTAssertLessThan(nearest, 5_000, c.id)
        }
        let wheelchairShare = Double(i.clients.filter(\.wheelchair).count) / 600
        XCTAssertTrue((0.15...0.20).contains(wheelchairShare), "\(wheelchairShare)")
        XCTAssertTrue(i.clients.contains { !$0.needsTransport })
        XCTAssertTrue(i.clients.allSatisfy { !$0.wheelchair || $0.needsTransport })
        XCTAssertEqual(Set(i.clients.map { $0.days.count }), [1, 2, 3, 4, 5])
        XCTAssertEqual(Set(i.clients.map(\.dayPart)), Set(DayPart.allCases))
        XCTAssertEqual(Set(i.clients.map(\.targetGroup)), Set(TargetGroup.allCases))

        // Status quo is feasible: every client at an open, suitable location of their own provider,
        // and no location over capacity on any weekday and slot.
        var notNearest = 0
        for c in i.clients {
            let l = try XCTUnwrap(i.location(id: c.currentLocation ?? ""))
            XCTAssertEqual(l.status, .open); XCTAssertEqual(l.provider, c.provider); XCTAssertTrue(l.accepts(c))
            let own = i.locations.filter { $0.status == .open && $0.provider == c.provider && $0.accepts(c) }
            if own.contains(where: { $0.position.greatCircleMetres(to: c.position) < l.position.greatCircleMetres(to: c.position) }) { notNearest += 1 }
        }
        XCTAssertTrue((20...150).contains(notNearest), "some, not most, clients attend a farther location: \(notNearest)")
        var utilisation: [String: Double] = [:]
        for l in i.locations where l.status == .open {
            var peak = 0.0
            for day in Weekday.workingDays {
                for slot in [DayPart.morning, .afternoon] {
                    let load = i.clients.filter { $0.currentLocation == l.id && $0.attends(day, slot: slot) }.count
                    XCTAssertLessThanOrEqual(load, l.capacity(on: day), "\(l.id) \(day) \(slot)")
                    peak = max(peak, Double(load) / Double(l.capacity))
                }
            }
            utilisation[l.id] = peak
        }
        // Tight in some towns, loose in others.
        XCTAssertGreaterThanOrEqual(utilisation.values.filter { $0 >= 0.9 }.count, 4)
        XCTAssertGreaterThanOrEqual(utilisation.values.filter { $0 <= 0.8 }.count, 8)

        // Fleets: 8-passenger vans, some with wheelchair places, per provider and a regional pool.
        XCTAssertTrue(i.fleet.allSatisfy { $0.seats + $0.wheelchairPlaces == 8 })
        XCTAssertEqual(Set(i.fleet.compactMap(\.provider)), Set(i.providers))
        XCTAssertTrue(i.fleet.contains { $0.provider == nil && $0.wheelchairPlaces > 0 })

        // Scenarios: a closure, a provider exit, a stricter ride-time policy.
        let names = i.settings.scenarios.map(\.name)
        XCTAssertTrue(names.contains { $0.hasPrefix("close-") })
        XCTAssertTrue(names.contains { $0.hasPrefix("exit-") })
        XCTAssertTrue(names.contains("strict-ride"))
    }

    func testApportionIsExactAndProportional() {
        XCTAssertEqual(RegionGenerator.apportion(10, weights: [1, 1, 1]), [4, 3, 3])
        XCTAssertEqual(RegionGenerator.apportion(7, weights: [5, 0, 2]), [5, 0, 2])
        XCTAssertEqual(RegionGenerator.apportion(1, weights: [1, 3]), [0, 1])
    }

    func testOtherSeedsAndSizesAreValidWithoutWarnings() throws {
        for seed in UInt64(2)...6 {
            for n in [7, 90] {
                let i = try RegionGenerator(clients: n, seed: seed).generate()
                XCTAssertEqual(i.clients.count, n)
                XCTAssertEqual(i.warnings, [], "seed \(seed), \(n) clients")
            }
        }
    }

    func testTinyRegionIsStillValid() throws {
        let i = try RegionGenerator(clients: 1, seed: 3).generate()
        XCTAssertEqual(i.clients.count, 1)
        XCTAssertEqual(i.warnings, [])
    }
}
