import Foundation

/// A process-wide request to stop long computations early, set by Ctrl-C (SIGINT) once the CLI
/// called `handleInterrupts()`. Stop criteria and solver callbacks poll `isRequested` and return
/// their best result so far; the CLI then reports it and leaves existing output files untouched.
public enum Cancellation {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var requested = false
        var source: DispatchSourceSignal?
    }
    private static let state = State()

    /// True once cancellation was requested (cheap enough to poll once per search iteration).
    public static var isRequested: Bool { state.lock.withLock { state.requested } }

    /// Requests cancellation (what the first SIGINT does).
    public static func request() { state.lock.withLock { state.requested = true } }

    /// Turns the first SIGINT into `request()` plus a note on stderr; a second SIGINT ends the
    /// process at once (the default action). Idempotent.
    public static func handleInterrupts() {
        handleInterrupts(note: "interrupted: stopping with the best result so far (Ctrl-C again to quit at once)")
    }

    /// `handleInterrupts()` with the note a command prints on the first SIGINT (for commands that
    /// have no partial result to report).
    public static func handleInterrupts(note: String) {
        state.lock.withLock {
            guard state.source == nil else { return }
            signal(SIGINT, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            source.setEventHandler {
                request()
                FileHandle.standardError.write(Data((note + "\n").utf8))
                signal(SIGINT, SIG_DFL)
            }
            source.resume()
            state.source = source
        }
    }
}
