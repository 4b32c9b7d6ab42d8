import DagrouteCore
import Foundation

/// The points file of `dagroute matrix`: CSV with columns `id`, `lat`, `lon` (WGS84 degrees; any
/// column order, extra columns ignored; `,` or `;` delimiter as `CSVTable` detects).
public enum PointsFile {
    /// Reads and validates the file. Every problem (missing column, empty or duplicate id, a
    /// coordinate that is not a number or out of range) is reported with line and column, all at once.
    public static func read(_ url: URL, displayName: String? = nil) throws -> [MatrixPoint] {
        try parse(CSVTable.read(url, displayName: displayName))
    }

    /// Validates an already tokenised table (see `read`).
    public static func parse(_ table: CSVTable) throws -> [MatrixPoint] {
        var problems: [Diagnostic] = []
        func column(_ name: String) -> Int? {
            if let c = table.column(name) { return c }
            problems.append(Diagnostic(file: table.file, line: 1, field: name,
                message: "expected a column named \(name), found columns \(table.header.joined(separator: ", "))"))
            return nil
        }
        let idColumn = column("id"), latColumn = column("lat"), lonColumn = column("lon")
        guard let idColumn, let latColumn, let lonColumn else { throw DagrouteError.input(problems) }
        var points: [MatrixPoint] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            func field(_ c: Int) -> String? { c <= row.fields.count ? row.fields[c - 1].trimmingCharacters(in: .whitespaces) : nil }
            func problem(_ c: Int, _ name: String, _ message: String) {
                problems.append(Diagnostic(file: table.file, line: row.line, column: c, field: name, message: message))
            }
            let id = field(idColumn) ?? ""
            if id.isEmpty { problem(idColumn, "id", "expected a point id, found an empty field") }
            else if let earlier = firstLine[id] { problem(idColumn, "id", "expected a unique id, found \(id) again (first on line \(earlier))") }
            else { firstLine[id] = row.line }
            func coordinate(_ c: Int, _ name: String, _ limit: Double) -> Double? {
                guard let text = field(c) else {
                    problem(c, name, "expected \(name) in degrees, found a missing field (the row has \(row.fields.count) fields)")
                    return nil
                }
                guard let v = table.number(text) else {
                    problem(c, name, "expected \(name) in decimal degrees, found \"\(text)\"")
                    return nil
                }
                guard abs(v) <= limit else {
                    problem(c, name, "expected \(name) between -\(Int(limit)) and \(Int(limit)), found \(text)")
                    return nil
                }
                return v
            }
            let lat = coordinate(latColumn, "lat", 90), lon = coordinate(lonColumn, "lon", 180)
            if let lat, let lon, !id.isEmpty { points.append(MatrixPoint(id: id, position: GeoPoint(lat: lat, lon: lon))) }
        }
        if table.rows.isEmpty {
            problems.append(Diagnostic(file: table.file, line: 1, message: "expected at least one point after the header, found none"))
        }
        guard problems.isEmpty else { throw DagrouteError.input(problems) }
        return points
    }
}
