import DagrouteCore
import Foundation

/// Counts finished matrix rows from any thread and reports every tenth of them on stderr.
final class RowProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int, label: String, progress: DagrouteCore.Progress
    private var done = 0, nextReport: Int

    init(total: Int, label: String, progress: DagrouteCore.Progress) {
        self.total = total; self.label = label; self.progress = progress
        nextReport = max(1, total / 10)
    }

    /// Records `rows` more finished rows.
    func finished(_ rows: Int) {
        lock.lock(); defer { lock.unlock() }
        done += rows
        guard done >= nextReport, done < total else { return }
        progress.say("\(label): \(done) of \(total) rows")
        nextReport = done + max(1, total / 10)
    }
}
