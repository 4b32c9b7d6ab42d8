#if canImport(Glibc)
import Glibc
#endif

/// A flat, row-major matrix of travel times (whole seconds) and distances (whole metres) from
/// `rows` origins to `columns` destinations.
///
/// Entry `(i, j)` is stored at index `i * columns + j` of `secondsStorage` and `metresStorage`.
/// Values are `Int32`: at most about 68 years of seconds and 2,147 km of metres, far beyond one
/// region. `DurationMatrix.unreachable` marks a pair without a route (both arrays hold it then).
/// Solvers consume this value and never learn which `TravelTimeSource` produced it.
public struct DurationMatrix: Sendable, Equatable {
    /// The marker stored for a pair with no route (both seconds and metres).
    public static let unreachable: Int32 = .max

    /// Number of origins.
    public let rows: Int
    /// Number of destinations.
    public let columns: Int
    /// Travel times in whole seconds, row-major, `rows * columns` entries.
    public let secondsStorage: [Int32]
    /// Distances in whole metres, row-major, `rows * columns` entries.
    public let metresStorage: [Int32]

    /// Wraps filled storage. Both arrays must hold `rows * columns` entries.
    public init(rows: Int, columns: Int, seconds: [Int32], metres: [Int32]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(seconds.count == rows * columns && metres.count == rows * columns,
                     "matrix storage must hold rows × columns entries")
        self.rows = rows; self.columns = columns
        self.secondsStorage = seconds; self.metresStorage = metres
    }

    /// Builds a matrix by letting `fill` write every entry of both row-major buffers
    /// (seconds, metres) in place: no temporary besides the output itself. `fill` must initialise
    /// all `rows * columns` entries of both buffers.
    public init(rows: Int, columns: Int,
                fill: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>) throws -> Void) rethrows {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        let count = rows * columns
        var metres: [Int32] = []
        let seconds = try [Int32](unsafeUninitializedCapacity: count) { secondsBuffer, secondsCount in
            metres = try [Int32](unsafeUninitializedCapacity: count) { metresBuffer, metresCount in
                DurationMatrix.adviseHugePages(UnsafeMutableRawBufferPointer(secondsBuffer))
                DurationMatrix.adviseHugePages(UnsafeMutableRawBufferPointer(metresBuffer))
                try fill(secondsBuffer, metresBuffer)
                metresCount = count
            }
            secondsCount = count
        }
        self.init(rows: rows, columns: columns, seconds: seconds, metres: metres)
    }

    /// Asks Linux to back a large fresh buffer with transparent huge pages (2 MiB), so that
    /// filling it costs a few hundred page faults instead of hundreds of thousands. Only a hint:
    /// ignored where unsupported.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard let base = buffer.baseAddress, buffer.count >= 2 * huge else { return }
        let start = (Int(bitPattern: base) + huge - 1) / huge * huge
        let end = (Int(bitPattern: base) + buffer.count) / huge * huge
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, 14)   // MADV_HUGEPAGE
        #endif
    }

    /// Writes zero into one entry per 4 KiB page of a fresh `buffer`, in parallel on `threads`
    /// workers, so that its page faults are paid up front and split across threads rather than inside
    /// a kernel that then only measures its own work.
    public static func prefault(_ buffer: UnsafeMutableBufferPointer<Int32>, threads: Int) {
        guard let base = buffer.baseAddress else { return }
        nonisolated(unsafe) let out = base
        let stride = 4096 / MemoryLayout<Int32>.stride, count = buffer.count
        let pages = (count + stride - 1) / stride
        ParallelBlocks.run(count: pages, blockSize: 512, threads: threads) { _, range in
            for page in range { out[page * stride] = 0 }
        }
    }

    /// Travel time from origin `i` to destination `j` (whole seconds), or nil when unreachable.
    public func seconds(_ i: Int, _ j: Int) -> Seconds? {
        let v = secondsStorage[i * columns + j]
        return v == DurationMatrix.unreachable ? nil : Seconds(Int(v))
    }

    /// Distance from origin `i` to destination `j` (whole metres), or nil when unreachable.
    public func metres(_ i: Int, _ j: Int) -> Metres? {
        let v = metresStorage[i * columns + j]
        return v == DurationMatrix.unreachable ? nil : Metres(Int(v))
    }
}

/// A named position for which travel times are asked: a client, a location or a depot.
public struct MatrixPoint: Hashable, Sendable {
    /// The identifier as the user gave it (used in diagnostics and outputs).
    public var id: String
    /// WGS84 position.
    public var position: GeoPoint
    public init(id: String, position: GeoPoint) { self.id = id; self.position = position }
}

/// Anything that can produce travel times and distances between positions: a crow-fly estimate,
/// an OpenStreetMap road network, a file read from elsewhere. Assignment, routing and scenario
/// code ask for a `DurationMatrix` through this protocol and never see how it was made.
public protocol TravelTimeSource: Sendable {
    /// The matrix from every origin (rows, in order) to every destination (columns, in order).
    /// `threads` ≥ 1 bounds the worker threads; the result does not depend on it.
    /// Throws `DagrouteError.input` naming the points it cannot place (e.g. no road in reach).
    func matrix(from origins: [MatrixPoint], to destinations: [MatrixPoint],
                threads: Int, progress: Progress) throws -> DurationMatrix
}
