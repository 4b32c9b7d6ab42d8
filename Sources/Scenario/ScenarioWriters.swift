import DagrouteCore
import Foundation
import Instance

/// The files `assign`, `routes` and `compare` write, as text. Times `HH:MM:SS` since midnight,
/// distances in metres, money in euros.
public enum ScenarioWriters {
    /// How client data appears in the written files: `id` maps a client id to what is written
    /// (itself, or a pseudonym), `home` maps a client's home position to what is written (itself, or
    /// a grid point). Locations, depots, times, distances and loads are always written exactly, so
    /// KPIs recomputed from masked files equal the unmasked ones.
    public struct ClientMask: Sendable {
        public let id: @Sendable (String) -> String
        public let home: @Sendable (GeoPoint) -> GeoPoint
        public init(id: @escaping @Sendable (String) -> String, home: @escaping @Sendable (GeoPoint) -> GeoPoint) {
            self.id = id; self.home = home
        }
        /// Client ids and homes as they are.
        public static let none = ClientMask(id: { $0 }, home: { $0 })

        /// The position written for `stop`: masked at a client's home, exact elsewhere.
        func position(_ stop: RouteStop) -> GeoPoint { stop.client != nil && stop.place == "home" ? home(stop.position) : stop.position }
    }

    /// `HH:MM:SS` for seconds since midnight.
    public static func clock(_ s: Seconds) -> String {
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : String(x) }
        return two(s.value / 3600) + ":" + two(s.value / 60 % 60) + ":" + two(s.value % 60)
    }

    /// `x` with exactly `digits` decimals (no locale, no `String(format:)`, which is slow on Linux).
    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let n = Int((abs(x) * Double(scale)).rounded())
        var fraction = String(n % scale)
        while fraction.count < digits { fraction = "0" + fraction }
        return (x < 0 && n != 0 ? "-" : "") + String(n / scale) + (digits > 0 ? "." + fraction : "")
    }

    static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// `assignment.csv`: one row per client — `client_id,provider,current_location,location,moved,status,reason,direct_min,direct_km`
    /// (`status` `placed` or `waiting`; `reason` for waiting clients).
    /// Client ids pass through `mask`.
    public static func assignmentCSV(_ instance: Instance, _ table: TravelTable, _ a: CareAssignment, mask: ClientMask = .none) -> String {
        var out = "client_id,provider,current_location,location,moved,status,reason,direct_min,direct_km\n"
        let reasons = Dictionary(uniqueKeysWithValues: a.waiting.map { ($0.client, $0.reason.rawValue) })
        let moved = Set(a.moved)
        for (c, client) in instance.clients.enumerated() {
            var row = [field(mask.id(client.id)), field(client.provider), field(client.currentLocation ?? "")]
            if let l = a.locationOfClient[c] {
                let t = table.time(table.client(c), table.location(l)), d = table.distance(table.client(c), table.location(l))
                row += [field(instance.locations[l].id), moved.contains(c) ? "1" : "0", "placed", "",
                        fixed(Double(t) / 60, 1), fixed(Double(d) / 1000, 2)]
            } else {
                row += ["", "0", "waiting", reasons[c] ?? "", "", ""]
            }
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The route sheet columns, in order.
    public static let routeColumns = ["day", "trip", "vehicle", "fleet_row", "sequence", "stop_type", "client_id", "location_id",
                                      "lat", "lon", "planned_time", "done_time", "leg_m", "load_seats", "load_wheelchairs"]

    /// `routes.csv`: one row per stop of every route (depot departure and return included);
    /// `trip` is the wave, `location_id` the location (or `home`, or the fleet row at a depot),
    /// loads are what is on board after the stop. Client ids and home positions pass through `mask`.
    public static func routesCSV(_ days: [DayPlan], mask: ClientMask = .none) -> String {
        var out = routeColumns.joined(separator: ",") + "\n"
        for day in days {
            for wave in day.waves {
                for route in wave.routes {
                    for (k, s) in route.stops.enumerated() {
                        let position = mask.position(s)
                        out += [day.day.rawValue, wave.wave.rawValue, field(route.vehicle), field(route.fleetRow), String(k),
                                s.kind.rawValue, field(s.client.map(mask.id) ?? ""), field(s.place),
                                fixed(position.lat, 6), fixed(position.lon, 6),
                                clock(s.time), clock(s.done), String(s.leg.value), String(s.seats), String(s.wheelchairs)]
                            .joined(separator: ",") + "\n"
                    }
                }
            }
        }
        return out
    }

    /// GeoJSON: a `LineString` per route (properties day, trip, vehicle, km, minutes) and a `Point`
    /// per client stop (day, trip, vehicle, stop type, client, place, planned time). Client ids and
    /// home positions pass through `mask` (in the lines as in the points).
    public static func routesGeoJSON(_ days: [DayPlan], mask: ClientMask = .none) -> String {
        func str(_ x: String) -> String {
            "\"" + x.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func point(_ p: GeoPoint) -> String { "[" + fixed(p.lon, 6) + "," + fixed(p.lat, 6) + "]" }
        var features: [String] = []
        for day in days {
            for wave in day.waves {
                for route in wave.routes {
                    let common = "\"day\":" + str(day.day.rawValue) + ",\"trip\":" + str(wave.wave.rawValue) + ",\"vehicle\":" + str(route.vehicle)
                    features.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
                        + route.stops.map { point(mask.position($0)) }.joined(separator: ",") + "]},\"properties\":{" + common
                        + ",\"km\":" + fixed(Double(route.distance.value) / 1000, 3) + ",\"minutes\":" + fixed(Double(route.duration.value) / 60, 2) + "}}")
                    for s in route.stops {
                        guard let client = s.client else { continue }
                        features.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + point(mask.position(s))
                            + "},\"properties\":{" + common + ",\"stop_type\":" + str(s.kind.rawValue) + ",\"client_id\":" + str(mask.id(client))
                            + ",\"location_id\":" + str(s.place) + ",\"planned_time\":" + str(clock(s.time)) + "}}")
                    }
                }
            }
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    /// `summary.json`: `{"scenarios": [ … ]}`, one object per scenario with the keys of
    /// `ScenarioKPIs.columns` plus `description`, `transport` and `routes_file`.
    public static func summaryJSON(_ results: [ScenarioResult]) throws -> String {
        struct Entry: Encodable {
            var kpis: ScenarioKPIs
            var description: String
            var transport: String
            var routesFile: String
            enum Keys: String, CodingKey { case description, transport, routesFile = "routes_file" }
            func encode(to encoder: Encoder) throws {
                try kpis.encode(to: encoder)
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(description, forKey: .description); try c.encode(transport, forKey: .transport)
                try c.encode(routesFile, forKey: .routesFile)
            }
        }
        struct Summary: Encodable { var scenarios: [Entry] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let summary = Summary(scenarios: results.map {
            Entry(kpis: $0.kpis, description: $0.spec.description, transport: $0.spec.transport.rawValue, routesFile: routesFileName($0.spec.name))
        })
        return String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n"
    }

    /// `scenario-<name>.json`: the scenario's `summary.json` object alone, so that sweeps can treat
    /// every scenario as an independent result.
    public static func scenarioJSON(_ result: ScenarioResult) throws -> String {
        let whole = try summaryJSON([result])
        let object = try JSONSerialization.jsonObject(with: Data(whole.utf8)) as! [String: Any]
        let entry = (object["scenarios"] as! [Any])[0]
        let data = try JSONSerialization.data(withJSONObject: entry, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The route sheet of a scenario in `compare`'s output folder.
    public static func routesFileName(_ scenario: String) -> String { "routes-\(scenario).csv" }

    /// `kpis.csv`: one row per scenario, columns `ScenarioKPIs.columns`.
    public static func kpisCSV(_ results: [ScenarioResult]) -> String {
        var out = ScenarioKPIs.columns.joined(separator: ",") + "\n"
        for k in results.map(\.kpis) {
            out += ([field(k.name), num(k.costEurPerDay), num(k.costEurPerWeek), num(k.costEurPerYear), num(k.vehicleHoursPerWeek),
                    num(k.kmPerWeek), String(k.peakVehicles), num(k.meanRideMin), num(k.maxRideMin), num(k.shareOverNorm),
                    String(k.clientsMoved), String(k.clientsUnplaced), String(k.ridesUnrouted), String(k.ridesPerWeek),
                    String(k.clientDaysPerWeek), num(k.costEurPerClientDay), num(k.tariffEurPerClientDay), num(k.directTravelHoursPerWeek)]
                + k.careFields).joined(separator: ",") + "\n"
        }
        return out
    }

    static func num(_ x: Double) -> String {
        var s = fixed(x, 4)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// The savings table against the first scenario (the status quo): per scenario the cost and
    /// saving per day and per year, vehicles, vehicle hours and km per week, ride times, moved and unplaced
    /// clients, and the savings per year in euros and percent.
    public static func savingsTable(_ results: [ScenarioResult]) -> String {
        guard let base = results.first?.kpis else { return "" }
        let header = ["scenario", "€/day", "saving €/day", "€/year", "saving €/year", "saving %", "vehicles", "veh-h/week", "km/week",
                      "ride mean", "ride max", "moved", "unplaced", "€/client-day", "tariff"]
        var rows = [header]
        for k in results.map(\.kpis) {
            let saving = base.costEurPerYear - k.costEurPerYear
            let pct = base.costEurPerYear > 0 ? 100 * saving / base.costEurPerYear : 0
            rows.append([k.name, String(format: "%.0f", k.costEurPerDay), String(format: "%.0f", base.costEurPerDay - k.costEurPerDay),
                         String(format: "%.0f", k.costEurPerYear),
                         String(format: "%.0f", saving), String(format: "%.1f", pct), String(k.peakVehicles),
                         String(format: "%.1f", k.vehicleHoursPerWeek), String(format: "%.0f", k.kmPerWeek),
                         String(format: "%.1f", k.meanRideMin), String(format: "%.1f", k.maxRideMin), String(k.clientsMoved),
                         String(k.clientsUnplaced), String(format: "%.2f", k.costEurPerClientDay), String(format: "%.2f", k.tariffEurPerClientDay)])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[c] - cell.count) + cell }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
