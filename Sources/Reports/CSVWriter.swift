/// Writes CSV text (RFC 4180): comma-separated, `\n` line ends, a field quoted when it holds a
/// comma, a quote, a semicolon, a line break or leading/trailing spaces, with quotes doubled.
/// A field starting with `=`, `+`, `-` or `@` that is not a number is prefixed with `'` so that
/// spreadsheets do not run it as a formula.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    /// Starts a file with the header row.
    public init(header: [String]) { addRow(header) }

    /// Appends one row.
    public mutating func addRow(_ fields: [String]) {
        text += fields.map(CSVWriter.field).joined(separator: ",") + "\n"
    }

    /// One field, quoted and defused as described on the type.
    public static func field(_ raw: String) -> String {
        var value = raw
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == ";" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
