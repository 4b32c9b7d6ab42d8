/// A titled table of already formatted cells, rendered as aligned text (`text`) or HTML
/// (`HTMLReport`). Numeric columns are right-aligned.
///
/// Invariant: every row has exactly `columns.count` cells (`add` checks it).
public struct ReportTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    /// A column heading and how its cells align.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment) { self.title = title; self.alignment = alignment }
        /// A left-aligned (text) column.
        public static func text(_ title: String) -> Column { Column(title, .left) }
        /// A right-aligned (number) column.
        public static func number(_ title: String) -> Column { Column(title, .right) }
    }

    public var title: String
    public var columns: [Column]
    public private(set) var rows: [[String]] = []
    /// Row indices after which a total line follows (drawn as a rule in text, bold in HTML).
    public private(set) var totalRows: Set<Int> = []
    /// A sentence under the table (units, definitions), or empty.
    public var note: String

    public init(title: String, columns: [Column], note: String = "") {
        self.title = title; self.columns = columns; self.note = note
    }

    /// Appends a row of formatted cells; `isTotal` marks it as a total row.
    public mutating func add(_ cells: [String], isTotal: Bool = false) {
        precondition(cells.count == columns.count, "a row of \(title) needs \(columns.count) cells, got \(cells.count)")
        if isTotal { totalRows.insert(rows.count) }
        rows.append(cells)
    }

    /// The table as aligned text: the title, a heading line, a rule, the rows (a rule before each
    /// total row), and the note. Widths count characters, so `€` and accented names align.
    public var text: String {
        var widths = columns.map { $0.title.count }
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { k, cell in
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                return columns[k].alignment == .right ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var out = [title, line(columns.map(\.title)), rule]
        for (i, row) in rows.enumerated() {
            if totalRows.contains(i) { out.append(rule) }
            out.append(line(row))
        }
        if !note.isEmpty { out.append(note) }
        return out.joined(separator: "\n") + "\n"
    }
}
