import DagrouteCore
import Foundation
import Reports

/// Report models made in code for the tests: hostile ids and names, two scenarios with routes.
enum ReportFixtures {
    static let nastyId = "<C&1> \"quoted\" 'x' //evil.example"

    static var model: ReportModel {
        let l1 = ReportModel.Location(id: "L1", name: "De Brug & <Co> \"Hilversum\"", position: GeoPoint(lat: 52.224, lon: 5.176), capacity: 24)
        let l2 = ReportModel.Location(id: "L2", name: "Bussum\u{1}\u{7f}", position: GeoPoint(lat: 52.274, lon: 5.161), capacity: 9)
        let homes = [GeoPoint(lat: 52.2301234, lon: 5.1712345), GeoPoint(lat: 52.2604321, lon: 5.1509876),
                     GeoPoint(lat: 52.2412345, lon: 5.2012345), GeoPoint(lat: 52.2198765, lon: 5.1398765)]
        let ids = [nastyId, "C0002", "C0003", "C0004"]
        let clients = zip(ids, homes).enumerated().map { k, pair in
            ReportModel.Client(id: pair.0, position: pair.1, location: k == 3 ? nil : (k % 2 == 0 ? "L1" : "L2"))
        }
        func route(_ scenario: String, _ wave: String, _ vehicle: String, _ who: [Int], to l: ReportModel.Location) -> ReportModel.Route {
            var t = 8 * 3600
            var stops = who.map { k -> ReportModel.Stop in
                t += 300
                return ReportModel.Stop(kind: .pickup, id: ids[k], position: homes[k], time: Seconds(t))
            }
            stops.append(ReportModel.Stop(kind: .location, id: l.id, position: l.position, time: Seconds(t + 600)))
            return ReportModel.Route(scenario: scenario, day: "mon", wave: wave, vehicle: vehicle, stops: stops)
        }
        return ReportModel(
            title: "Test <report> & more", subtitle: "synthetic",
            clients: clients, locations: [l1, l2],
            scenarios: [
                ReportModel.ScenarioKPIs(name: "status-quo", costPerDay: EuroCents(100_000), costPerYear: EuroCents(25_000_000),
                                         vehicleTimePerWeek: Seconds(36_000), distancePerWeek: Metres(800_000), peakVehicles: 4,
                                         meanRide: Seconds(900), maxRide: Seconds(2400)),
                ReportModel.ScenarioKPIs(name: "pooled <&>", costPerDay: EuroCents(80_000), costPerYear: EuroCents(20_000_000),
                                         vehicleTimePerWeek: Seconds(30_000), distancePerWeek: Metres(700_000), peakVehicles: 3,
                                         meanRide: Seconds(1000), maxRide: Seconds(2500), clientsMoved: 2, clientsUnplaced: 1),
            ],
            routes: [route("status-quo", "morning", "v1", [0, 2], to: l1), route("status-quo", "morning", "v2", [1], to: l2),
                     route("pooled <&>", "morning", "pool-1", [0, 1, 2], to: l1)],
            rideTimes: [ReportModel.RideTimes(name: "status-quo", samples: [Seconds(300), Seconds(900), Seconds(2400)]),
                        ReportModel.RideTimes(name: "pooled <&>", samples: [Seconds(600), Seconds(1000), Seconds(2500)])],
            tables: [ReportTable(title: "Extra & <table>", columns: [.text("a"), .number("b")])])
    }
}
