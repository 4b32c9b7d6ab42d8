import DagrouteCore
import Foundation

/// A short overview of an instance for `dagroute validate`: clients per municipality and target
/// group, locations by status, capacity against demand per weekday and half-day slot, the fleet
/// per owner, and the scenarios. Plain counts; encodable as JSON (snake_case keys).
public struct InstanceSummary: Encodable, Sendable {
    public struct Count: Encodable, Sendable {
        public let name: String
        public let clients: Int
    }
    /// Places offered by open locations against clients attending, for one weekday and slot.
    public struct Slot: Encodable, Sendable {
        public let day: String
        public let slot: String
        public let demand: Int
        public let capacity: Int
    }
    /// Vehicles of one provider, or of the regional pool (`owner` = `pool`).
    public struct Fleet: Encodable, Sendable {
        public let owner: String
        public let vehicles: Int
        public let seats: Int
        public let wheelchairPlaces: Int
        enum CodingKeys: String, CodingKey { case owner, vehicles, seats, wheelchairPlaces = "wheelchair_places" }
    }

    public let clients: Int
    public let needingTransport: Int
    public let wheelchair: Int
    public let byMunicipality: [Count]
    public let byTargetGroup: [Count]
    public let providers: Int
    public let openLocations: Int
    public let closedLocations: Int
    public let candidateLocations: Int
    public let capacity: [Slot]
    public let fleet: [Fleet]
    public let scenarios: [String]
    public let warnings: Int

    enum CodingKeys: String, CodingKey {
        case clients, needingTransport = "needing_transport", wheelchair, byMunicipality = "by_municipality",
             byTargetGroup = "by_target_group", providers, openLocations = "open_locations", closedLocations = "closed_locations",
             candidateLocations = "candidate_locations", capacity, fleet, scenarios, warnings
    }

    public init(_ instance: Instance) {
        let cs = instance.clients, ls = instance.locations
        clients = cs.count
        needingTransport = cs.filter(\.needsTransport).count
        wheelchair = cs.filter(\.wheelchair).count
        byMunicipality = Set(cs.map(\.municipality)).sorted().map { m in Count(name: m, clients: cs.filter { $0.municipality == m }.count) }
        byTargetGroup = TargetGroup.allCases.map { g in Count(name: g.rawValue, clients: cs.filter { $0.targetGroup == g }.count) }
        providers = instance.providers.count
        openLocations = ls.filter { $0.status == .open }.count
        closedLocations = ls.filter { $0.status == .closed }.count
        candidateLocations = ls.filter { $0.status == .candidate }.count
        let days = Weekday.allCases.filter { d in cs.contains { $0.days.contains(d) } }
        capacity = days.flatMap { day in
            [DayPart.morning, .afternoon].map { slot in
                Slot(day: day.rawValue, slot: slot.rawValue, demand: cs.filter { $0.attends(day, slot: slot) }.count,
                     capacity: ls.filter { $0.status == .open }.reduce(0) { $0 + $1.capacity(on: day) })
            }
        }
        let owners = Array(Set(instance.fleet.compactMap(\.provider))).sorted() + (instance.fleet.contains { $0.provider == nil } ? [nil] : [])
        fleet = owners.map { owner in
            let rows = instance.fleet.filter { $0.provider == owner }
            return Fleet(owner: owner ?? "pool", vehicles: rows.reduce(0) { $0 + $1.count },
                         seats: rows.reduce(0) { $0 + $1.count * $1.seats },
                         wheelchairPlaces: rows.reduce(0) { $0 + $1.count * $1.wheelchairPlaces })
        }
        scenarios = instance.settings.scenarios.map(\.name)
        warnings = instance.warnings.count
    }

    /// A few aligned lines of text.
    public var text: String {
        var out: [String] = []
        out.append("clients: \(clients) (\(needingTransport) need transport, \(wheelchair) wheelchair users)")
        out.append("  by municipality: " + byMunicipality.map { "\($0.name) \($0.clients)" }.joined(separator: ", "))
        out.append("  by target group: " + byTargetGroup.map { "\($0.name) \($0.clients)" }.joined(separator: ", "))
        out.append("locations: \(openLocations) open, \(closedLocations) closed, \(candidateLocations) candidate; \(providers) providers")
        out.append("demand vs capacity (clients attending / places in open locations, use):")
        for s in capacity {
            let use = s.capacity > 0 ? String(format: "%3.0f%%", 100 * Double(s.demand) / Double(s.capacity)) : "   -"
            out.append("  " + s.day + " " + s.slot.padding(toLength: 9, withPad: " ", startingAt: 0)
                       + String(format: "%5d / %5d  ", s.demand, s.capacity) + use)
        }
        out.append("fleet: \(fleet.reduce(0) { $0 + $1.vehicles }) vehicles")
        for f in fleet {
            out.append("  " + f.owner.padding(toLength: 14, withPad: " ", startingAt: 0)
                       + "\(f.vehicles) vehicles, \(f.seats) seats, \(f.wheelchairPlaces) wheelchair places")
        }
        out.append("scenarios: " + (scenarios.isEmpty ? "none" : scenarios.joined(separator: ", ")))
        if warnings > 0 { out.append("warnings: \(warnings) (listed on stderr)") }
        return out.joined(separator: "\n")
    }
}
