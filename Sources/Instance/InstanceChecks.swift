import DagrouteCore

/// The cross-file checks of `Instance`, reporting into a sink with positions from a source map.
struct InstanceChecks {
    let clients: [Client]
    let locations: [Location]
    let fleet: [VehicleType]
    let settings: Settings
    let map: SourceMap
    let sink: DiagnosticSink

    func run() {
        var locationById: [String: Location] = [:]
        var firstLine: [String: Int?] = [:]
        for (i, l) in locations.enumerated() {
            if let first = firstLine[l.id] {
                error(map.locations, i, "id", "expected a unique location id, found \"\(l.id)\" again" + (first.map { " (first on line \($0))" } ?? ""))
            } else { firstLine[l.id] = map.locations.line(i); locationById[l.id] = l }
        }
        let providers = Set(locations.map(\.provider)).union(map.rejectedProviders)
        let knownLocation = { (id: String) in locationById[id] != nil || map.rejectedLocationIds.contains(id) }

        firstLine = [:]
        for (i, c) in clients.enumerated() {
            if let first = firstLine[c.id] {
                error(map.clients, i, "id", "expected a unique client id, found \"\(c.id)\" again" + (first.map { " (first on line \($0))" } ?? ""))
            } else { firstLine[c.id] = map.clients.line(i) }
            if !providers.contains(c.provider) {
                error(map.clients, i, "provider", "expected a provider that has a location in locations.csv, found \"\(c.provider)\"", id: c.id)
            }
            if let cur = c.currentLocation {
                if !knownLocation(cur) {
                    error(map.clients, i, "current_location", "expected a location id from locations.csv, found \"\(cur)\"", id: c.id)
                } else if let l = locationById[cur] {
                    if l.status != .open {
                        error(map.clients, i, "current_location", "expected an open location, found \(l.status.rawValue) location \"\(cur)\"", id: c.id)
                    } else if !l.accepts(c) {
                        warning(map.clients, i, "current_location", "location \"\(cur)\" does not serve this client (\(Self.needs(c))); the status quo keeps them there", id: c.id)
                    }
                    if l.provider != c.provider {
                        warning(map.clients, i, "current_location", "location \"\(cur)\" belongs to provider \"\(l.provider)\", not to the client's provider \"\(c.provider)\"", id: c.id)
                    }
                }
            }
            if map.locationsComplete && !locations.contains(where: { $0.status != .closed && $0.accepts(c) }) {
                error(map.clients, i, "target_group", "expected at least one open or candidate location for \(Self.needs(c)), found none", id: c.id)
            }
        }

        overCapacityWarnings(locationById)

        firstLine = [:]
        for (i, v) in fleet.enumerated() {
            if let first = firstLine[v.id] {
                error(map.fleet, i, "id", "expected a unique fleet id, found \"\(v.id)\" again" + (first.map { " (first on line \($0))" } ?? ""))
            } else { firstLine[v.id] = map.fleet.line(i) }
            if case .location(let id) = v.depot, !knownLocation(id) {
                error(map.fleet, i, "depot", "expected a location id from locations.csv, found \"\(id)\"", id: v.id)
            }
            if let p = v.provider, !providers.contains(p) {
                error(map.fleet, i, "provider", "expected a provider that has a location in locations.csv (or empty for the regional pool), found \"\(p)\"", id: v.id)
            }
        }

        var names: Set<String> = []
        for (i, s) in settings.scenarios.enumerated() {
            let base = "scenarios[\(i)]"
            if !names.insert(s.name).inserted { settingsError(base + ".name", "expected a unique scenario name, found \"\(s.name)\" again") }
            for (j, id) in s.closeLocations.enumerated() {
                let path = base + ".close_locations[\(j)]"
                if !knownLocation(id) { settingsError(path, "expected a location id from locations.csv, found \"\(id)\"") }
                else if locationById[id]?.status == .closed { settingsError(path, "expected an open or candidate location to close, found closed location \"\(id)\"") }
            }
            for (j, id) in s.openLocations.enumerated() {
                let path = base + ".open_locations[\(j)]"
                if !knownLocation(id) { settingsError(path, "expected a location id from locations.csv, found \"\(id)\"") }
                else if locationById[id]?.status == .open { settingsError(path, "expected a candidate or closed location to open, found open location \"\(id)\"") }
            }
            for (j, c) in s.capacityChanges.enumerated() where !knownLocation(c.location) {
                settingsError(base + ".capacity_changes[\(j)].location", "expected a location id from locations.csv, found \"\(c.location)\"")
            }
            for (j, p) in s.exitProviders.enumerated() where !providers.contains(p) {
                settingsError(base + ".exit_providers[\(j)]", "expected a provider that has a location in locations.csv, found \"\(p)\"")
            }
        }
    }

    /// Warns where today's assignment (current locations) exceeds a location's capacity on some
    /// weekday and slot: the status quo is then not a feasible plan as given.
    private func overCapacityWarnings(_ locationById: [String: Location]) {
        var load: [String: [Int]] = [:]   // location id → load per (weekday × 2 + slot)
        for c in clients {
            guard let id = c.currentLocation, locationById[id] != nil else { continue }
            var row = load[id] ?? Array(repeating: 0, count: Weekday.allCases.count * 2)
            for d in c.days { for slot in c.dayPart.slots { row[Self.slotIndex(d, slot)] += 1 } }
            load[id] = row
        }
        for (i, l) in locations.enumerated() {
            guard let row = load[l.id] else { continue }
            let over = Weekday.allCases.flatMap { d in [DayPart.morning, .afternoon].map { (d, $0) } }
                .filter { row[Self.slotIndex($0.0, $0.1)] > l.capacity(on: $0.0) }
            guard let first = over.first else { continue }
            let used = row[Self.slotIndex(first.0, first.1)]
            warning(map.locations, i, "capacity", "expected at most \(l.capacity(on: first.0)) current clients per slot, found \(used) on "
                    + "\(first.0.rawValue) \(first.1.rawValue)" + (over.count > 1 ? " and \(over.count - 1) more slots over capacity" : "")
                    + " (the status quo exceeds capacity)", id: l.id)
        }
    }

    private static func slotIndex(_ d: Weekday, _ slot: DayPart) -> Int {
        Weekday.allCases.firstIndex(of: d)! * 2 + (slot == .morning ? 0 : 1)
    }

    static func needs(_ c: Client) -> String {
        "target group \(c.targetGroup.rawValue), product \(c.product.rawValue)" + (c.wheelchair ? ", wheelchair accessible" : "")
    }

    private func error(_ t: SourceMap.Table, _ i: Int, _ field: String, _ message: String, id: String? = nil) {
        add(.error, t, i, field, message, id: id)
    }

    private func warning(_ t: SourceMap.Table, _ i: Int, _ field: String, _ message: String, id: String? = nil) {
        add(.warning, t, i, field, message, id: id)
    }

    private func add(_ severity: Diagnostic.Severity, _ t: SourceMap.Table, _ i: Int, _ field: String, _ message: String, id: String?) {
        let line = t.line(i)
        // Without a line, name the row by its id so the message still points somewhere.
        let text = line == nil ? (id.map { "row \"\($0)\": " } ?? "row \(i + 1): ") + message : message
        sink.add(Diagnostic(severity, file: t.file, line: line, column: line == nil ? nil : t.column(field), field: field, message: text))
    }

    private func settingsError(_ path: String, _ message: String) {
        let p = map.settings[path]
        sink.error(InstanceFiles.settings, line: p?.line, column: p?.column, field: path, message)
    }

    /// Diagnostics in reading order: by file (clients, locations, fleet, settings), then line and column.
    static func ordered(_ ds: [Diagnostic]) -> [Diagnostic] {
        let rank = { (f: String) in InstanceFiles.all.firstIndex(of: f) ?? InstanceFiles.all.count }
        return ds.enumerated().sorted { a, b in
            let ka = (rank(a.element.file), a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let kb = (rank(b.element.file), b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }
}
