import DagrouteCore

/// Collects every diagnostic of a read, so that all errors of all files are reported together.
final class DiagnosticSink {
    private(set) var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }
    var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    func add(_ d: Diagnostic) { items.append(d) }

    func error(_ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String) {
        items.append(Diagnostic(.error, file: file, line: line, column: column, field: field, message: message))
    }

    func warning(_ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String) {
        items.append(Diagnostic(.warning, file: file, line: line, column: column, field: field, message: message))
    }
}
