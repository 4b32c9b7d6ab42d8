import DagrouteCore
import Foundation
import Instance
import XCTest
@testable import Scenario

/// KPIs recomputed from the written route sheets (independent code) equal those in summary.json,
/// and every ride on the sheets is on time and within its limit.
final class RouteSheetKPITests: XCTestCase {
    nonisolated(unsafe) static var cached: (results: [ScenarioResult], folder: URL)?

    static func run() throws -> (results: [ScenarioResult], folder: URL) {
        if let cached { return cached }
        let instance = Fixture.small
        let results = try ScenarioRunner.run(instance, scenarios: ScenarioCatalog.all(instance.settings), options: Fixture.options)
        let folder = Fixture.temporaryFolder()
        for r in results {
            try AtomicFile.write(ScenarioWriters.routesCSV(r.days), to: folder.appendingPathComponent(ScenarioWriters.routesFileName(r.spec.name)))
        }
        try AtomicFile.write(try ScenarioWriters.summaryJSON(results), to: folder.appendingPathComponent("summary.json"))
        cached = (results, folder)
        return (results, folder)
    }

    func testSummaryKPIsEqualRecomputationFromSheets() throws {
        let (results, folder) = try Self.run()
        let instance = Fixture.small
        let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        let summary = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["scenarios"] as? [[String: Any]])
        XCTAssertEqual(summary.map { $0["name"] as? String }, results.map(\.spec.name))
        XCTAssertEqual(Array(summary.prefix(3)).map { $0["name"] as? String }, ["status-quo", "pooled", "reassigned-pooled"])
        let rates = Dictionary(uniqueKeysWithValues: instance.fleet.map { ($0.id, $0) })
        for entry in summary {
            for key in ["name", "cost_eur_per_year", "cost_eur_per_day", "vehicle_hours_per_week", "km_per_week", "peak_vehicles", "mean_ride_min", "max_ride_min"] {
                XCTAssertNotNil(entry[key], "summary.json lacks \(key)")
            }
            let name = entry["name"] as! String
            let rows = try Fixture.readSheet(folder.appendingPathComponent("routes-\(name).csv"))
            // Group rows into routes (day, trip, vehicle) in file order.
            var routes: [String: [Fixture.SheetRow]] = [:]
            for row in rows { routes["\(row.day)|\(row.trip)|\(row.vehicle)", default: []].append(row) }
            var cents = 0.0, seconds = 0, metres = 0
            var perWave: [String: [String: Int]] = [:]   // day|trip → fleet row → routes
            var rides: [Int] = []
            for (key, stops) in routes {
                XCTAssertEqual(stops.first?.stopType, "depart"); XCTAssertEqual(stops.last?.stopType, "return")
                let v = try XCTUnwrap(rates[stops[0].fleetRow])
                let duration = stops.last!.planned - stops.first!.planned, length = stops.reduce(0) { $0 + $1.leg }
                seconds += duration; metres += length
                cents += Double(v.costPerHour.value) * Double(duration) / 3600 + Double(v.costPerKm.value) * Double(length) / 1000
                let wave = key.split(separator: "|").prefix(2).joined(separator: "|")
                perWave[wave, default: [:]][stops[0].fleetRow, default: 0] += 1
                var boarded: [String: Int] = [:]
                for s in stops {
                    if s.stopType == "pickup" { boarded[s.client] = s.done }
                    if s.stopType == "dropoff" { rides.append(s.planned - boarded.removeValue(forKey: s.client)!) }
                }
                XCTAssertTrue(boarded.isEmpty, "every client boarded is dropped on the same route")
            }
            // Fixed cost: per day and fleet row, the most routes of that row in one wave.
            var peakPerDayRow: [String: Int] = [:]
            var peak = 0
            var perDay: [String: Int] = [:]
            for (wave, counts) in perWave {
                let day = String(wave.split(separator: "|")[0])
                for (row, n) in counts { peakPerDayRow["\(day)|\(row)"] = max(peakPerDayRow["\(day)|\(row)"] ?? 0, n) }
                perDay[day] = max(perDay[day] ?? 0, counts.values.reduce(0, +))
            }
            peak = perDay.values.max() ?? 0
            for (key, n) in peakPerDayRow { cents += Double(rates[String(key.split(separator: "|")[1])]!.fixedCostPerDay.value) * Double(n) }
            let perDayEuro = cents / 100 / 5
            XCTAssertEqual(entry["cost_eur_per_day"] as! Double, perDayEuro, accuracy: 0.01, name)
            XCTAssertEqual(entry["cost_eur_per_year"] as! Double, perDayEuro * Double(instance.settings.workingDaysPerYear), accuracy: 0.01 * Double(instance.settings.workingDaysPerYear), name)
            XCTAssertEqual(entry["vehicle_hours_per_week"] as! Double, Double(seconds) / 3600, accuracy: 0.001, name)
            XCTAssertEqual(entry["km_per_week"] as! Double, Double(metres) / 1000, accuracy: 0.001, name)
            XCTAssertEqual(entry["peak_vehicles"] as! Int, peak, name)
            XCTAssertEqual(entry["mean_ride_min"] as! Double, rides.isEmpty ? 0 : Double(rides.reduce(0, +)) / Double(rides.count) / 60, accuracy: 0.01, name)
            XCTAssertEqual(entry["max_ride_min"] as! Double, Double(rides.max() ?? 0) / 60, accuracy: 0.01, name)
            XCTAssertGreaterThan(rides.count, 0, name)
        }
    }

    /// Independent check of every scenario's sheet: the programme start is met inbound, pickup
    /// within the departure window outbound, every ride within the policy's limit (recomputed from
    /// the great-circle distance and the settings' travel-time model), load within the vehicle.
    func testSheetsHaveNoLateArrivalAndNoRideOverItsLimit() throws {
        let (results, folder) = try Self.run()
        let instance = Fixture.small
        let clients = Dictionary(uniqueKeysWithValues: instance.clients.map { ($0.id, $0) })
        let locations = Dictionary(uniqueKeysWithValues: instance.locations.map { ($0.id, $0) })
        let rates = Dictionary(uniqueKeysWithValues: instance.fleet.map { ($0.id, $0) })
        let s = instance.settings
        var checked = 0
        for r in results {
            let policy = r.spec.rideTime ?? s.rideTime
            let rows = try Fixture.readSheet(folder.appendingPathComponent("routes-\(r.spec.name).csv"))
            var boarded: [String: (done: Int, start: Int, place: String)] = [:]
            for row in rows {
                let v = rates[row.fleetRow]!
                XCTAssertLessThanOrEqual(row.seats, v.seats); XCTAssertLessThanOrEqual(row.chairs, v.wheelchairPlaces)
                XCTAssertGreaterThanOrEqual(row.seats, 0); XCTAssertGreaterThanOrEqual(row.chairs, 0)
                guard let client = clients[row.client] else { continue }
                let key = "\(row.day)|\(row.trip)|\(row.client)"
                if row.stopType == "pickup" { boarded[key] = (row.done, row.planned, row.place); continue }
                let pickup = try XCTUnwrap(boarded.removeValue(forKey: key))
                let inbound = pickup.place == "home"
                let location = try XCTUnwrap(locations[inbound ? row.place : pickup.place])
                let half: DayPart = row.trip == "morning-in" ? .morning : row.trip == "afternoon-out" ? .afternoon : (inbound ? .afternoon : .morning)
                let programme = location.programme(half)
                if inbound {
                    XCTAssertLessThanOrEqual(row.done, programme.arrive.secondsSinceMidnight.value, "\(r.spec.name) \(key) arrives late")
                    XCTAssertGreaterThanOrEqual(row.planned, programme.arrive.secondsSinceMidnight.value - s.arrivalWindow.value - 1, "\(key) too early")
                } else {
                    XCTAssertGreaterThanOrEqual(pickup.start, programme.leave.secondsSinceMidnight.value, "\(key) leaves before the end")
                    XCTAssertLessThanOrEqual(pickup.start, programme.leave.secondsSinceMidnight.value + s.departureWindow.value, "\(key) picked up late")
                }
                let direct = s.travelTime.seconds(crowFly: client.position.greatCircleMetres(to: location.position))
                let limit = client.maxRide ?? policy.maxRide(direct: direct)
                XCTAssertLessThanOrEqual(row.planned - pickup.done, limit.value, "\(r.spec.name) \(key) rides too long")
                checked += 1
            }
            XCTAssertTrue(boarded.isEmpty)
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// Every transport-needing placed client gets every ride on every attendance day, or is
    /// reported unrouted with a reason.
    func testEveryRideIsPlannedOrReportedWithReason() throws {
        let (results, _) = try Self.run()
        let instance = Fixture.small
        for r in results {
            var expected = 0
            for (c, client) in instance.clients.enumerated() where client.needsTransport && r.assignment.locationOfClient[c] != nil {
                expected += client.days.filter(Weekday.workingDays.contains).count * 2
            }
            XCTAssertEqual(r.kpis.ridesPerWeek + r.kpis.ridesUnrouted, expected, r.spec.name)
            for day in r.days { for wave in day.waves { for u in wave.unrouted { XCTAssertFalse(u.reason.isEmpty) } } }
        }
    }

    func testPooledNeverCostsMoreThanStatusQuo() throws {
        let (results, _) = try Self.run()
        let statusQuo = results[0].kpis, pooled = results[1].kpis
        XCTAssertEqual(results[0].spec.name, "status-quo"); XCTAssertEqual(results[1].spec.name, "pooled")
        XCTAssertLessThanOrEqual(pooled.ridesUnrouted, statusQuo.ridesUnrouted)
        XCTAssertLessThanOrEqual(pooled.costEurPerWeek, statusQuo.costEurPerWeek + 0.005)
    }

    func testSameSeedSameRoutes() throws {
        let instance = Fixture.small
        var options = Fixture.options
        options.days = [.tue]
        let a = try ScenarioRunner.run(instance, scenarios: [ScenarioCatalog.pooled], options: options)
        options.threads = 1
        let b = try ScenarioRunner.run(instance, scenarios: [ScenarioCatalog.pooled], options: options)
        XCTAssertEqual(ScenarioWriters.routesCSV(a[0].days), ScenarioWriters.routesCSV(b[0].days))
    }
}
