import DagrouteCore
import Foundation

/// Positions (1-based line, column) of values in `settings.json`, keyed by JSON path such as
/// `scenarios[0].close_locations[1]`.
typealias JSONPositions = [String: (line: Int, column: Int)]

/// `settings.json` ↔ `Settings`. Decoding reports every problem with its JSON path, line and
/// column (unknown member, wrong type, value out of range) and never stops at the first one.
enum SettingsCoding {
    static let file = "settings.json"

    // MARK: - Decoding

    /// Decodes `node`; problems go to `sink`, and a bad member falls back to its default so that
    /// the rest (scenario references included) can still be checked — callers must not use the
    /// result when the sink holds errors. Nil only when the top level is not an object.
    /// `positions` receives where every location and provider reference of the scenarios sits.
    static func decode(_ node: JSONNode, sink: DiagnosticSink, positions: inout JSONPositions) -> Settings? {
        guard let root = ObjectView(node, path: "", sink: sink) else { return nil }
        root.allow(["ride_time", "arrival_window_min", "departure_window_min", "boarding_min", "wheelchair_boarding_min",
                    "alighting_min", "wheelchair_alighting_min", "tariffs", "costs", "travel_time",
                    "working_days_per_year", "scenarios", "care_tariffs"])
        let d = Settings()
        let ride = root.object("ride_time").map { rideTime($0) } ?? d.rideTime
        let tariffs: TransportTariffs = root.object("tariffs").map { t in
            t.allow(["transport_per_client_day_eur", "wheelchair_per_client_day_eur", "long_distance_km", "long_distance_factor"])
            return TransportTariffs(
                perClientDay: t.euros("transport_per_client_day_eur", d.tariffs.perClientDay),
                wheelchairPerClientDay: t.euros("wheelchair_per_client_day_eur", d.tariffs.wheelchairPerClientDay),
                longDistance: Metres(Int((t.number("long_distance_km", Double(d.tariffs.longDistance.value) / 1000, 0...1000) * 1000).rounded())),
                longDistanceFactor: t.number("long_distance_factor", d.tariffs.longDistanceFactor, 1...100))
        } ?? d.tariffs
        let care: CareTariffs? = root.object("care_tariffs").map { t in
            t.allow(["basis_per_day_part_eur", "extra_per_day_part_eur"])
            let d = CareTariffs()
            return CareTariffs(basisPerDayPart: t.euros("basis_per_day_part_eur", d.basisPerDayPart),
                               extraPerDayPart: t.euros("extra_per_day_part_eur", d.extraPerDayPart))
        }
        let costs: CostRates = root.object("costs").map { c in
            c.allow(["moved_client_eur", "unplaced_client_day_eur"])
            return CostRates(movedClient: c.euros("moved_client_eur", d.costs.movedClient),
                             unplacedClientDay: c.euros("unplaced_client_day_eur", d.costs.unplacedClientDay))
        } ?? d.costs
        let travel: TravelTimeModel = root.object("travel_time").map { t in
            t.allow(["detour_factor", "speed_short_kmh", "speed_long_kmh", "half_speed_km"])
            let short = t.number("speed_short_kmh", d.travelTime.speedShortKmh, 1...200)
            return TravelTimeModel(
                detourFactor: t.number("detour_factor", d.travelTime.detourFactor, 1...5),
                speedShortKmh: short,
                speedLongKmh: t.number("speed_long_kmh", d.travelTime.speedLongKmh, short...200),
                halfSpeedDistance: Metres(Int((t.number("half_speed_km", Double(d.travelTime.halfSpeedDistance.value) / 1000, 0.001...1000) * 1000).rounded())))
        } ?? d.travelTime
        var scenarios: [ScenarioSpec] = []
        if let list = root.array("scenarios") {
            for (i, item) in list.enumerated() {
                // A non-object entry is reported; an empty placeholder keeps the indices of later ones.
                scenarios.append(ObjectView(item, path: "scenarios[\(i)]", sink: sink).map { scenario($0, positions: &positions) } ?? ScenarioSpec(name: ""))
            }
        }
        let settings = Settings(
            rideTime: ride,
            arrivalWindow: root.minutes("arrival_window_min", d.arrivalWindow),
            departureWindow: root.minutes("departure_window_min", d.departureWindow),
            boarding: root.minutes("boarding_min", d.boarding),
            wheelchairBoarding: root.minutes("wheelchair_boarding_min", d.wheelchairBoarding),
            alighting: root.minutes("alighting_min", d.alighting),
            wheelchairAlighting: root.minutes("wheelchair_alighting_min", d.wheelchairAlighting),
            tariffs: tariffs, costs: costs, travelTime: travel,
            workingDaysPerYear: Int(root.number("working_days_per_year", Double(d.workingDaysPerYear), 1...366, integer: true)),
            scenarios: scenarios, careTariffs: care)
        return settings
    }

    private static func rideTime(_ o: ObjectView) -> RideTimePolicy {
        o.allow(["floor_min", "factor", "extra_min", "cap_min"])
        let d = RideTimePolicy()
        return RideTimePolicy(floor: o.minutes("floor_min", d.floor), factor: o.number("factor", d.factor, 1...10),
                              extra: o.minutes("extra_min", d.extra),
                              cap: o.has("cap_min") && !o.isNull("cap_min") ? o.minutes("cap_min", .zero, positive: true) : nil)
    }

    private static func scenario(_ o: ObjectView, positions: inout JSONPositions) -> ScenarioSpec {
        o.allow(["name", "description", "close_locations", "open_locations", "capacity_changes", "exit_providers",
                 "transport", "reassign", "clients_may_change_provider", "keep_groups_together", "ride_time"])
        // A scenario without a name is reported and kept, so later scenarios keep their index.
        let name = o.string("name", required: true) ?? ""
        positions[o.path + ".name"] = o.position("name")
        var changes: [CapacityChange] = []
        for (j, item) in (o.array("capacity_changes") ?? []).enumerated() {
            guard let c = ObjectView(item, path: o.path + ".capacity_changes[\(j)]", sink: o.sink) else { continue }
            c.allow(["location", "capacity", "day"])
            guard let loc = c.string("location", required: true) else { continue }
            positions[c.path + ".location"] = c.position("location")
            let cap = Int(c.number("capacity", 0, 0...100_000, integer: true, required: true))
            var day: Weekday?
            if let text = c.string("day", required: false) {
                day = Weekday(name: text)
                if day == nil { c.fail("day", "expected a weekday (mon, tue, wed, thu, fri, sat, sun), found \"\(text)\"") }
            }
            changes.append(CapacityChange(location: loc, capacity: cap, day: day))
        }
        var transport = TransportMode.pooled
        if let t = o.string("transport", required: false) {
            if let m = TransportMode(rawValue: t) { transport = m }
            else { o.fail("transport", "expected \"pooled\" or \"per_provider\", found \"\(t)\"") }
        }
        let d = ScenarioSpec(name: name)
        return ScenarioSpec(
            name: name, description: o.string("description", required: false) ?? "",
            closeLocations: o.strings("close_locations", positions: &positions),
            openLocations: o.strings("open_locations", positions: &positions),
            capacityChanges: changes,
            exitProviders: o.strings("exit_providers", positions: &positions),
            transport: transport,
            reassign: o.bool("reassign", d.reassign),
            clientsMayChangeProvider: o.bool("clients_may_change_provider", d.clientsMayChangeProvider),
            keepGroupsTogether: o.bool("keep_groups_together", d.keepGroupsTogether),
            rideTime: o.object("ride_time").map { rideTime($0) })
    }

    /// A JSON object being decoded: typed member access that reports problems with their path.
    private final class ObjectView {
        let node: JSONNode
        let members: [JSONNode.Member]
        let path: String
        let sink: DiagnosticSink

        init?(_ node: JSONNode, path: String, sink: DiagnosticSink) {
            self.node = node; self.path = path; self.sink = sink
            guard case .object(let ms) = node.value else {
                sink.error(SettingsCoding.file, line: node.line, column: node.column, field: path.isEmpty ? nil : path,
                           "expected an object, found \(node.found)")
                return nil
            }
            members = ms
        }

        func key(_ k: String) -> String { path.isEmpty ? k : path + "." + k }
        func member(_ k: String) -> JSONNode? { members.last { $0.key == k }?.value }
        func has(_ k: String) -> Bool { member(k) != nil }
        func isNull(_ k: String) -> Bool { if case .null = member(k)?.value { return true }; return false }
        func position(_ k: String) -> (line: Int, column: Int) { member(k).map { ($0.line, $0.column) } ?? (node.line, node.column) }

        func fail(_ k: String, _ message: String) {
            let p = position(k)
            sink.error(SettingsCoding.file, line: p.line, column: p.column, field: key(k), message)
        }

        func allow(_ known: [String]) {
            for m in members where !known.contains(m.key) {
                sink.error(SettingsCoding.file, line: m.value.line, column: m.value.column, field: key(m.key),
                           "expected one of \(known.joined(separator: ", ")), found unknown member \"\(m.key)\"")
            }
        }

        func object(_ k: String) -> ObjectView? { member(k).flatMap { ObjectView($0, path: key(k), sink: sink) } }

        func array(_ k: String) -> [JSONNode]? {
            guard let m = member(k) else { return nil }
            guard case .array(let xs) = m.value else { fail(k, "expected a list, found \(m.found)"); return nil }
            return xs
        }

        func number(_ k: String, _ fallback: Double, _ range: ClosedRange<Double>, integer: Bool = false, required: Bool = false) -> Double {
            guard let m = member(k) else {
                if required { fail(k, "expected a member \"\(k)\", found none") }
                return fallback
            }
            guard case .number(let d) = m.value else { fail(k, "expected a number, found \(m.found)"); return fallback }
            if integer && d != d.rounded() { fail(k, "expected a whole number, found \(m.found)"); return fallback }
            guard range.contains(d) else {
                fail(k, "expected a number from \(JSONNode.format(range.lowerBound)) to \(JSONNode.format(range.upperBound)), found \(m.found)")
                return fallback
            }
            return d
        }

        func minutes(_ k: String, _ fallback: Seconds, positive: Bool = false) -> Seconds {
            let v = number(k, fallback.minutes, (positive ? 1.0 / 60 : 0)...1440)
            return Seconds(Int((v * 60).rounded()))
        }

        func euros(_ k: String, _ fallback: EuroCents) -> EuroCents {
            EuroCents(euros: number(k, fallback.euros, 0...1_000_000_000))
        }

        func bool(_ k: String, _ fallback: Bool) -> Bool {
            guard let m = member(k) else { return fallback }
            guard case .bool(let b) = m.value else { fail(k, "expected true or false, found \(m.found)"); return fallback }
            return b
        }

        func string(_ k: String, required: Bool) -> String? {
            guard let m = member(k) else {
                if required { fail(k, "expected a member \"\(k)\", found none") }
                return nil
            }
            guard case .string(let s) = m.value, !s.trimmedSpaces.isEmpty else {
                fail(k, "expected a non-empty string, found \(m.found)"); return nil
            }
            return s.trimmedSpaces
        }

        func strings(_ k: String, positions: inout JSONPositions) -> [String] {
            var out: [String] = []
            for (j, item) in (array(k) ?? []).enumerated() {
                let p = key(k) + "[\(j)]"
                guard case .string(let s) = item.value, !s.isEmpty else {
                    sink.error(SettingsCoding.file, line: item.line, column: item.column, field: p, "expected a non-empty string, found \(item.found)")
                    continue
                }
                positions[p] = (item.line, item.column)
                out.append(s)
            }
            return out
        }
    }

    // MARK: - Encoding

    /// The settings as a JSON tree, every member written (defaults included) in a fixed order.
    static func encode(_ s: Settings) -> JSONNode {
        func obj(_ ms: [(String, JSONNode)]) -> JSONNode { JSONNode(.object(ms.map { JSONNode.Member(key: $0.0, value: $0.1) })) }
        func num(_ d: Double) -> JSONNode { JSONNode(.number(d)) }
        func min(_ s: Seconds) -> JSONNode { num(Double(s.value) / 60) }
        func eur(_ c: EuroCents) -> JSONNode { num(c.euros) }
        func str(_ t: String) -> JSONNode { JSONNode(.string(t)) }
        func list(_ xs: [String]) -> JSONNode { JSONNode(.array(xs.map(str))) }
        func ride(_ r: RideTimePolicy) -> JSONNode {
            var ms: [(String, JSONNode)] = [("floor_min", min(r.floor)), ("factor", num(r.factor)), ("extra_min", min(r.extra))]
            if let cap = r.cap { ms.append(("cap_min", min(cap))) }
            return obj(ms)
        }
        let scenarios = s.scenarios.map { sc -> JSONNode in
            var ms: [(String, JSONNode)] = [("name", str(sc.name))]
            if !sc.description.isEmpty { ms.append(("description", str(sc.description))) }
            if !sc.closeLocations.isEmpty { ms.append(("close_locations", list(sc.closeLocations))) }
            if !sc.openLocations.isEmpty { ms.append(("open_locations", list(sc.openLocations))) }
            if !sc.capacityChanges.isEmpty {
                ms.append(("capacity_changes", JSONNode(.array(sc.capacityChanges.map { c in
                    var cm: [(String, JSONNode)] = [("location", str(c.location)), ("capacity", num(Double(c.capacity)))]
                    if let day = c.day { cm.append(("day", str(day.rawValue))) }
                    return obj(cm)
                }))))
            }
            if !sc.exitProviders.isEmpty { ms.append(("exit_providers", list(sc.exitProviders))) }
            ms += [("transport", str(sc.transport.rawValue)), ("reassign", JSONNode(.bool(sc.reassign))),
                   ("clients_may_change_provider", JSONNode(.bool(sc.clientsMayChangeProvider))),
                   ("keep_groups_together", JSONNode(.bool(sc.keepGroupsTogether)))]
            if let r = sc.rideTime { ms.append(("ride_time", ride(r))) }
            return obj(ms)
        }
        var members: [(String, JSONNode)] = [
            ("ride_time", ride(s.rideTime)),
            ("arrival_window_min", min(s.arrivalWindow)), ("departure_window_min", min(s.departureWindow)),
            ("boarding_min", min(s.boarding)), ("wheelchair_boarding_min", min(s.wheelchairBoarding)),
            ("alighting_min", min(s.alighting)), ("wheelchair_alighting_min", min(s.wheelchairAlighting)),
            ("tariffs", obj([("transport_per_client_day_eur", eur(s.tariffs.perClientDay)),
                             ("wheelchair_per_client_day_eur", eur(s.tariffs.wheelchairPerClientDay)),
                             ("long_distance_km", num(Double(s.tariffs.longDistance.value) / 1000)),
                             ("long_distance_factor", num(s.tariffs.longDistanceFactor))])),
            ("costs", obj([("moved_client_eur", eur(s.costs.movedClient)), ("unplaced_client_day_eur", eur(s.costs.unplacedClientDay))])),
            ("travel_time", obj([("detour_factor", num(s.travelTime.detourFactor)), ("speed_short_kmh", num(s.travelTime.speedShortKmh)),
                                 ("speed_long_kmh", num(s.travelTime.speedLongKmh)),
                                 ("half_speed_km", num(Double(s.travelTime.halfSpeedDistance.value) / 1000))])),
            ("working_days_per_year", num(Double(s.workingDaysPerYear))),
            ("scenarios", JSONNode(.array(scenarios))),
        ]
        if let c = s.careTariffs {
            members.append(("care_tariffs", obj([("basis_per_day_part_eur", eur(c.basisPerDayPart)), ("extra_per_day_part_eur", eur(c.extraPerDayPart))])))
        }
        return obj(members)
    }
}
