import DagrouteCore
import Foundation

/// A JSON value with the 1-based line and column where it starts, so that settings errors can
/// name the exact place. Object members keep their file order. Also renders itself as text
/// (2-space indentation, members in order) for `InstanceWriter`.
struct JSONNode {
    enum Value {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }
    struct Member {
        var key: String
        var value: JSONNode
    }
    var value: Value
    var line = 0
    var column = 0

    init(_ value: Value, line: Int = 0, column: Int = 0) { self.value = value; self.line = line; self.column = column }

    /// A short description of the value's kind and content for `found …` messages.
    var found: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string(let s): return "\"\(s)\""
        case .number(let d): return JSONNode.format(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    // MARK: - Parsing

    /// Parses UTF-8 JSON text; a syntax error is an input diagnostic at its line and column.
    static func parse(_ bytes: [UInt8], file: String) throws -> JSONNode {
        var p = Parser(b: bytes, file: file)
        p.skipSpace()
        let node = try p.value()
        p.skipSpace()
        if p.i < bytes.count { throw p.error("expected the end of the file after the top-level value, found '\(p.peekText)'") }
        return node
    }

    private struct Parser {
        let b: [UInt8]
        let file: String
        var i = 0, line = 1, lineStart = 0, depth = 0
        /// Deeper nesting than this is refused (no settings file needs it; it protects the stack).
        static let maxDepth = 64

        var column: Int { i - lineStart + 1 }
        var peekText: String { i < b.count ? String(decoding: b[i..<min(b.count, i + 12)], as: UTF8.self) : "the end of the file" }

        func error(_ message: String) -> DagrouteError {
            .input(file: file, line: line, column: column, message)
        }

        mutating func skipSpace() {
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0D: i += 1
                case 0x0A: i += 1; line += 1; lineStart = i
                default: return
                }
            }
        }

        mutating func value() throws -> JSONNode {
            guard i < b.count else { throw error("expected a value, found the end of the file") }
            let (l, c) = (line, column)
            if b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "[") {
                guard depth < Parser.maxDepth else { throw error("expected at most \(Parser.maxDepth) nested objects and lists, found more") }
            }
            switch b[i] {
            case UInt8(ascii: "{"): return JSONNode(try object(), line: l, column: c)
            case UInt8(ascii: "["): return JSONNode(try array(), line: l, column: c)
            case UInt8(ascii: "\""): return JSONNode(.string(try string()), line: l, column: c)
            case UInt8(ascii: "t"): try literal("true"); return JSONNode(.bool(true), line: l, column: c)
            case UInt8(ascii: "f"): try literal("false"); return JSONNode(.bool(false), line: l, column: c)
            case UInt8(ascii: "n"): try literal("null"); return JSONNode(.null, line: l, column: c)
            default: return JSONNode(.number(try number()), line: l, column: c)
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= b.count, Array(b[i..<i + w.count]) == w else {
                throw error("expected a value (object, list, string, number, true, false or null), found '\(peekText)'")
            }
            i += w.count
        }

        mutating func number() throws -> Double {
            let start = i
            while i < b.count, "+-0123456789.eE".utf8.contains(b[i]) { i += 1 }
            let text = String(decoding: b[start..<i], as: UTF8.self)
            guard !text.isEmpty, let d = Double(text), d.isFinite else {
                i = start
                throw error("expected a value (object, list, string, number, true, false or null), found '\(peekText)'")
            }
            return d
        }

        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == 0x0A { throw error("expected a closing quote before the end of the line, found a line break") }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < b.count else { break }
                    let e = b[i + 1]
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard i + 5 < b.count, let v = UInt32(String(decoding: b[i + 2...i + 5], as: UTF8.self), radix: 16),
                              let s = Unicode.Scalar(v) else { throw error("expected \\u and four hex digits, found '\(peekText)'") }
                        out.append(contentsOf: Array(String(Character(s)).utf8)); i += 6; continue
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    default: throw error("expected an escape (\\n, \\t, \\\", \\\\, \\u…), found '\(peekText)'")
                    }
                    i += 2; continue
                }
                out.append(c); i += 1
            }
            throw error("expected a closing quote, found the end of the file")
        }

        mutating func array() throws -> Value {
            i += 1
            depth += 1
            defer { depth -= 1 }
            var items: [JSONNode] = []
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                guard i < b.count else { throw error("expected ',' or ']', found the end of the file") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error("expected ',' or ']' in the list, found '\(peekText)'")
            }
        }

        mutating func object() throws -> Value {
            i += 1
            depth += 1
            defer { depth -= 1 }
            var members: [Member] = []
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw error("expected a quoted member name, found '\(peekText)'") }
                let key = try string()
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\", found '\(peekText)'") }
                i += 1
                skipSpace()
                members.append(Member(key: key, value: try value()))
                skipSpace()
                guard i < b.count else { throw error("expected ',' or '}', found the end of the file") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error("expected ',' or '}' in the object, found '\(peekText)'")
            }
        }
    }

    // MARK: - Rendering

    /// The value as JSON text with 2-space indentation and a final newline at top level.
    func render(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 2), close = String(repeating: " ", count: indent)
        switch value {
        case .object(let ms):
            if ms.isEmpty { return "{}" }
            return "{\n" + ms.map { pad + $0.key.jsonQuoted + ": " + $0.value.render(indent: indent + 2) }
                .joined(separator: ",\n") + "\n" + close + "}"
        case .array(let xs):
            if xs.isEmpty { return "[]" }
            if xs.allSatisfy({ if case .object = $0.value { return false }; if case .array = $0.value { return false }; return true }) {
                return "[" + xs.map { $0.render() }.joined(separator: ", ") + "]"
            }
            return "[\n" + xs.map { pad + $0.render(indent: indent + 2) }.joined(separator: ",\n") + "\n" + close + "]"
        case .string(let s): return s.jsonQuoted
        case .number(let d): return JSONNode.format(d)
        case .bool(let v): return v ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Integers without a decimal point, other numbers in Swift's shortest round-trip form.
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }
}
