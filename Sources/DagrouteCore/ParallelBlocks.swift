import Dispatch
import Foundation

/// A parallel loop over `count` work items cut into contiguous blocks, run on at most `threads`
/// workers with `DispatchQueue.concurrentPerform`. Blocks are handed out in increasing order from a
/// shared counter, so uneven blocks balance; each block is processed by exactly one worker.
/// Results are deterministic when `body` writes only to the items of its own block.
public enum ParallelBlocks {
    /// Calls `body(worker, range)` for consecutive ranges of `blockSize` items covering `0..<count`.
    /// `worker` is in `0..<min(threads, blocks)`, so per-worker scratch can be indexed by it.
    public static func run(count: Int, blockSize: Int, threads: Int,
                           _ body: (_ worker: Int, _ range: Range<Int>) -> Void) {
        guard count > 0 else { return }
        let size = max(1, blockSize)
        let blocks = (count + size - 1) / size
        let workers = max(1, min(threads, blocks))
        if workers == 1 {
            for b in 0..<blocks { body(0, b * size..<min(count, (b + 1) * size)) }
            return
        }
        let counter = BlockCounter()
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while true {
                    let b = counter.next()
                    guard b < blocks else { return }
                    work(worker, b * size..<min(count, (b + 1) * size))
                }
            }
        }
    }

    /// The number of worker threads to use by default: the active processor count.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}

private final class BlockCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
