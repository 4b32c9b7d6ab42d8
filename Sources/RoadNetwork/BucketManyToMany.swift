import DagrouteCore
import Foundation

extension ContractionHierarchy {
    /// Shortest `PathWeight`s from every source to every target by the bucket algorithm:
    /// one upward backward search per target stores (target, weight) in a bucket at every node it
    /// settles; one upward forward search per source scans the buckets of the nodes it settles.
    /// Both searches use stall-on-demand. Searches run in parallel on up to `threads` workers, each
    /// with its own scratch (distances reset by timestamps, heap storage reused: nothing is
    /// allocated per search). `row(i, weights)` receives source `i`'s weights to all targets
    /// (`PathWeight.infinity` when unreachable), possibly from several threads at once but each row once.
    /// `checkpoint` is called before every block of searches (from any worker); once it throws (e.g.
    /// a `CancellationError` on Ctrl-C) the remaining searches are skipped, no further row is
    /// delivered and its error is rethrown (a checkpoint that threw must keep throwing).
    public func manyToMany(from sources: [SnappedPoint], to targets: [SnappedPoint], threads: Int,
                           progress: DagrouteCore.Progress = .silent,
                           checkpoint: () throws -> Void,
                           row: (Int, UnsafeBufferPointer<UInt64>) -> Void) rethrows {
        let workers = max(1, threads)
        let stopped = StopSignal()
        // Workers cannot throw: a failed checkpoint raises the signal, and the checkpoint runs once
        // more on this thread to rethrow its error.
        func stopHere() -> Bool {
            if stopped.isRaised { return true }
            do { try checkpoint() } catch { stopped.raise(); return true }
            return false
        }
        let scratch = (0..<workers).map { _ in SearchScratch(nodeCount: nodeCount) }

        // Backward searches fill per-worker bucket entry lists.
        let entries = (0..<workers).map { _ in BucketEntries() }
        ParallelBlocks.run(count: targets.count, blockSize: 16, threads: workers) { worker, range in
            let s = scratch[worker], out = entries[worker]
            if stopHere() { return }
            for j in range {
                search(from: targets[j].arrivals, scratch: s, forward: false) { node, d in
                    out.node.append(node); out.target.append(Int32(j)); out.weight.append(d)
                }
            }
        }
        if stopped.isRaised { try checkpoint() }
        // Counting sort of all entries by node into one CSR bucket array.
        var bucketStart = [Int32](repeating: 0, count: nodeCount + 1)
        for e in entries { for node in e.node { bucketStart[Int(node) + 1] += 1 } }
        for r in 0..<nodeCount { bucketStart[r + 1] += bucketStart[r] }
        let total = Int(bucketStart[nodeCount])
        var fill = bucketStart
        var bucketTarget = [Int32](repeating: 0, count: total), bucketWeight = [UInt64](repeating: 0, count: total)
        for e in entries {
            for k in e.node.indices {
                let slot = Int(fill[Int(e.node[k])])
                bucketTarget[slot] = e.target[k]; bucketWeight[slot] = e.weight[k]
                fill[Int(e.node[k])] += 1
            }
        }
        progress.say("many-to-many: \(targets.count) backward searches, \(total) bucket entries")

        var onSegment: [Int: [Int]] = [:]
        for (j, t) in targets.enumerated() { onSegment[t.segment, default: []].append(j) }
        let rows = (0..<workers).map { _ in [UInt64](repeating: PathWeight.infinity, count: targets.count) }
        nonisolated(unsafe) var rowBuffers = rows
        rowBuffers.withUnsafeMutableBufferPointer { buffers in
            nonisolated(unsafe) let buffers = buffers
            ParallelBlocks.run(count: sources.count, blockSize: 8, threads: workers) { worker, range in
                let s = scratch[worker]
                if stopHere() { return }
                buffers[worker].withUnsafeMutableBufferPointer { best in
                    for i in range {
                        search(from: sources[i].departures, scratch: s, forward: true) { node, d in
                            for k in Int(bucketStart[Int(node)])..<Int(bucketStart[Int(node) + 1]) {
                                let j = Int(bucketTarget[k]), w = d + bucketWeight[k]
                                if w < best[j] { best[j] = w }
                            }
                        }
                        for j in onSegment[sources[i].segment] ?? [] {
                            if let w = sources[i].direct(to: targets[j]), w < best[j] { best[j] = w }
                        }
                        row(i, UnsafeBufferPointer(best))
                        for j in 0..<best.count { best[j] = PathWeight.infinity }
                    }
                }
            }
        }
        if stopped.isRaised { try checkpoint() }
    }

    /// `manyToMany` without a checkpoint: runs to the end.
    public func manyToMany(from sources: [SnappedPoint], to targets: [SnappedPoint], threads: Int,
                           progress: DagrouteCore.Progress = .silent,
                           row: (Int, UnsafeBufferPointer<UInt64>) -> Void) {
        manyToMany(from: sources, to: targets, threads: threads, progress: progress, checkpoint: {}, row: row)
    }

    /// The shortest weight from `source` to `target` (one pair; for spot checks and tests).
    public func query(from source: SnappedPoint, to target: SnappedPoint) -> UInt64 {
        var result = PathWeight.infinity
        manyToMany(from: [source], to: [target], threads: 1) { _, w in result = w[0] }
        return result
    }

    /// A full upward search (stall-on-demand) from `anchors` (graph nodes with initial weights);
    /// `visit(rank, weight)` is called for every settled, non-stalled node.
    func search(from anchors: [SnappedPoint.Anchor], scratch s: SearchScratch, forward: Bool,
                visit: (Int32, UInt64) -> Void) {
        s.distance.reset(); s.heap.removeAll()
        for a in anchors {
            let r = Int(rank[Int(a.node)])
            if a.weight < s.distance[r] { s.distance[r] = a.weight; s.heap.push(a.weight, Int32(r)) }
        }
        let (first, head, weight) = forward ? (upFirst, upHead, upWeight) : (downFirst, downHead, downWeight)
        let (stallFirst, stallHead, stallWeight) = forward ? (downFirst, downHead, downWeight) : (upFirst, upHead, upWeight)
        while let (d, r32) = s.heap.pop() {
            let r = Int(r32)
            if d > s.distance[r] { continue }
            // Stall: a higher node already reached offers a lighter way into r.
            var stalled = false
            for e in Int(stallFirst[r])..<Int(stallFirst[r + 1]) {
                let h = Int(stallHead[e])
                let dh = s.distance[h]
                if dh != PathWeight.infinity, dh + stallWeight[e] < d { stalled = true; break }
            }
            if stalled { continue }
            visit(r32, d)
            for e in Int(first[r])..<Int(first[r + 1]) {
                let h = Int(head[e]), nd = d + weight[e]
                if nd < s.distance[h] { s.distance[h] = nd; s.heap.push(nd, Int32(h)) }
            }
        }
    }
}

/// One worker's search state, reused across its searches.
final class SearchScratch: @unchecked Sendable {
    var distance: StampedDistances
    var heap = MinHeap()
    init(nodeCount: Int) { distance = StampedDistances(count: nodeCount) }
}

/// Raised by the first worker whose checkpoint failed; the others stop at their next block.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    var isRaised: Bool { lock.withLock { raised } }
    func raise() { lock.withLock { raised = true } }
}

/// One worker's bucket entries before they are merged.
final class BucketEntries: @unchecked Sendable {
    var node: [Int32] = [], target: [Int32] = [], weight: [UInt64] = []
}
