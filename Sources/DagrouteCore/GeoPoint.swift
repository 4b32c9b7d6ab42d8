import Foundation

/// A WGS84 position in decimal degrees (latitude north, longitude east).
public struct GeoPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Latitude in degrees, −90…90.
    public var lat: Double
    /// Longitude in degrees, −180…180.
    public var lon: Double
    public init(lat: Double, lon: Double) { self.lat = lat; self.lon = lon }

    /// Mean Earth radius in metres (IUGG), used by every great-circle computation in dagroute.
    public static let earthRadiusMetres = 6_371_008.8

    /// Great-circle (haversine) distance to `other` in metres, as a Double.
    public func greatCircleMetres(to other: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.lat - lat) * rad
        let dLon = (other.lon - lon) * rad
        let s = sin(dLat / 2), t = sin(dLon / 2)
        let h = s * s + cos(lat * rad) * cos(other.lat * rad) * t * t
        return 2 * GeoPoint.earthRadiusMetres * asin(min(1, h.squareRoot()))
    }

    /// True when the point lies in the rough bounding box of the Netherlands
    /// (latitude 50.75–53.7, longitude 3.2–7.25; DOMAIN.md).
    public var isInNetherlands: Bool { (50.75...53.7).contains(lat) && (3.2...7.25).contains(lon) }

    public var description: String { String(format: "(%.6f, %.6f)", lat, lon) }
}
