/// One finding about an input file, located as precisely as the format allows.
///
/// Rendered as `file:line:column: error: expected …, found …` (line and column 1-based; a binary
/// file reports a byte offset instead of a line).
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }
    public var severity: Severity
    /// The file name as the user gave it (or as found inside an instance folder).
    public var file: String
    /// 1-based line, or nil when the finding concerns the whole file.
    public var line: Int?
    /// 1-based column (a field index for CSV, counting from 1), or nil.
    public var column: Int?
    /// Byte offset in a binary file, or nil.
    public var byteOffset: Int?
    /// The field or column name concerned, when there is one.
    public var field: String?
    /// Human-readable text, ideally `expected …, found …`.
    public var message: String

    public init(_ severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil,
                byteOffset: Int? = nil, field: String? = nil, message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column
        self.byteOffset = byteOffset; self.field = field; self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" ; if let column { place += ":\(column)" } }
        else if let byteOffset { place += ":byte \(byteOffset)" }
        let fieldPart = field.map { " [\($0)]" } ?? ""
        return "\(place): \(severity.rawValue)\(fieldPart): \(message)"
    }
}

/// The error kinds of dagroute and their process exit codes (DESIGN §3).
public enum DagrouteError: Error, Sendable, CustomStringConvertible {
    /// Bad input: every diagnostic found (exit code 2). Contains at least one `.error`.
    case input([Diagnostic])
    /// The input is valid but no feasible plan exists (exit code 3).
    case noFeasiblePlan(String)
    /// A defect or an environment failure (exit code 1).
    case `internal`(String)

    /// Convenience for a single input error.
    public static func input(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil,
                             _ message: String) -> DagrouteError {
        .input([Diagnostic(file: file, line: line, column: column, field: field, message: message)])
    }

    /// The process exit code for this kind: input 2, no feasible plan 3, internal 1.
    public var exitCode: Int32 {
        switch self {
        case .input: return 2
        case .noFeasiblePlan: return 3
        case .internal: return 1
        }
    }

    /// A short machine-readable kind: `input`, `infeasible`, `internal`.
    public var kind: String {
        switch self {
        case .input: return "input"
        case .noFeasiblePlan: return "infeasible"
        case .internal: return "internal"
        }
    }

    public var description: String {
        switch self {
        case .input(let ds): return ds.map(\.description).joined(separator: "\n")
        case .noFeasiblePlan(let m): return "no feasible plan: \(m)"
        case .internal(let m): return "internal error: \(m)"
        }
    }
}
