import DagrouteCore
import Foundation

/// Crow-fly travel times: great-circle distance × detour factor, driven at the distance-dependent
/// speed of a `TravelTimeModel` (the settings' `travel_time`).
///
/// Every entry equals `TravelTimeModel.estimate(from:to:)` bit for bit: the kernel runs the model's
/// own arithmetic four pairs at a time (`CrowFlyAVX2`, in C, on CPUs with AVX2; `CrowFlyKernel`,
/// `SIMD4<Double>` in Swift, elsewhere). Each point's unit vector
/// is computed once; a pair then costs a 3-D chord, a square root, a short arcsine series and one
/// division, with no trigonometric call. The output buffers are faulted in first (in parallel, timed
/// apart), then rows are filled in parallel blocks straight into them; when origins and destinations
/// are the same list only the upper triangle is computed and mirrored. Entry values depend only on the
/// two points, never on the thread count.
public struct CrowFlySource: TravelTimeSource {
    public let model: TravelTimeModel
    /// The kernel that fills the matrix (all give the same entries).
    let kernel: Kernel
    /// Square outputs (both matrices, bytes) above which the AVX2 kernel writes with non-temporal
    /// stores (`CrowFlyAVX2.streamingBytes`; tests lower it to reach that path on small matrices).
    let streamAboveBytes: Int

    /// The crow-fly kernels, each equal to the scalar model bit for bit.
    enum Kernel: Sendable, CaseIterable {
        /// `CrowFlyAVX2`: C with 256-bit vectors, for x86-64 CPUs with AVX2.
        case avx2
        /// `CrowFlyKernel`: `SIMD4<Double>` in Swift, for every CPU.
        case portable

        /// The kernels this CPU runs, fastest first.
        static var available: [Kernel] {
            #if arch(x86_64)
            if CrowFlyAVX2.isAvailable { return [.avx2, .portable] }
            #endif
            return [.portable]
        }
    }

    /// A source for `model` (default: the documented Dutch defaults), with the fastest kernel
    /// this CPU runs.
    public init(model: TravelTimeModel = TravelTimeModel()) {
        self.init(model: model, kernel: Kernel.available[0])
    }

    init(model: TravelTimeModel, kernel: Kernel, streamAboveBytes: Int? = nil) {
        self.model = model; self.kernel = kernel
        #if arch(x86_64)
        self.streamAboveBytes = streamAboveBytes ?? CrowFlyAVX2.streamingBytes
        #else
        self.streamAboveBytes = streamAboveBytes ?? Int.max
        #endif
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
        let symmetric = origins == destinations
        // Streaming pays only when every row of a block is one whole cache line (n a multiple of 16):
        // with n = 3,000 or 5,000 it took 1.35–1.39× the time of ordinary stores.
        let stream = kernel == .avx2 && symmetric && n % 16 == 0 && 8 * n * n > streamAboveBytes
        progress.say("crow-fly matrix \(n) × \(m) on \(max(1, threads)) thread(s), \(kernel) kernel"
                     + (stream ? " (streaming stores)" : ""))
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
            let out = Output(seconds: seconds.baseAddress!, metres: metres.baseAddress!)
            withoutActuallyEscaping(stop) { stop in
                nonisolated(unsafe) let stop = stop
                to.withPointers { x, y, z in
                    let columns = Columns(x: x, y: y, z: z)
                    // Runs `rows` unless a stop was requested; counts them as done.
                    let block = { (rows: Range<Int>, work: () -> Void) in
                        guard !stopped.isSet else { return }
                        if stop() { stopped.set(); return }
                        work()
                        rowsDone.finished(rows.count)
                    }
                    if symmetric {
                        fillSquare(from, columns, n: n, out, threads: threads, stream: stream, block: block)
                    } else {
                        fillRectangle(from, columns, n: n, m: m, out, threads: threads, block: block)
                    }
                }
            }
        }
        return stopped.isSet ? nil : matrix
    }

    /// The output buffers (row-major, written by disjoint blocks of work).
    private struct Output: @unchecked Sendable {
        let seconds: UnsafeMutablePointer<Int32>, metres: UnsafeMutablePointer<Int32>
    }

    /// The destinations' unit vectors, one array per coordinate (read-only while filling).
    private struct Columns: @unchecked Sendable {
        let x: UnsafePointer<Double>, y: UnsafePointer<Double>, z: UnsafePointer<Double>
    }

    /// Every entry computed: rows in parallel blocks of about 64k entries (small enough to balance,
    /// large enough to amortise).
    private func fillRectangle(_ from: UnitVectors, _ to: Columns, n: Int, m: Int, _ out: Output, threads: Int,
                               block: (Range<Int>, () -> Void) -> Void) {
        let rowsPerBlock = max(1, 65_536 / max(1, m))
        #if arch(x86_64)
        let avx2 = kernel == .avx2 ? CrowFlyAVX2(model) : nil
        #endif
        let portable = CrowFlyKernel(model)
        ParallelBlocks.run(count: n, blockSize: rowsPerBlock, threads: threads) { _, rows in
            block(rows) {
                for i in rows {
                    #if arch(x86_64)
                    if let avx2 {
                        avx2.fillRow(from.point(i), to.x, to.y, to.z, count: m,
                                     seconds: out.seconds + i * m, metres: out.metres + i * m)
                        continue
                    }
                    #endif
                    portable.fillRow(from.point(i), to.x, to.y, to.z, count: m,
                                     seconds: out.seconds + i * m, metres: out.metres + i * m)
                }
            }
        }
    }

    /// Origins = destinations: entry (i, j) equals (j, i) bit for bit (the kernels only use squared
    /// differences), so only the upper triangle is computed. The AVX2 kernel goes in bands of 16 rows
    /// (blocks of four bands) and stores each 4 × 4 tile to both sides of the diagonal; with `stream`
    /// it collects the tiles of 16 × 16 blocks in L1 and writes them as whole cache lines with
    /// non-temporal stores. The portable one computes the triangle of a band of 128 rows and then
    /// mirrors it (`mirror`). Bands write disjoint entries.
    private func fillSquare(_ from: UnitVectors, _ to: Columns, n: Int, _ out: Output, threads: Int, stream: Bool,
                            block: (Range<Int>, () -> Void) -> Void) {
        #if arch(x86_64)
        if kernel == .avx2 {
            // Bands start where column `first` begins a 64-byte line of the seconds buffer (and, for
            // n a multiple of 16, of every row), so that the transposed tiles write whole lines: rows
            // are numbered from -pad, the first band is short.
            let avx2 = CrowFlyAVX2(model), band = CrowFlyAVX2.bandRows
            let pad = (Int(bitPattern: out.seconds) / MemoryLayout<Int32>.stride) % band
            ParallelBlocks.run(count: n + pad, blockSize: 4 * band, threads: threads) { _, shifted in
                let rows = max(0, shifted.lowerBound - pad)..<(shifted.upperBound - pad)
                block(rows) {
                    for start in stride(from: shifted.lowerBound - pad, to: rows.upperBound, by: band) {
                        avx2.fillBand(max(0, start)..<min(rows.upperBound, start + band), n: n, to.x, to.y, to.z,
                                      stream: stream, seconds: out.seconds, metres: out.metres)
                    }
                }
            }
            return
        }
        #endif
        let portable = CrowFlyKernel(model), band = 128
        ParallelBlocks.run(count: n, blockSize: band, threads: threads) { _, rows in
            block(rows) {
                for i in rows {
                    portable.fillRow(from.point(i), to.x + i, to.y + i, to.z + i, count: n - i,
                                     seconds: out.seconds + i * n + i, metres: out.metres + i * n + i)
                }
                CrowFlySource.mirror(rows, n: n, out.seconds)
                CrowFlySource.mirror(rows, n: n, out.metres)
            }
        }
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
        /// Calls `body` with the base addresses of `x`, `y` and `z`.
        func withPointers<R>(_ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>) -> R) -> R {
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    z.withUnsafeBufferPointer { z in body(x.baseAddress!, y.baseAddress!, z.baseAddress!) }
                }
            }
        }
    }
}

/// Set once by any worker that saw a stop request; read by the others between blocks.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
