import DagrouteCore
import Foundation

/// Snaps positions to a grid of 100 m × 100 m cells, so that a shared report shows where clients
/// live to the block, not to the door.
///
/// Latitude is rounded to multiples of the angle of 100 m along a meridian (on the sphere of
/// `GeoPoint.earthRadiusMetres`); longitude to multiples of the angle of 100 m along the snapped
/// latitude's parallel. A snapped point is at most √2 × 50 m ≈ 71 m from the original, and all
/// homes in one cell snap to the same point.
public enum GridSnap {
    /// The cell size, metres.
    public static let cellMetres = 100.0

    /// Degrees of latitude per cell.
    public static let latitudeStep = cellMetres / (GeoPoint.earthRadiusMetres * Double.pi / 180)

    /// The grid point nearest to `p`.
    public static func snap(_ p: GeoPoint) -> GeoPoint {
        let lat = (p.lat / latitudeStep).rounded() * latitudeStep
        let lonStep = latitudeStep / cos(lat * Double.pi / 180)
        return GeoPoint(lat: lat, lon: (p.lon / lonStep).rounded() * lonStep)
    }
}
