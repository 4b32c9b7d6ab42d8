import DagrouteCore
import Foundation

/// Writes an `Instance` as the four files `InstanceReader` reads: comma-separated UTF-8 CSV with
/// LF line ends, WGS84 positions with 6 decimals (≈ 0.1 m), money in euros with 2 decimals,
/// durations in minutes, and `settings.json` with every setting spelled out. Output is a pure
/// function of the instance (fixed column and key order), so equal instances give equal bytes.
public enum InstanceWriter {
    /// The file names and their contents, in `InstanceFiles.all` order.
    public static func files(_ instance: Instance) -> [(name: String, text: String)] {
        [(InstanceFiles.clients, clientsCSV(instance.clients)),
         (InstanceFiles.locations, locationsCSV(instance.locations)),
         (InstanceFiles.fleet, fleetCSV(instance.fleet)),
         (InstanceFiles.settings, SettingsCoding.encode(instance.settings).render() + "\n")]
    }

    /// Writes the four files into `folder` (created when missing), each atomically.
    public static func write(_ instance: Instance, to folder: URL) throws {
        for f in files(instance) { try AtomicFile.write(f.text, to: folder.appendingPathComponent(f.name)) }
    }

    static func clientsCSV(_ clients: [Client]) -> String {
        var rows = [["id", "lat", "lon", "municipality", "target_group", "product", "wheelchair", "days", "daypart",
                     "provider", "current_location", "needs_transport", "max_ride_min", "boarding_min"]]
        for c in clients {
            rows.append([c.id, coordinate(c.position.lat), coordinate(c.position.lon), c.municipality, c.targetGroup.rawValue,
                         c.product.rawValue, flag(c.wheelchair), c.days.map(\.rawValue).joined(separator: ";"), c.dayPart.rawValue,
                         c.provider, c.currentLocation ?? "", flag(c.needsTransport), c.maxRide.map(minutes) ?? "",
                         c.boarding.map(minutes) ?? ""])
        }
        return csv(rows)
    }

    static func locationsCSV(_ locations: [Location]) -> String {
        let weekend: [Weekday] = [.sat, .sun]
        let days = Weekday.workingDays + weekend.filter { d in locations.contains { $0.capacityByDay[d] != nil } }
        var rows = [["id", "name", "provider", "lat", "lon", "capacity"] + days.map { "capacity_" + $0.rawValue }
            + ["target_groups", "products", "wheelchair_accessible", "start", "end", "status", "fixed_cost_per_day"]]
        for l in locations {
            rows.append([l.id, l.name, l.provider, coordinate(l.position.lat), coordinate(l.position.lon), String(l.capacity)]
                + days.map { l.capacityByDay[$0].map(String.init) ?? "" }
                + [l.targetGroups.sorted().map(\.rawValue).joined(separator: ";"), l.products.sorted().map(\.rawValue).joined(separator: ";"),
                   flag(l.wheelchairAccessible), l.start.description, l.end.description, l.status.rawValue, euros(l.fixedCostPerDay)])
        }
        return csv(rows)
    }

    static func fleetCSV(_ fleet: [VehicleType]) -> String {
        var rows = [["id", "count", "seats", "wheelchair_places", "depot", "depot_lat", "depot_lon", "provider",
                     "cost_per_hour", "cost_per_km", "fixed_cost_per_day", "max_shift_min"]]
        for v in fleet {
            var depot = ["", "", ""]
            switch v.depot {
            case .location(let id): depot[0] = id
            case .position(let p): depot[1] = coordinate(p.lat); depot[2] = coordinate(p.lon)
            }
            rows.append([v.id, String(v.count), String(v.seats), String(v.wheelchairPlaces)] + depot
                + [v.provider ?? "", euros(v.costPerHour), euros(v.costPerKm), euros(v.fixedCostPerDay), minutes(v.maxShift)])
        }
        return csv(rows)
    }

    static func coordinate(_ d: Double) -> String { String(format: "%.6f", d) }
    static func euros(_ c: EuroCents) -> String { String(format: "%.2f", c.euros) }
    static func minutes(_ s: Seconds) -> String { JSONNode.format(Double(s.value) / 60) }
    static func flag(_ b: Bool) -> String { b ? "1" : "0" }

    /// Comma-separated lines; fields with a comma, quote or line break are quoted.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { f in
                f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
