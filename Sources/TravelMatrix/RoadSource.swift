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
    /// Largest snapping distance in metres.
    public let snapRadiusMetres: Double
    let name: String

    /// Uses an already loaded graph.
    public init(graph: RoadGraph, name: String = "<road graph>", snapRadiusMetres: Double = 1000) {
        self.graph = graph
        self.name = name
        self.snapRadiusMetres = snapRadiusMetres
        index = SegmentIndex(graph)
    }

    /// The contraction hierarchy of `graph`, built on the first call (later calls wait for it).
    public func hierarchy(progress: DagrouteCore.Progress = .silent) -> ContractionHierarchy {
        lock.lock(); defer { lock.unlock() }
        if let built { return built }
        let started = DispatchTime.now()
        let hierarchy = ContractionHierarchy(graph: graph, progress: progress)
        progress.say("contraction hierarchy built in \(secondsSince(started)) s")
        built = hierarchy
        return hierarchy
    }

    /// Reads the extract and builds the car graph.
    public convenience init(extract url: URL, displayName: String? = nil, snapRadiusMetres: Double = 1000,
                            threads: Int = 1, progress: DagrouteCore.Progress = .silent) throws {
        let name = displayName ?? url.path
        let started = DispatchTime.now()
        let osm = try OSMExtract.read(url, displayName: name, threads: threads, progress: progress)
        let graph: RoadGraph
        do { graph = try RoadGraph(extract: osm, progress: progress) }
        catch DagrouteError.input(let ds) { throw DagrouteError.input(ds.map { var d = $0; d.file = name; return d }) }
        progress.say("car graph built in \(secondsSince(started)) s")
        self.init(graph: graph, name: name, snapRadiusMetres: snapRadiusMetres)
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

    public func matrix(from origins: [MatrixPoint], to destinations: [MatrixPoint],
                       threads: Int, progress: DagrouteCore.Progress) throws -> DurationMatrix {
        let from = try snap(origins).map(\.snapped)
        let to = origins == destinations ? from : try snap(destinations).map(\.snapped)
        return matrix(from: from, to: to, threads: threads, progress: progress)
    }

    /// The matrix between already snapped points.
    public func matrix(from: [SnappedPoint], to: [SnappedPoint], threads: Int,
                       progress: DagrouteCore.Progress = .silent) -> DurationMatrix {
        let m = to.count
        let hierarchy = hierarchy(progress: progress)
        progress.say("road matrix \(from.count) × \(m) on \(max(1, threads)) thread(s)")
        let started = DispatchTime.now()
        defer { progress.say("road matrix \(from.count) × \(m) done in \(secondsSince(started)) s") }
        return DurationMatrix(rows: from.count, columns: m) { seconds, metres in
            nonisolated(unsafe) let secondsOut = seconds, metresOut = metres
            hierarchy.manyToMany(from: from, to: to, threads: threads, progress: progress) { i, weights in
                for j in 0..<m {
                    let w = weights[j]
                    if w == PathWeight.infinity {
                        secondsOut[i * m + j] = DurationMatrix.unreachable; metresOut[i * m + j] = DurationMatrix.unreachable
                    } else {
                        secondsOut[i * m + j] = PathWeight.seconds(w); metresOut[i * m + j] = PathWeight.metres(w)
                    }
                }
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
