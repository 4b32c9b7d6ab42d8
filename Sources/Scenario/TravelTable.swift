import DagrouteCore
import Instance
import TravelMatrix

/// Travel times and distances between every point of an instance — locations, fleet depots and
/// client homes — from a `TravelTimeSource`: by default the crow-fly estimate of the settings'
/// `TravelTimeModel` (detour factor × great-circle distance at a distance-dependent speed), or
/// OpenStreetMap roads (`TravelMatrix.RoadSource`).
///
/// Points are numbered locations first (instance order), then depots (one per fleet row), then
/// clients (instance order). Seconds and metres are stored flat, row-major; crow-fly tables are
/// symmetric, road tables in general are not (one-way streets).
public struct TravelTable: Sendable {
    /// All points in index order.
    public let points: [GeoPoint]
    public let locationCount: Int
    public let depotCount: Int
    public let clientCount: Int
    /// Drive time in seconds, `from * points.count + to`.
    public let seconds: [Int]
    /// Road distance (crow-fly: estimated) in metres, `from * points.count + to`.
    public let metres: [Int]
    /// Where the numbers come from, for messages: `crow-fly` or `roads of <extract>`.
    public let sourceDescription: String

    /// The crow-fly table of `instance` under its settings' `travel_time` model (one thread).
    public init(_ instance: Instance) {
        let points = TravelTable.matrixPoints(instance)
        let matrix = CrowFlySource(model: instance.settings.travelTime)
            .matrix(from: points.map(\.position), to: points.map(\.position), threads: 1)
        self.init(instance, points: points, matrix: matrix, sourceDescription: "crow-fly")
    }

    /// The table of `instance` from `source` on up to `threads` workers. Throws what the source
    /// throws: `DagrouteError.input` naming the client, location or depot that no road reaches,
    /// `CancellationError` on Ctrl-C. An unreachable pair (never produced by the road source, which
    /// keeps one strongly connected network) is an internal error.
    public init(_ instance: Instance, source: any TravelTimeSource, threads: Int,
                progress: DagrouteCore.Progress = .silent) throws {
        let points = TravelTable.matrixPoints(instance)
        let matrix = try source.matrix(from: points, to: points, threads: threads, progress: progress)
        if let k = matrix.secondsStorage.firstIndex(of: DurationMatrix.unreachable) {
            throw DagrouteError.internal("no route from \(points[k / points.count].id) to \(points[k % points.count].id)")
        }
        self.init(instance, points: points, matrix: matrix,
                  sourceDescription: (source as? RoadSource).map { "roads of \($0.name)" } ?? (source is CrowFlySource ? "crow-fly" : "\(type(of: source))"))
    }

    private init(_ instance: Instance, points: [MatrixPoint], matrix: DurationMatrix, sourceDescription: String) {
        self.sourceDescription = sourceDescription
        self.points = points.map(\.position)
        seconds = matrix.secondsStorage.map(Int.init)
        metres = matrix.metresStorage.map(Int.init)
        locationCount = instance.locations.count; depotCount = instance.fleet.count; clientCount = instance.clients.count
    }

    /// The instance's points in table order, named for diagnostics: `location L03`,
    /// `depot of fleet row V1`, `client C0001`.
    public static func matrixPoints(_ instance: Instance) -> [MatrixPoint] {
        instance.locations.map { MatrixPoint(id: "location \($0.id)", position: $0.position) }
            + instance.fleet.map { MatrixPoint(id: "depot of fleet row \($0.id)", position: instance.depotPosition(of: $0)) }
            + instance.clients.map { MatrixPoint(id: "client \($0.id)", position: $0.position) }
    }

    /// Point index of location `l` (instance order).
    public func location(_ l: Int) -> Int { l }
    /// Point index of the depot of fleet row `f` (instance order).
    public func depot(_ f: Int) -> Int { locationCount + f }
    /// Point index of client `c` (instance order).
    public func client(_ c: Int) -> Int { locationCount + depotCount + c }

    /// Drive time between two points, seconds.
    public func time(_ a: Int, _ b: Int) -> Int { seconds[a * points.count + b] }
    /// Road distance (crow-fly: estimated) between two points, metres.
    public func distance(_ a: Int, _ b: Int) -> Int { metres[a * points.count + b] }
}
