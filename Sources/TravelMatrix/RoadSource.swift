import DagrouteCore
import Foundation
import RoadNetwork

/// Road travel times over an OpenStreetMap extract: the car graph (`RoadGraph`), its contraction
/// hierarchy and bucket many-to-many queries between points snapped onto the nearest road segment.
///
/// Times are shortest car travel times (whole seconds, rounded from milliseconds), ties broken by
/// the shorter distance; metres are the length of that path. A point enters the road where it is
/// snapped, mid-segment, and drives the segment's allowed directions from there.
///
/// The contraction hierarchy is built on first use (thread-safe), so that points that cannot be
/// snapped are reported before the expensive preprocessing.
public final class RoadSource: TravelTimeSource, @unchecked Sendable {
    public let graph: RoadGraph
    public let index: SegmentIndex
    private let lock = NSLock()
    private var built: ContractionHierarchy?
    /// Where the hierarchy is cached, when caching is on.
    private let cacheFile: (url: URL, key: UInt64)?
    /// Largest snapping distance in metres.
    public let snapRadiusMetres: Double
    /// The extract's name as given (its path, for messages).
    public let name: String

    /// Uses an already loaded graph.
    public convenience init(graph: RoadGraph, name: String = "<road graph>", snapRadiusMetres: Double = 1000) {
        self.init(graph: graph, name: name, snapRadiusMetres: snapRadiusMetres, cacheFile: nil)
    }

    private init(graph: RoadGraph, name: String, snapRadiusMetres: Double, cacheFile: (url: URL, key: UInt64)?) {
        self.cacheFile = cacheFile
        self.graph = graph
        self.name = name
        self.snapRadiusMetres = snapRadiusMetres
        index = SegmentIndex(graph)
    }

    /// The contraction hierarchy of `graph`, built (or read from the cache) on the first call;
    /// later calls wait for it. A cache file that does not match is rebuilt; failing to write the
    /// cache is a warning, not an error.
    public func hierarchy(progress: DagrouteCore.Progress = .silent) -> ContractionHierarchy {
        hierarchy(progress: progress, checkpoint: {})
    }

    /// `hierarchy(progress:)`, with `checkpoint` passed to the construction (see
    /// `ContractionHierarchy.init`); when it throws, nothing is built or cached.
    public func hierarchy(progress: DagrouteCore.Progress,
                          checkpoint: () throws -> Void) rethrows -> ContractionHierarchy {
        lock.lock(); defer { lock.unlock() }
        if let built { return built }
        if let cacheFile, let data = FileManager.default.contents(atPath: cacheFile.url.path) {
            if let cached = HierarchyCache.decode(data, key: cacheFile.key, graph: graph) {
                progress.say("contraction hierarchy read from the cache \(cacheFile.url.path)")
                built = cached
                return cached
            }
            DagrouteCore.Progress.warn("ignoring the unusable cache file \(cacheFile.url.path); rebuilding it")
        }
        let started = DispatchTime.now()
        let hierarchy = try ContractionHierarchy(graph: graph, progress: progress, checkpoint: checkpoint)
        progress.say("contraction hierarchy built in \(secondsSince(started)) s")
        if let cacheFile {
            do { try AtomicFile.write(HierarchyCache.encode(hierarchy, key: cacheFile.key), to: cacheFile.url) }
            catch { Progress.warn("cannot write the cache file \(cacheFile.url.path): \(error)") }
        }
        built = hierarchy
        return hierarchy
    }

    /// Reads the extract and builds the car graph. With `cacheDirectory`, the contraction hierarchy
    /// is kept there in a file named after the extract's fingerprint and the car profile
    /// (`HierarchyCache`) and reused by later runs on the same extract.
    public convenience init(extract url: URL, displayName: String? = nil, snapRadiusMetres: Double = 1000,
                            cacheDirectory: URL? = nil, threads: Int = 1,
                            progress: DagrouteCore.Progress = .silent) throws {
        let name = displayName ?? url.path
        let started = DispatchTime.now()
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DagrouteError.input(file: name, "expected a readable OpenStreetMap .osm.pbf file, found none")
        }
        let osm = try OSMExtract.decode(data, file: name, threads: threads, progress: progress)
        let graph: RoadGraph
        do { graph = try RoadGraph(extract: osm, progress: progress) }
        catch DagrouteError.input(let ds) { throw DagrouteError.input(ds.map { var d = $0; d.file = name; return d }) }
        progress.say("car graph built in \(secondsSince(started)) s")
        let cacheFile = cacheDirectory.map { dir -> (url: URL, key: UInt64) in
            let key = HierarchyCache.key(extractBytes: data)
            return (HierarchyCache.file(in: dir, key: key), key)
        }
        self.init(graph: graph, name: name, snapRadiusMetres: snapRadiusMetres, cacheFile: cacheFile)
    }

    /// One point's place on the road network.
    public struct Snap: Sendable {
        public var point: MatrixPoint
        public var snapped: SnappedPoint
        /// Distance from the point to the road in metres.
        public var snapMetres: Double { snapped.snapMetres }
    }

    /// Snaps every point; a point without a road segment within the radius is an input error
    /// naming it (all such points are listed).
    public func snap(_ points: [MatrixPoint]) throws -> [Snap] {
        var snaps: [Snap] = [], problems: [Diagnostic] = []
        for p in points {
            if let s = index.snap(p.position, radius: snapRadiusMetres) { snaps.append(Snap(point: p, snapped: s)) }
            else {
                problems.append(Diagnostic(file: name, field: p.id, message: "expected a drivable road within \(Int(snapRadiusMetres)) m of point \(p.id) at \(p.position), found none"))
            }
        }
        guard problems.isEmpty else { throw DagrouteError.input(problems) }
        return snaps
    }

    /// The matrix between the points, snapped first (points out of reach are an input error). Ctrl-C
    /// (`Cancellation.isRequested`) stops the hierarchy construction and the searches within a
    /// block and throws `CancellationError`.
    public func matrix(from origins: [MatrixPoint], to destinations: [MatrixPoint],
                       threads: Int, progress: DagrouteCore.Progress) throws -> DurationMatrix {
        let from = try snap(origins).map(\.snapped)
        let to = origins == destinations ? from : try snap(destinations).map(\.snapped)
        return try matrix(from: from, to: to, threads: threads, progress: progress) {
            if Cancellation.isRequested { throw CancellationError() }
        }
    }

    /// The matrix between already snapped points.
    public func matrix(from: [SnappedPoint], to: [SnappedPoint], threads: Int,
                       progress: DagrouteCore.Progress = .silent) -> DurationMatrix {
        matrix(from: from, to: to, threads: threads, progress: progress, checkpoint: {})
    }

    /// The matrix between already snapped points; `checkpoint` as in `ContractionHierarchy.manyToMany`.
    public func matrix(from: [SnappedPoint], to: [SnappedPoint], threads: Int,
                       progress: DagrouteCore.Progress,
                       checkpoint: () throws -> Void) rethrows -> DurationMatrix {
        let m = to.count
        let hierarchy = try hierarchy(progress: progress, checkpoint: checkpoint)
        progress.say("road matrix \(from.count) × \(m) on \(max(1, threads)) thread(s)")
        let rowsDone = RowProgress(total: from.count, label: "road matrix", progress: progress)
        let started = DispatchTime.now()
        defer { progress.say("road matrix \(from.count) × \(m) done in \(secondsSince(started)) s") }
        return try DurationMatrix(rows: from.count, columns: m) { seconds, metres in
            nonisolated(unsafe) let secondsOut = seconds, metresOut = metres
            try hierarchy.manyToMany(from: from, to: to, threads: threads, progress: progress,
                                     checkpoint: checkpoint) { i, weights in
                for j in 0..<m {
                    let w = weights[j]
                    if w == PathWeight.infinity {
                        secondsOut[i * m + j] = DurationMatrix.unreachable; metresOut[i * m + j] = DurationMatrix.unreachable
                    } else {
                        secondsOut[i * m + j] = PathWeight.seconds(w); metresOut[i * m + j] = PathWeight.metres(w)
                    }
                }
                rowsDone.finished(1)
            }
        }
    }

    /// The snapping report: `id,lat,lon,snapped_lat,snapped_lon,snap_metres`.
    public static func snapReportCSV(_ snaps: [Snap]) -> String {
        var text = "id,lat,lon,snapped_lat,snapped_lon,snap_metres\n"
        for s in snaps {
            let id = s.point.id.contains(where: { ",\"\n;".contains($0) })
                ? "\"" + s.point.id.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s.point.id
            text += id + String(format: ",%.7f,%.7f,%.7f,%.7f,%.1f\n", s.point.position.lat, s.point.position.lon,
                                s.snapped.position.lat, s.snapped.position.lon, s.snapMetres)
        }
        return text
    }
}
