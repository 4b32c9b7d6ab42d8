import DagrouteCore

/// Collects every diagnostic of a read, so that all errors of all files are reported together.
final class DiagnosticSink {
    private(set) var items: [Diagnostic] = []
    /// The number of `.error` items (kept up to date, so rows can cheaply tell whether they failed).
    private(set) var errorCount = 0

    var hasErrors: Bool { errorCount > 0 }

    func add(_ d: Diagnostic) {
        items.append(d)
        if d.severity == .error { errorCount += 1 }
    }

    func error(_ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String) {
        add(Diagnostic(.error, file: file, line: line, column: column, field: field, message: message))
    }

    func warning(_ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String) {
        add(Diagnostic(.warning, file: file, line: line, column: column, field: field, message: message))
    }
}
