import DagrouteCore
import Instance

/// Crow-fly travel times and road-distance estimates between every point of an instance —
/// locations, fleet depots and client homes — under the settings' `TravelTimeModel`
/// (detour factor × great-circle distance at a distance-dependent speed).
///
/// Points are numbered locations first (instance order), then depots (one per fleet row), then
/// clients (instance order). Seconds and metres are stored flat, row-major, symmetric.
public struct TravelTable: Sendable {
    /// All points in index order.
    public let points: [GeoPoint]
    public let locationCount: Int
    public let depotCount: Int
    public let clientCount: Int
    /// Drive time in seconds, `from * points.count + to`.
    public let seconds: [Int]
    /// Estimated road distance in metres, `from * points.count + to`.
    public let metres: [Int]

    /// Builds the table for `instance`; O(n²) in the number of points.
    public init(_ instance: Instance) {
        let model = instance.settings.travelTime
        var pts = instance.locations.map(\.position)
        pts += instance.fleet.map { instance.depotPosition(of: $0) }
        pts += instance.clients.map(\.position)
        let n = pts.count
        var s = [Int](repeating: 0, count: n * n), m = s
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let d = pts[i].greatCircleMetres(to: pts[j])
                let t = model.seconds(crowFly: d).value, r = model.roadMetres(crowFly: d).value
                s[i * n + j] = t; s[j * n + i] = t; m[i * n + j] = r; m[j * n + i] = r
            }
        }
        points = pts; seconds = s; metres = m
        locationCount = instance.locations.count; depotCount = instance.fleet.count; clientCount = instance.clients.count
    }

    /// Point index of location `l` (instance order).
    public func location(_ l: Int) -> Int { l }
    /// Point index of the depot of fleet row `f` (instance order).
    public func depot(_ f: Int) -> Int { locationCount + f }
    /// Point index of client `c` (instance order).
    public func client(_ c: Int) -> Int { locationCount + depotCount + c }

    /// Drive time between two points, seconds.
    public func time(_ a: Int, _ b: Int) -> Int { seconds[a * points.count + b] }
    /// Estimated road distance between two points, metres.
    public func distance(_ a: Int, _ b: Int) -> Int { metres[a * points.count + b] }
}
