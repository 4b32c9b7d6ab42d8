import Foundation

/// A JSON value written with keys in the order given and numbers formatted by the caller, so
/// that outputs are byte-identical across runs and platforms (Foundation's encoders print
/// doubles such as `0.30000000000000004`).
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number already formatted as JSON (e.g. `"52.123456"`); must be a valid JSON number.
    case number(String)
    case bool(Bool)
    case null

    /// An integer.
    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    /// A double rounded to `digits` decimals (`null` when not finite).
    public static func double(_ v: Double, digits: Int) -> JSONValue {
        guard v.isFinite else { return .null }
        let text = String(format: "%.\(digits)f", v)
        return .number(text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text)
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered(indent: nil) == b.rendered(indent: nil) }

    /// The JSON text; pretty-printed with two-space indentation when `pretty`, plus a final newline.
    public func text(pretty: Bool = true) -> String { rendered(indent: pretty ? "" : nil) + "\n" }

    private func rendered(indent: String?) -> String {
        let inner = indent.map { $0 + "  " }
        let open = inner.map { "\n" + $0 } ?? ""
        let close = indent.map { "\n" + $0 } ?? ""
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            let colon = indent == nil ? ":" : ": "
            return "{" + open + members.map { $0.0.jsonQuoted + colon + $0.1.rendered(indent: inner) }
                .joined(separator: "," + open) + close + "}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            // Arrays of scalars (coordinates, numbers) stay on one line.
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.rendered(indent: nil) }.joined(separator: indent == nil ? "," : ", ") + "]"
            }
            return "[" + open + items.map { $0.rendered(indent: inner) }.joined(separator: "," + open) + close + "]"
        case .string(let s): return s.jsonQuoted
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }
}
