import DagrouteCore
import Foundation

/// Typed, diagnosed access to the fields of one CSV file of an instance. Every accessor returns
/// nil after reporting `file:line:column: expected …, found …` into the sink, so a reader can go
/// on and find every other problem; `rowIsClean` tells whether a row produced any error.
final class CSVSheet {
    let table: CSVTable
    let sink: DiagnosticSink
    /// Lower-cased header name → 1-based column.
    private(set) var columns: [String: Int] = [:]
    /// False when the header lacks a required column (rows are then not read at all).
    private(set) var usable = true

    var file: String { table.file }

    /// Checks the header: duplicate names are errors, unknown names warnings (the column is
    /// ignored), each missing `required` name an error on line 1; `alternatives` lists groups of
    /// which one must be present (e.g. `[["lat", "lon"], ["x_rd", "y_rd"]]`).
    init(_ table: CSVTable, known: [String], required: [String], alternatives: [[String]] = [], sink: DiagnosticSink) {
        self.table = table; self.sink = sink
        for (i, raw) in table.header.enumerated() {
            let name = raw.lowercased()
            if columns[name] != nil {
                sink.error(table.file, line: 1, column: i + 1, field: name, "expected each column once, found \"\(raw)\" again")
                usable = false
            } else { columns[name] = i + 1 }
            if !known.contains(name) {
                sink.warning(table.file, line: 1, column: i + 1, field: raw,
                             "expected one of the columns \(known.joined(separator: ", ")), found \"\(raw)\" (column ignored)")
            }
        }
        for name in required where columns[name] == nil {
            sink.error(table.file, line: 1, field: name,
                       "expected a column \"\(name)\" in the header, found none (header: \(table.header.joined(separator: String(table.delimiter))))")
            usable = false
        }
        if !alternatives.isEmpty && !alternatives.contains(where: { $0.allSatisfy { columns[$0] != nil } }) {
            let options = alternatives.map { $0.joined(separator: ",") }.joined(separator: " or ")
            sink.error(table.file, line: 1, field: alternatives[0].joined(separator: ","),
                       "expected columns \(options) in the header, found neither (header: \(table.header.joined(separator: String(table.delimiter))))")
            usable = false
        }
    }

    func has(_ name: String) -> Bool { columns[name] != nil }

    /// The data rows whose field count matches the header; others are reported and left out.
    /// Empty when the header is unusable.
    func rows() -> [CSVTable.Row] {
        guard usable else { return [] }
        let n = table.header.count
        return table.rows.filter { row in
            guard row.fields.count != n else { return true }
            if row.fields.count < n {
                sink.error(file, line: row.line, column: row.fields.count + 1, field: table.header[row.fields.count],
                           "expected \(n) fields as in the header, found \(row.fields.count)")
            } else {
                let hint = table.delimiter == ";" ? " (in a ';'-separated file a list such as mon;wed must be quoted: \"mon;wed\")" : ""
                sink.error(file, line: row.line, column: n + 1,
                           "expected \(n) fields as in the header, found \(row.fields.count)" + hint)
            }
            return false
        }
    }

    func fail(_ row: CSVTable.Row, _ name: String, _ message: String) {
        sink.error(file, line: row.line, column: columns[name], field: name, message)
    }

    func warn(_ row: CSVTable.Row, _ name: String, _ message: String) {
        sink.warning(file, line: row.line, column: columns[name], field: name, message)
    }

    /// The trimmed field, or nil when the column is absent.
    func text(_ row: CSVTable.Row, _ name: String) -> String? {
        guard let c = columns[name] else { return nil }
        return row.fields[c - 1].trimmedSpaces
    }

    /// The trimmed field; an empty field (or absent column) is an error.
    func required(_ row: CSVTable.Row, _ name: String) -> String? {
        guard let t = text(row, name) else { return nil }
        if t.isEmpty { fail(row, name, "expected a value, found an empty field"); return nil }
        return t
    }

    /// A number in `range` (`integer`: whole numbers only). Empty → `fallback` when given, else an error.
    func number(_ row: CSVTable.Row, _ name: String, _ range: ClosedRange<Double>, integer: Bool = false,
                fallback: Double? = nil, unit: String = "") -> Double? {
        guard let t = text(row, name) else { return fallback }
        if t.isEmpty, let fallback { return fallback }
        let what = integer ? "a whole number" : "a number"
        guard let v = table.number(t) else { fail(row, name, "expected \(what)\(unit), found \"\(t)\""); return nil }
        if integer && v != v.rounded() { fail(row, name, "expected \(what)\(unit), found \"\(t)\""); return nil }
        guard range.contains(v) else {
            fail(row, name, "expected \(what)\(unit) from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), found \"\(t)\"")
            return nil
        }
        return v
    }

    /// `number(…, integer: true)` as an Int.
    func int(_ row: CSVTable.Row, _ name: String, _ range: ClosedRange<Int>, fallback: Int? = nil) -> Int? {
        number(row, name, Double(range.lowerBound)...Double(range.upperBound), integer: true,
               fallback: fallback.map(Double.init)).map { Int($0) }
    }

    /// A yes/no field: `1`/`0` (also `true`/`false`, `yes`/`no`, `ja`/`nee`). Empty → `fallback` or an error.
    func flag(_ row: CSVTable.Row, _ name: String, fallback: Bool? = nil) -> Bool? {
        guard let t = text(row, name) else { return fallback }
        if t.isEmpty, let fallback { return fallback }
        switch t.lowercased() {
        case "1", "true", "yes", "ja", "j", "y": return true
        case "0", "false", "no", "nee", "n": return false
        default: fail(row, name, "expected 1 or 0, found \"\(t)\""); return nil
        }
    }

    /// One value of an enumeration (case-insensitive).
    func choice<T: RawRepresentable & CaseIterable>(_ row: CSVTable.Row, _ name: String, _: T.Type, fallback: T? = nil) -> T?
    where T.RawValue == String {
        guard let t = text(row, name) else { return fallback }
        if t.isEmpty, let fallback { return fallback }
        if let v = T(rawValue: t.lowercased()) { return v }
        fail(row, name, "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(t)\"")
        return nil
    }

    /// A list such as `mon;wed;fri` or `pg;vg` (separators `;`, `|`, `/`, `+`, `,` or spaces),
    /// each item parsed by `parse`; an unknown item or an empty list is an error naming it.
    func list<T>(_ row: CSVTable.Row, _ name: String, what: String, expected: String, _ parse: (String) -> T?) -> [T]? {
        guard let t = required(row, name) else { return nil }
        let items = t.split(whereSeparator: { ";|/+, ".contains($0) }).map(String.init)
        var out: [T] = []
        for item in items {
            guard let v = parse(item) else { fail(row, name, "expected \(expected), found unknown \(what) \"\(item)\""); return nil }
            out.append(v)
        }
        if out.isEmpty { fail(row, name, "expected \(expected), found \"\(t)\""); return nil }
        return out
    }

    /// A time `HH:MM`.
    func time(_ row: CSVTable.Row, _ name: String) -> ClockTime? {
        guard let t = required(row, name) else { return nil }
        guard let v = ClockTime(parsing: t) else { fail(row, name, "expected a time HH:MM (00:00 to 23:59), found \"\(t)\""); return nil }
        return v
    }

    /// An amount in euros (≥ 0, at most two decimals meaningful) as euro cents.
    func euros(_ row: CSVTable.Row, _ name: String, fallback: EuroCents? = nil) -> EuroCents? {
        number(row, name, 0...1_000_000_000, fallback: fallback?.euros, unit: " of euros").map { EuroCents(euros: $0) }
    }

    /// A position from `<prefix>lat`/`<prefix>lon` (WGS84) or, when those are empty or absent,
    /// `<prefix>x_rd`/`<prefix>y_rd` (RD New, converted). Outside the Netherlands is a warning.
    /// Returns `.some(nil)` when all position fields are empty and `optional` is set.
    func position(_ row: CSVTable.Row, prefix: String = "", optional: Bool = false) -> GeoPoint?? {
        let lat = prefix + "lat", lon = prefix + "lon", x = prefix + "x_rd", y = prefix + "y_rd"
        let hasWGS = [lat, lon].contains { !(text(row, $0) ?? "").isEmpty }
        let hasRD = [x, y].contains { !(text(row, $0) ?? "").isEmpty }
        let point: GeoPoint
        if hasWGS || !hasRD && has(lat) {
            if !hasWGS && optional { return .some(nil) }
            guard let a = number(row, lat, -90...90, unit: " of degrees"), let o = number(row, lon, -180...180, unit: " of degrees") else { return nil }
            point = GeoPoint(lat: a, lon: o)
        } else if hasRD || has(x) {
            if !hasRD && optional { return .some(nil) }
            guard let px = number(row, x, RDPoint.xRange, unit: " of metres (RD New)"),
                  let py = number(row, y, RDPoint.yRange, unit: " of metres (RD New)") else { return nil }
            point = RDPoint(x: px, y: py).toWGS84()
        } else {
            return optional ? .some(nil) : nil
        }
        if !point.isInNetherlands {
            let swapped = GeoPoint(lat: point.lon, lon: point.lat).isInNetherlands ? " (lat and lon look swapped)" : ""
            warn(row, has(lat) && hasWGS ? lat : x,
                 "expected a position in the Netherlands (lat 50.75–53.7, lon 3.2–7.25), found \(point)\(swapped)")
        }
        return .some(point)
    }

    /// Snapshot of the error count, to tell whether a row produced errors.
    var errorCount: Int { sink.errorCount }

    static func format(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)" }
}
