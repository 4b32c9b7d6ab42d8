import Foundation

/// A CSV file read into header and rows, with the source line of every row kept for diagnostics.
///
/// Accepts what spreadsheets export: `,` or `;` as delimiter (detected from the header line),
/// a UTF-8 byte-order mark, quoted fields (`"a ""b"" c"`, also spanning lines), CRLF or LF line
/// ends, and — when the delimiter is `;` — decimal commas in numbers (see `number(_:)`).
/// Blank lines are skipped. Columns in diagnostics are 1-based field positions.
public struct CSVTable: Sendable {
    /// One data row: its 1-based line in the file (where the row starts) and its fields.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// The file name used in diagnostics.
    public let file: String
    /// The detected delimiter, `,` or `;`.
    public let delimiter: Character
    /// The header fields, trimmed of surrounding spaces.
    public let header: [String]
    /// The data rows, in file order.
    public let rows: [Row]

    /// True when numbers may use a decimal comma (the delimiter is `;`).
    public var decimalComma: Bool { delimiter == ";" }

    /// The 1-based column of `name` in the header (case-insensitive), or nil.
    public func column(_ name: String) -> Int? {
        let key = name.lowercased()
        return header.firstIndex { $0.lowercased() == key }.map { $0 + 1 }
    }

    /// Parses `data`. Throws `DagrouteError.input` for an empty file, bytes that are not UTF-8 (with
    /// line and byte offset) and a quote left open at the end of the file.
    public static func parse(_ data: Data, file: String) throws -> CSVTable {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            throw DagrouteError.input([Diagnostic(file: file, line: line, byteOffset: bad,
                message: "expected UTF-8 text, found byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at byte offset \(bad) (save the file as UTF-8)")])
        }
        let delimiter = detectDelimiter(bytes)
        var records = try tokenize(bytes, delimiter: delimiter, file: file)
        guard !records.isEmpty else {
            throw DagrouteError.input(file: file, "expected a header line, found an empty file")
        }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return CSVTable(file: file, delimiter: Character(UnicodeScalar(delimiter)), header: header, rows: records)
    }

    /// Reads and parses the file at `url`; a missing or unreadable file is an input error.
    public static func read(_ url: URL, displayName: String? = nil) throws -> CSVTable {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DagrouteError.input(file: name, "expected a readable file, found none")
        }
        return try parse(data, file: name)
    }

    /// Parses a number written with `.` or, when `decimalComma`, with `,` as decimal separator.
    /// Surrounding spaces are ignored. Returns nil for anything else, including NaN and infinity.
    public static func number(_ text: String, decimalComma: Bool) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if decimalComma { t = t.replacingOccurrences(of: ",", with: ".") }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let v = Double(t), v.isFinite else { return nil }
        return v
    }

    /// `number(text, decimalComma: self.decimalComma)`.
    public func number(_ text: String) -> Double? { CSVTable.number(text, decimalComma: decimalComma) }

    // MARK: - Tokenizer

    private static func detectDelimiter(_ b: [UInt8]) -> UInt8 {
        var commas = 0, semis = 0, quoted = false
        for c in b {
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted {
                if c == 10 { if commas + semis > 0 { break } }
                else if c == UInt8(ascii: ",") { commas += 1 }
                else if c == UInt8(ascii: ";") { semis += 1 }
            }
        }
        return semis > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    private static func tokenize(_ b: [UInt8], delimiter: UInt8, file: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, rowLine = 1
        var i = 0
        var inQuotes = false, quoteLine = 0
        let quote = UInt8(ascii: "\"")
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < b.count && b[i + 1] == quote { field.append(quote); i += 2; continue }
                    inQuotes = false
                } else {
                    if c == 10 { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case quote where field.allSatisfy({ $0 == 32 }):
                field.removeAll(keepingCapacity: true); inQuotes = true; quoteLine = line
            case delimiter:
                endField()
            case 13 where i + 1 < b.count && b[i + 1] == 10:
                break
            case 10, 13:
                endRow(); line += 1; rowLine = line
            default:
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw DagrouteError.input(file: file, line: quoteLine, "expected a closing quote (\") for the field opened here, found the end of the file")
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    /// The byte offset of the first byte that does not start or continue valid UTF-8, or nil when
    /// all of `b` is valid UTF-8.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let n: Int
            if c & 0xE0 == 0xC0, c >= 0xC2 { n = 1 }
            else if c & 0xF0 == 0xE0 { n = 2 }
            else if c & 0xF8 == 0xF0, c <= 0xF4 { n = 3 }
            else { return i }
            for k in 1...n where i + k >= b.count || b[i + k] & 0xC0 != 0x80 { return i }
            i += n + 1
        }
        return nil
    }
}
