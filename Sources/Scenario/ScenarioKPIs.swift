import DagrouteCore
import Instance

/// Transport cost of a weekday's routes, euro cents: per vehicle type, its fixed daily cost times
/// the most routes of that type in one wave (a vehicle serves several waves), plus, per route,
/// hours from depot departure to return × cost per hour and kilometres × cost per km.
public func dayCost(_ plan: DayPlan, fleet: [VehicleType]) -> Double {
    let rows = Dictionary(uniqueKeysWithValues: fleet.map { ($0.id, $0) })
    var total = 0.0
    var peak: [String: Int] = [:]
    for wave in plan.waves {
        var count: [String: Int] = [:]
        for r in wave.routes {
            let v = rows[r.fleetRow]!
            count[r.fleetRow, default: 0] += 1
            total += Double(v.costPerHour.value) * Double(r.duration.value) / 3600 + Double(v.costPerKm.value) * Double(r.distance.value) / 1000
        }
        for (k, n) in count { peak[k] = max(peak[k] ?? 0, n) }
    }
    for (k, n) in peak { total += Double(rows[k]!.fixedCostPerDay.value) * Double(n) }
    return total
}

/// The key figures of one scenario over the five working days (issue 6). Money in euros, time
/// in hours or minutes, distance in kilometres, as named.
public struct ScenarioKPIs: Sendable, Codable, Equatable {
    public var name: String
    /// Mean cost of a planned day (cost of the planned days / their number; weekly cost / 5 in
    /// `compare`), euros.
    public var costEurPerDay: Double
    /// Cost of all planned days (the five working days in `compare`), euros.
    public var costEurPerWeek: Double
    /// Per day × `working_days_per_year`, euros.
    public var costEurPerYear: Double
    public var vehicleHoursPerWeek: Double
    public var kmPerWeek: Double
    /// Most vehicles on the road in one wave over the week.
    public var peakVehicles: Int
    public var meanRideMin: Double
    public var maxRideMin: Double
    /// Share (0…1) of rides longer than the settings' ride-time norm (`ride_time`, or the client's own).
    public var shareOverNorm: Double
    public var clientsMoved: Int
    public var clientsUnplaced: Int
    /// Rides that no vehicle could take.
    public var ridesUnrouted: Int
    /// Rides planned per week.
    public var ridesPerWeek: Int
    /// Client-days with transport per week.
    public var clientDaysPerWeek: Int
    /// Weekly cost / client-days, euros.
    public var costEurPerClientDay: Double
    /// Mean transport tariff paid per client-day (settings' tariffs; long-distance factor on the
    /// crow-fly-based road estimate), euros.
    public var tariffEurPerClientDay: Double
    /// Σ over placed clients of 2 × direct time × attendance days, hours per week.
    public var directTravelHoursPerWeek: Double
    /// Care costs by indication, when the settings give `care_tariffs`: per week Σ over placed
    /// clients of that product of attendance days × day parts per day × tariff per day part, and
    /// that per client-day (all placed clients of the product, with or without transport), euros.
    public var careBasisEurPerWeek: Double?
    public var careExtraEurPerWeek: Double?
    public var careBasisEurPerClientDay: Double?
    public var careExtraEurPerClientDay: Double?

    enum CodingKeys: String, CodingKey {
        case name, costEurPerDay = "cost_eur_per_day", costEurPerWeek = "cost_eur_per_week", costEurPerYear = "cost_eur_per_year"
        case vehicleHoursPerWeek = "vehicle_hours_per_week", kmPerWeek = "km_per_week", peakVehicles = "peak_vehicles"
        case meanRideMin = "mean_ride_min", maxRideMin = "max_ride_min", shareOverNorm = "share_over_norm"
        case clientsMoved = "clients_moved", clientsUnplaced = "clients_unplaced", ridesUnrouted = "rides_unrouted"
        case ridesPerWeek = "rides_per_week", clientDaysPerWeek = "client_days_per_week"
        case costEurPerClientDay = "cost_eur_per_client_day", tariffEurPerClientDay = "tariff_eur_per_client_day"
        case directTravelHoursPerWeek = "direct_travel_hours_per_week"
        case careBasisEurPerWeek = "care_basis_eur_per_week", careExtraEurPerWeek = "care_extra_eur_per_week"
        case careBasisEurPerClientDay = "care_basis_eur_per_client_day", careExtraEurPerClientDay = "care_extra_eur_per_client_day"
    }

    /// The CSV/JSON column names in order.
    public static let columns = ["name", "cost_eur_per_day", "cost_eur_per_week", "cost_eur_per_year", "vehicle_hours_per_week",
                                 "km_per_week", "peak_vehicles", "mean_ride_min", "max_ride_min", "share_over_norm",
                                 "clients_moved", "clients_unplaced", "rides_unrouted", "rides_per_week", "client_days_per_week",
                                 "cost_eur_per_client_day", "tariff_eur_per_client_day", "direct_travel_hours_per_week",
                                 "care_basis_eur_per_week", "care_extra_eur_per_week", "care_basis_eur_per_client_day",
                                 "care_extra_eur_per_client_day"]

    /// The care-cost figures as `kpis.csv` fields (empty without `care_tariffs`), in `columns` order.
    var careFields: [String] {
        [careBasisEurPerWeek, careExtraEurPerWeek, careBasisEurPerClientDay, careExtraEurPerClientDay].map { $0.map(ScenarioWriters.num) ?? "" }
    }

    /// The figures of `days` under `assignment`.
    public init(name: String, instance: Instance, table: TravelTable, assignment: CareAssignment, days: [DayPlan]) {
        let settings = instance.settings
        self.name = name
        let weekCents = days.reduce(0.0) { $0 + dayCost($1, fleet: instance.fleet) }
        costEurPerWeek = weekCents / 100
        costEurPerDay = costEurPerWeek / Double(max(1, days.count))
        costEurPerYear = costEurPerDay * Double(settings.workingDaysPerYear)
        let routes = days.flatMap { $0.waves.flatMap(\.routes) }
        vehicleHoursPerWeek = Double(routes.reduce(0) { $0 + $1.duration.value }) / 3600
        kmPerWeek = Double(routes.reduce(0) { $0 + $1.distance.value }) / 1000
        peakVehicles = days.map(\.peakVehicles).max() ?? 0
        let rides = days.flatMap { $0.waves.flatMap(\.rides) }
        ridesPerWeek = rides.count
        meanRideMin = rides.isEmpty ? 0 : Double(rides.reduce(0) { $0 + $1.ride.value }) / Double(rides.count) / 60
        maxRideMin = Double(rides.map(\.ride.value).max() ?? 0) / 60
        let over = rides.filter { $0.ride > settings.maxRide(for: instance.clients[$0.client], direct: $0.direct) }.count
        shareOverNorm = rides.isEmpty ? 0 : Double(over) / Double(rides.count)
        clientsMoved = assignment.moved.count
        clientsUnplaced = assignment.waiting.count
        ridesUnrouted = days.reduce(0) { $0 + $1.waves.reduce(0) { $0 + $1.unrouted.count } }
        var clientDays = 0, tariffCents = 0
        for (c, client) in instance.clients.enumerated() where client.needsTransport {
            guard let l = assignment.locationOfClient[c] else { continue }
            let distance = Metres(table.distance(table.client(c), table.location(l)))
            clientDays += client.days.filter(Weekday.workingDays.contains).count
            tariffCents += client.days.filter(Weekday.workingDays.contains).count * settings.tariff(for: client, distance: distance).value
        }
        clientDaysPerWeek = clientDays
        costEurPerClientDay = clientDays == 0 ? 0 : costEurPerWeek / Double(clientDays)
        tariffEurPerClientDay = clientDays == 0 ? 0 : Double(tariffCents) / 100 / Double(clientDays)
        directTravelHoursPerWeek = Double(assignment.weeklyDirectTravel(instance, table).value) / 3600
        if let tariffs = settings.careTariffs {
            var cents: [CareProduct: Int] = [:], careDays: [CareProduct: Int] = [:]
            for (c, client) in instance.clients.enumerated() where assignment.locationOfClient[c] != nil {
                let days = client.days.filter(Weekday.workingDays.contains).count
                careDays[client.product, default: 0] += days
                cents[client.product, default: 0] += days * client.dayPart.slots.count * tariffs.perDayPart(client.product).value
            }
            func perDay(_ p: CareProduct) -> Double { careDays[p, default: 0] == 0 ? 0 : Double(cents[p, default: 0]) / 100 / Double(careDays[p]!) }
            careBasisEurPerWeek = Double(cents[.basis, default: 0]) / 100; careExtraEurPerWeek = Double(cents[.extra, default: 0]) / 100
            careBasisEurPerClientDay = perDay(.basis); careExtraEurPerClientDay = perDay(.extra)
        }
        roundForOutput()
    }

    /// Money to cents, hours and kilometres to 3 decimals, minutes to 2, the share to 4.
    private mutating func roundForOutput() {
        func r(_ x: Double, _ digits: Double) -> Double { (x * digits).rounded() / digits }
        costEurPerDay = r(costEurPerDay, 100); costEurPerWeek = r(costEurPerWeek, 100); costEurPerYear = r(costEurPerYear, 100)
        vehicleHoursPerWeek = r(vehicleHoursPerWeek, 1000); kmPerWeek = r(kmPerWeek, 1000)
        meanRideMin = r(meanRideMin, 100); maxRideMin = r(maxRideMin, 100); shareOverNorm = r(shareOverNorm, 10000)
        costEurPerClientDay = r(costEurPerClientDay, 100); tariffEurPerClientDay = r(tariffEurPerClientDay, 100)
        directTravelHoursPerWeek = r(directTravelHoursPerWeek, 1000)
        careBasisEurPerWeek = careBasisEurPerWeek.map { r($0, 100) }; careExtraEurPerWeek = careExtraEurPerWeek.map { r($0, 100) }
        careBasisEurPerClientDay = careBasisEurPerClientDay.map { r($0, 100) }; careExtraEurPerClientDay = careExtraEurPerClientDay.map { r($0, 100) }
    }
}
