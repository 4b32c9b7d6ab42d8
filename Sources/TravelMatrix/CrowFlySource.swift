import DagrouteCore
import Foundation

/// Crow-fly travel times: great-circle distance × detour factor, driven at the distance-dependent
/// speed of a `TravelTimeModel` (the settings' `travel_time`).
///
/// Every entry equals `TravelTimeModel.estimate(from:to:)` bit for bit: the kernel
/// (`CrowFlyKernel`) runs the model's own arithmetic four pairs at a time. Each point's unit vector
/// is computed once; a pair then costs a 3-D chord, a square root, a short arcsine series and one
/// division, with no trigonometric call. The output buffers are faulted in first (in parallel, timed
/// apart), then rows are filled in parallel blocks straight into them; when origins and destinations
/// are the same list only the upper triangle is computed and mirrored. Entry values depend only on the
/// two points, never on the thread count.
public struct CrowFlySource: TravelTimeSource {
    public let model: TravelTimeModel

    /// A source for `model` (default: the documented Dutch defaults).
    public init(model: TravelTimeModel = TravelTimeModel()) {
        self.model = model
    }

    /// The matrix between the points' positions. Polls `Cancellation.isRequested` between row
    /// blocks and throws `CancellationError` once it is set (nothing partial is returned).
    public func matrix(from origins: [MatrixPoint], to destinations: [MatrixPoint],
                       threads: Int, progress: DagrouteCore.Progress) throws -> DurationMatrix {
        let result = fill(origins.map(\.position), destinations.map(\.position), threads: threads,
                          progress: progress, stop: { Cancellation.isRequested })
        guard let result else { throw CancellationError() }
        return result
    }

    /// The matrix between plain positions (rows: `origins`, columns: `destinations`).
    public func matrix(from origins: [GeoPoint], to destinations: [GeoPoint],
                       threads: Int, progress: DagrouteCore.Progress = .silent) -> DurationMatrix {
        fill(origins, destinations, threads: threads, progress: progress, stop: { false })!
    }

    /// Fills the matrix; nil when `stop` returned true before a row block (checked once per block).
    private func fill(_ origins: [GeoPoint], _ destinations: [GeoPoint], threads: Int,
                      progress: DagrouteCore.Progress, stop: () -> Bool) -> DurationMatrix? {
        let from = UnitVectors(origins), to = UnitVectors(destinations)
        let n = origins.count, m = destinations.count
        let kernel = CrowFlyKernel(model)
        progress.say("crow-fly matrix \(n) × \(m) on \(max(1, threads)) thread(s)")
        let symmetric = origins == destinations
        let rowsDone = RowProgress(total: n, label: "crow-fly matrix", progress: progress)
        let stopped = StopFlag()
        let matrix = DurationMatrix(rows: n, columns: m) { seconds, metres in
            let faulting = DispatchTime.now()
            DurationMatrix.prefault(seconds, threads: threads)
            DurationMatrix.prefault(metres, threads: threads)
            progress.say("crow-fly output buffers (\(8 * n * m / 1_000_000) MB) faulted in in \(secondsSince(faulting)) s")
            let started = DispatchTime.now(), cpu = processCPUSeconds()
            defer {
                progress.say("crow-fly kernel \(n) × \(m) done in \(secondsSince(started)) s"
                             + String(format: " (CPU %.4f s)", processCPUSeconds() - cpu))
            }
            nonisolated(unsafe) let secondsOut = seconds.baseAddress!, metresOut = metres.baseAddress!
            withoutActuallyEscaping(stop) { stop in
                nonisolated(unsafe) let stop = stop
                to.x.withUnsafeBufferPointer { tx in
                    to.y.withUnsafeBufferPointer { ty in
                        to.z.withUnsafeBufferPointer { tz in
                            let tx = tx.baseAddress!, ty = ty.baseAddress!, tz = tz.baseAddress!
                            nonisolated(unsafe) let (px, py, pz) = (tx, ty, tz)
                            if symmetric {
                                // Entry (i, j) equals (j, i) bit for bit (the kernel only uses squared
                                // differences): compute the upper triangle of a band of rows, then mirror
                                // it into the columns of the rows below. Bands write disjoint entries.
                                let band = 128
                                ParallelBlocks.run(count: (n + band - 1) / band, blockSize: 1, threads: threads) { _, blocks in
                                    for b in blocks {
                                        guard !stopped.isSet else { return }
                                        if stop() { stopped.set(); return }
                                        let rows = b * band..<min(n, (b + 1) * band)
                                        for i in rows {
                                            kernel.fillRow(from.point(i), px + i, py + i, pz + i, count: m - i,
                                                           seconds: secondsOut + i * m + i, metres: metresOut + i * m + i)
                                        }
                                        CrowFlySource.mirror(rows, n: n, secondsOut)
                                        CrowFlySource.mirror(rows, n: n, metresOut)
                                        rowsDone.finished(rows.count)
                                    }
                                }
                            } else {
                                // About 64k entries per block: small enough to balance, large enough to amortise.
                                let rowsPerBlock = max(1, 65_536 / max(1, m))
                                ParallelBlocks.run(count: n, blockSize: rowsPerBlock, threads: threads) { _, rows in
                                    guard !stopped.isSet else { return }
                                    if stop() { stopped.set(); return }
                                    for i in rows {
                                        kernel.fillRow(from.point(i), px, py, pz, count: m,
                                                       seconds: secondsOut + i * m, metres: metresOut + i * m)
                                    }
                                    rowsDone.finished(rows.count)
                                }
                            }
                        }
                    }
                }
            }
        }
        return stopped.isSet ? nil : matrix
    }

    /// Copies the upper-triangle entries of the band `rows` of an n × n row-major matrix into
    /// the lower triangle: entry (i, j), i < j, goes to (j, i). Works in 4 × 4 tiles (four rows of the
    /// band read as `SIMD4`s, transposed, written as four `SIMD4`s), column tiles outermost so that
    /// the band's lines being read stay in the first-level cache; tiles on the diagonal and at the
    /// edges entry by entry. `rows` must start at a multiple of 4.
    static func mirror(_ rows: Range<Int>, n: Int, _ m: UnsafeMutablePointer<Int32>) {
        let first = rows.lowerBound, last = rows.upperBound
        var j0 = first
        while j0 < n {
            let je = min(n, j0 + 4)
            var i0 = first
            while i0 < min(last, je) {
                let ie = min(last, i0 + 4)
                if ie - i0 == 4 && je - j0 == 4 && i0 < j0 {
                    @inline(__always) func load(_ i: Int) -> SIMD4<Int32> {
                        UnsafeRawPointer(m + (i &* n &+ j0)).loadUnaligned(as: SIMD4<Int32>.self)
                    }
                    @inline(__always) func store(_ j: Int, _ v: SIMD4<Int32>) {
                        UnsafeMutableRawPointer(m + (j &* n &+ i0)).storeBytes(of: v, as: SIMD4<Int32>.self)
                    }
                    let r0 = load(i0), r1 = load(i0 + 1), r2 = load(i0 + 2), r3 = load(i0 + 3)
                    store(j0, SIMD4(r0[0], r1[0], r2[0], r3[0])); store(j0 + 1, SIMD4(r0[1], r1[1], r2[1], r3[1]))
                    store(j0 + 2, SIMD4(r0[2], r1[2], r2[2], r3[2])); store(j0 + 3, SIMD4(r0[3], r1[3], r2[3], r3[3]))
                } else {
                    for i in i0..<ie {
                        for j in max(j0, i + 1)..<max(je, i + 1) { m[j &* n &+ i] = m[i &* n &+ j] }
                    }
                }
                i0 = ie
            }
            j0 = je
        }
    }

    /// Points as unit vectors on the sphere (`TravelTimeModel.unitVector`), one array per
    /// coordinate (vector-friendly).
    struct UnitVectors: Sendable {
        var x: [Double] = [], y: [Double] = [], z: [Double] = []
        init(_ points: [GeoPoint]) {
            x.reserveCapacity(points.count); y.reserveCapacity(points.count); z.reserveCapacity(points.count)
            for p in points {
                let v = TravelTimeModel.unitVector(p)
                x.append(v.x); y.append(v.y); z.append(v.z)
            }
        }
        func point(_ i: Int) -> SIMD3<Double> { SIMD3(x[i], y[i], z[i]) }
    }
}

/// Set once by any worker that saw a stop request; read by the others between blocks.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
