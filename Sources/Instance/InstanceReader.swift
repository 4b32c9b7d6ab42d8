import DagrouteCore
import Foundation

/// Reads an instance folder (`clients.csv`, `locations.csv`, `fleet.csv`, `settings.json`;
/// formats in DESIGN §2 and `dagroute validate --help`) into a validated `Instance`.
///
/// Every problem of every file is reported at once as `file:line:column: expected …, found …`
/// (column = 1-based field position); a bad folder throws `DagrouteError.input` and never yields
/// a partial instance. Positions may be WGS84 (`lat`,`lon`) or RD New (`x_rd`,`y_rd`, converted
/// with `RDPoint`); positions outside the Netherlands and ignored columns are warnings, returned
/// in `Instance.warnings` (or alongside the errors).
///
/// Clients may instead be given by `postcode` when the folder holds an optional, user-supplied
/// `postcodes.csv` (`postcode`, and `lat`,`lon` or `x_rd`,`y_rd`): geocoding is a table look-up on
/// this machine; no address ever goes to a network service. Postcodes match without spaces and
/// case (`1211 AB` = `1211ab`); a client with both a position and a postcode uses the position.
public enum InstanceReader {
    static let clientColumns = ["id", "lat", "lon", "x_rd", "y_rd", "postcode", "municipality", "target_group", "product", "wheelchair",
                                "days", "daypart", "provider", "current_location", "needs_transport", "max_ride_min", "boarding_min"]
    static let dayColumns = Weekday.allCases.map { "capacity_" + $0.rawValue }
    static let locationColumns = ["id", "name", "provider", "lat", "lon", "x_rd", "y_rd", "capacity"] + dayColumns
        + ["target_groups", "products", "wheelchair_accessible", "start", "end", "status", "fixed_cost_per_day"]
    static let fleetColumns = ["id", "type", "count", "seats", "wheelchair_places", "depot", "depot_lat", "depot_lon",
                               "depot_x_rd", "depot_y_rd", "provider", "cost_per_hour", "cost_per_km", "fixed_cost_per_day", "max_shift_min"]
    static let positionColumns = [["lat", "lon"], ["x_rd", "y_rd"]]

    /// Reads and validates the instance in `folder`.
    public static func read(folder: URL) throws -> Instance {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw DagrouteError.input(file: folder.path, "expected an instance folder (clients.csv, locations.csv, fleet.csv, settings.json), found no such folder")
        }
        let sink = DiagnosticSink()
        var map = SourceMap()
        func table(_ name: String) -> CSVTable? {
            do { return try CSVTable.read(folder.appendingPathComponent(name), displayName: name) } catch let DagrouteError.input(ds) {
                ds.forEach(sink.add); return nil
            } catch { sink.error(name, "expected a readable file, found \(error)"); return nil }
        }

        let locationsTable = table(InstanceFiles.locations)
        let locations = locationsTable.map { readLocations($0, sink: sink, map: &map) } ?? []
        if locationsTable == nil { map.locationsComplete = false }
        let postcodes = FileManager.default.fileExists(atPath: folder.appendingPathComponent(InstanceFiles.postcodes).path)
            ? table(InstanceFiles.postcodes).map { readPostcodes($0, sink: sink) } : nil
        let clients = table(InstanceFiles.clients).map { readClients($0, postcodes: postcodes, sink: sink, map: &map) } ?? []
        let fleet = table(InstanceFiles.fleet).map { readFleet($0, sink: sink, map: &map) } ?? []
        let settings = readSettings(folder.appendingPathComponent(InstanceFiles.settings), sink: sink, map: &map)

        if !map.locationsComplete && locations.isEmpty && map.rejectedLocationIds.isEmpty {
            // Without any location, reference checks would only repeat the locations.csv problem.
            throw DagrouteError.input(InstanceChecks.ordered(sink.items))
        }
        return try Instance(clients: clients, locations: locations, fleet: fleet, settings: settings ?? Settings(),
                            sourceMap: map, sink: sink)
    }

    // MARK: - clients.csv

    static func readClients(_ t: CSVTable, postcodes: [String: GeoPoint]?, sink: DiagnosticSink, map: inout SourceMap) -> [Client] {
        let s = CSVSheet(t, known: clientColumns, required: ["id", "municipality", "target_group", "product", "wheelchair", "days", "daypart", "provider"],
                         alternatives: positionColumns + [["postcode"]], sink: sink)
        if s.has("postcode") && postcodes == nil && s.usable {
            sink.error(t.file, line: 1, column: s.columns["postcode"], field: "postcode",
                       "expected a \(InstanceFiles.postcodes) (postcode,lat,lon) beside \(t.file) to look up the postcode column, found none")
        }
        map.clients.columns = s.columns
        var out: [Client] = []
        for row in s.rows() {
            let before = s.errorCount
            let id = s.required(row, "id")
            let position = s.has("postcode") ? postcodePosition(s, row, postcodes) : s.position(row)
            let municipality = s.required(row, "municipality")
            let group = s.choice(row, "target_group", TargetGroup.self)
            let product = s.choice(row, "product", CareProduct.self)
            let wheelchair = s.flag(row, "wheelchair")
            let days = s.list(row, "days", what: "day", expected: "weekdays such as mon;wed;fri (mon, tue, wed, thu, fri, sat, sun)") { Weekday(name: $0) }
            let part = s.choice(row, "daypart", DayPart.self)
            let provider = s.required(row, "provider")
            let current = s.text(row, "current_location").flatMap { $0.isEmpty ? nil : $0 }
            let needs = s.flag(row, "needs_transport", fallback: true)
            let maxRide = s.number(row, "max_ride_min", 1...1440, fallback: 0, unit: " of minutes")
            let boarding = s.number(row, "boarding_min", 0...120, fallback: -1, unit: " of minutes")
            guard s.errorCount == before, let id, let position = position ?? nil, let municipality, let group, let product,
                  let wheelchair, let days, let part, let provider, let needs, let maxRide, let boarding else { continue }
            out.append(Client(id: id, position: position, municipality: municipality, targetGroup: group, product: product,
                              wheelchair: wheelchair, days: days, dayPart: part, provider: provider, currentLocation: current,
                              needsTransport: needs, maxRide: maxRide > 0 ? Seconds(Int((maxRide * 60).rounded())) : nil,
                              boarding: boarding >= 0 ? Seconds(Int((boarding * 60).rounded())) : nil))
            map.clients.lines.append(row.line)
        }
        return out
    }

    /// The row's position, or when its position fields are empty, its postcode's position.
    private static func postcodePosition(_ s: CSVSheet, _ row: CSVTable.Row, _ table: [String: GeoPoint]?) -> GeoPoint?? {
        let given = s.position(row, optional: true)
        guard case .some(nil) = given else { return given }
        guard let code = s.text(row, "postcode"), !code.isEmpty else {
            s.fail(row, "postcode", "expected a position (lat,lon or x_rd,y_rd) or a postcode, found empty fields"); return nil
        }
        guard let table else { return nil }
        guard let p = table[normalisedPostcode(code)] else {
            s.fail(row, "postcode", "expected a postcode listed in \(InstanceFiles.postcodes), found \"\(code)\""); return nil
        }
        return .some(p)
    }

    static func normalisedPostcode(_ code: String) -> String { code.uppercased().filter { !$0.isWhitespace } }

    // MARK: - postcodes.csv

    static func readPostcodes(_ t: CSVTable, sink: DiagnosticSink) -> [String: GeoPoint] {
        let s = CSVSheet(t, known: ["postcode", "lat", "lon", "x_rd", "y_rd"], required: ["postcode"], alternatives: positionColumns, sink: sink)
        var out: [String: GeoPoint] = [:], firstLine: [String: Int] = [:]
        for row in s.rows() {
            guard let code = s.required(row, "postcode"), let p = s.position(row) ?? nil else { continue }
            let key = normalisedPostcode(code)
            if let first = firstLine[key] {
                s.fail(row, "postcode", "expected a unique postcode, found \"\(code)\" again (first on line \(first))")
            } else { firstLine[key] = row.line; out[key] = p }
        }
        return out
    }

    // MARK: - locations.csv

    static func readLocations(_ t: CSVTable, sink: DiagnosticSink, map: inout SourceMap) -> [Location] {
        let s = CSVSheet(t, known: locationColumns, required: ["id", "provider", "capacity", "target_groups", "products", "wheelchair_accessible", "start", "end"],
                         alternatives: positionColumns, sink: sink)
        map.locations.columns = s.columns
        if !s.usable { map.locationsComplete = false }
        if t.rows.isEmpty { sink.error(t.file, line: 1, "expected at least one location after the header, found none") }
        var out: [Location] = []
        for row in s.rows() {
            let before = s.errorCount
            let id = s.required(row, "id")
            let name = s.text(row, "name").flatMap { $0.isEmpty ? nil : $0 }
            let provider = s.required(row, "provider")
            let position = s.position(row)
            let capacity = s.int(row, "capacity", 0...100_000)
            var byDay: [Weekday: Int] = [:]
            var dayOK = true
            for day in Weekday.allCases {
                let col = "capacity_" + day.rawValue
                guard let text = s.text(row, col), !text.isEmpty else { continue }
                if let c = s.int(row, col, 0...100_000) { byDay[day] = c } else { dayOK = false }
            }
            let groups = s.list(row, "target_groups", what: "target group", expected: "target groups such as pg;vg (pg, vg, ggz, lg)") { TargetGroup(rawValue: $0.lowercased()) }
            let products = s.list(row, "products", what: "product", expected: "products such as basis;extra") { CareProduct(rawValue: $0.lowercased()) }
            let accessible = s.flag(row, "wheelchair_accessible")
            let start = s.time(row, "start"), end = s.time(row, "end")
            if let start, let end, end <= start { s.fail(row, "end", "expected an end time after the start \(start), found \"\(end)\"") }
            let status = s.choice(row, "status", LocationStatus.self, fallback: .open)
            let cost = s.euros(row, "fixed_cost_per_day", fallback: .zero)
            guard s.errorCount == before, dayOK, let id, let provider, let position = position ?? nil, let capacity, let groups,
                  let products, let accessible, let start, let end, let status, let cost else {
                map.locationsComplete = false
                if let id = s.text(row, "id"), !id.isEmpty { map.rejectedLocationIds.insert(id) }
                if let p = s.text(row, "provider"), !p.isEmpty { map.rejectedProviders.insert(p) }
                continue
            }
            out.append(Location(id: id, name: name ?? id, provider: provider, position: position, capacity: capacity,
                                capacityByDay: byDay, targetGroups: Set(groups), products: Set(products),
                                wheelchairAccessible: accessible, start: start, end: end, status: status, fixedCostPerDay: cost))
            map.locations.lines.append(row.line)
        }
        return out
    }

    // MARK: - fleet.csv

    static func readFleet(_ t: CSVTable, sink: DiagnosticSink, map: inout SourceMap) -> [VehicleType] {
        let idColumn = t.column("id") != nil || t.column("type") == nil ? "id" : "type"
        let s = CSVSheet(t, known: fleetColumns, required: [idColumn, "count", "seats", "wheelchair_places", "provider",
                                                            "cost_per_hour", "cost_per_km", "fixed_cost_per_day", "max_shift_min"],
                         alternatives: [["depot"], ["depot_lat", "depot_lon"], ["depot_x_rd", "depot_y_rd"]], sink: sink)
        map.fleet.columns = s.columns
        map.fleet.columns["id"] = s.columns[idColumn]
        var out: [VehicleType] = []
        for row in s.rows() {
            let before = s.errorCount
            let id = s.required(row, idColumn)
            let count = s.int(row, "count", 0...10_000)
            let seats = s.int(row, "seats", 0...100)
            let wheelchair = s.int(row, "wheelchair_places", 0...100)
            if let seats, let wheelchair, seats + wheelchair == 0 {
                s.fail(row, "seats", "expected at least one seat or wheelchair place, found 0 and 0")
            }
            var depot: Depot?
            if let d = s.text(row, "depot"), !d.isEmpty {
                depot = .location(d)
            } else if let p = s.position(row, prefix: "depot_", optional: true) {
                if let p { depot = .position(p) } else {
                    s.fail(row, s.has("depot") ? "depot" : "depot_lat", "expected a depot (a location id, or depot_lat,depot_lon), found empty fields")
                }
            }
            let provider = s.text(row, "provider").flatMap { $0.isEmpty ? nil : $0 }
            let perHour = s.euros(row, "cost_per_hour"), perKm = s.euros(row, "cost_per_km"), fixed = s.euros(row, "fixed_cost_per_day")
            let shift = s.number(row, "max_shift_min", 1...1440, unit: " of minutes")
            guard s.errorCount == before, let id, let count, let seats, let wheelchair, let depot, let perHour, let perKm,
                  let fixed, let shift else { continue }
            out.append(VehicleType(id: id, count: count, seats: seats, wheelchairPlaces: wheelchair, depot: depot, provider: provider,
                                   costPerHour: perHour, costPerKm: perKm, fixedCostPerDay: fixed,
                                   maxShift: Seconds(Int((shift * 60).rounded()))))
            map.fleet.lines.append(row.line)
        }
        return out
    }

    // MARK: - settings.json

    static func readSettings(_ url: URL, sink: DiagnosticSink, map: inout SourceMap) -> Settings? {
        let file = InstanceFiles.settings
        guard let data = FileManager.default.contents(atPath: url.path) else {
            sink.error(file, "expected a readable file, found none"); return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = CSVTable.firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            sink.add(Diagnostic(file: file, line: line, byteOffset: bad,
                                message: "expected UTF-8 text, found byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at byte offset \(bad) (save the file as UTF-8)"))
            return nil
        }
        do {
            let node = try JSONNode.parse(bytes, file: file)
            return SettingsCoding.decode(node, sink: sink, positions: &map.settings)
        } catch let DagrouteError.input(ds) {
            ds.forEach(sink.add); return nil
        } catch { sink.error(file, "expected JSON, found \(error)"); return nil }
    }
}
