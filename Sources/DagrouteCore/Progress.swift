import Foundation

/// Progress and log lines for long work, written to stderr (stdout is for results).
///
/// Thread-safe. A silent reporter (`Progress.silent`) drops everything, for `--quiet` and tests.
public final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()

    public init(enabled: Bool) { self.enabled = enabled }

    /// A reporter that prints nothing.
    public static let silent = Progress(enabled: false)

    /// Seconds elapsed since this reporter was created.
    public var elapsed: Double { Date().timeIntervalSince(start) }

    /// Writes `[  12.3 s] message` to stderr.
    public func say(_ message: @autoclosure () -> String) {
        guard enabled else { return }
        let line = String(format: "[%7.1f s] ", elapsed) + message() + "\n"
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Writes a warning line to stderr regardless of `enabled` (warnings are never silenced).
    public static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }
}
