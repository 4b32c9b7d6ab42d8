import DagrouteCore
import Instance
import Scenario

/// Turns the results of `dagroute compare` into a `ReportModel`: the map shows every client at the
/// location of the first (baseline) scenario, the routes of one weekday for every scenario, the
/// savings table and charts, and the ride-time histogram of the first three scenarios.
public enum ScenarioReport {
    /// Builds the report model. `day` selects the weekday whose routes are drawn (all scenarios);
    /// the KPIs always cover the whole week.
    public static func model(instance: Instance, results: [ScenarioResult], day: Weekday = .mon,
                             instanceName: String) -> ReportModel {
        let baseline = results.first
        let clients = instance.clients.enumerated().map { index, client in
            ReportModel.Client(id: client.id, position: client.position,
                               location: baseline?.assignment.locationOfClient[index].map { instance.locations[$0].id })
        }
        let locations = instance.locations.filter { $0.status != .closed }.map {
            ReportModel.Location(id: $0.id, name: $0.name, position: $0.position, capacity: $0.capacity)
        }
        let scenarios = results.map { r in
            ReportModel.ScenarioKPIs(
                name: r.spec.name,
                costPerDay: EuroCents(euros: r.kpis.costEurPerDay),
                costPerYear: EuroCents(euros: r.kpis.costEurPerYear),
                vehicleTimePerWeek: Seconds(Int((r.kpis.vehicleHoursPerWeek * 3600).rounded())),
                distancePerWeek: Metres(Int((r.kpis.kmPerWeek * 1000).rounded())),
                peakVehicles: r.kpis.peakVehicles,
                meanRide: Seconds(Int((r.kpis.meanRideMin * 60).rounded())),
                maxRide: Seconds(Int((r.kpis.maxRideMin * 60).rounded())),
                clientsMoved: r.kpis.clientsMoved,
                clientsUnplaced: r.kpis.clientsUnplaced)
        }
        var routes: [ReportModel.Route] = []
        for r in results {
            for plan in r.days where plan.day == day {
                for wave in plan.waves {
                    for route in wave.routes {
                        routes.append(ReportModel.Route(scenario: r.spec.name, day: day.rawValue, wave: wave.wave.rawValue,
                                                        vehicle: route.vehicle, stops: route.stops.map(stop)))
                    }
                }
            }
        }
        let rideTimes = results.prefix(3).map { r in
            ReportModel.RideTimes(name: r.spec.name,
                                  samples: r.days.flatMap { $0.waves.flatMap { $0.rides.map(\.ride) } })
        }
        return ReportModel(
            title: "Day-care transport: scenario comparison",
            subtitle: "\(instanceName) · \(instance.clients.count) clients · routes drawn: \(day.rawValue) · costs per weekday Monday–Friday",
            clients: clients, locations: locations, scenarios: scenarios, routes: routes,
            rideTimes: rideTimes, rideTimeTitle: "Ride time per client ride, Monday to Friday")
    }

    private static func stop(_ s: RouteStop) -> ReportModel.Stop {
        switch s.kind {
        case .depart, .return:
            return ReportModel.Stop(kind: .depot, id: nil, position: s.position, time: s.time)
        case .pickup, .dropoff:
            if s.place == "home" {
                return ReportModel.Stop(kind: s.kind == .pickup ? .pickup : .dropoff, id: s.client, position: s.position, time: s.time)
            }
            return ReportModel.Stop(kind: .location, id: s.place, position: s.position, time: s.time)
        }
    }
}
