import DagrouteCore
import Foundation

/// Dutch national grid coordinates, RD New (Rijksdriehoeksmeting, EPSG:28992), in metres.
///
/// ## Conversion to WGS84 (`toWGS84`)
/// The same two steps as PROJ's EPSG:28992 → EPSG:4326 transformation (“Inverse of RD New +
/// Amersfoort to WGS 84 (4)”):
///
/// 1. **Inverse oblique stereographic projection** on the Bessel 1841 ellipsoid (a = 6 377 397.155 m,
///    1/f = 299.1528128), double-projection form (Gauss conformal sphere, then stereographic):
///    origin Amersfoort φ₀ = 52°09′22.178″ N, λ₀ = 5°23′15.500″ E, scale k₀ = 0.9999079, false
///    easting 155 000 m, false northing 463 000 m. With e² Bessel's eccentricity squared:
///    `C = √(1 + e²cos⁴φ₀/(1−e²))`, `R = √(1−e²)/(1−e²sin²φ₀)` (in units of a), conformal latitude
///    `χ₀ = asin(sin φ₀ / C)`; for (x, y) scaled by 1/(a k₀): `ρ = hypot(x, y)`, `c = 2 atan2(ρ, 2R)`,
///    `χ = asin(cos c sin χ₀ + y sin c cos χ₀ / ρ)`, `Λ = atan2(x sin c, ρ cos χ₀ cos c − y sin χ₀ sin c)`;
///    then `λ = λ₀ + Λ/C` and φ from `tan(π/4 + χ/2) = K tan^C(π/4 + φ/2) ((1−e sinφ)/(1+e sinφ))^(Ce/2)`
///    by fixed-point iteration.
/// 2. **Datum shift Amersfoort → WGS84** by a 7-parameter Helmert transformation in geocentric
///    cartesian coordinates (EPSG:4833, coordinate-frame convention, linearised rotations):
///    translation (565.4171, 50.3319, 465.5524) m, rotations (0.398957388243134,
///    −0.343987817378283, 1.87740163998045)″, scale +4.0725 ppm; ellipsoidal height 0 on Bessel.
///
/// ## Accuracy
/// The projection step is exact (agrees with PROJ to well below a millimetre). The Helmert datum
/// shift is what limits accuracy: against the official RDNAPTRANS™2018 grid-based transformation it
/// is correct to about 1 m over the Netherlands (EPSG gives 1 m). For travel distances of
/// kilometres this is negligible.
public struct RDPoint: Hashable, Sendable {
    /// Easting in metres (≈ 0…300 000 on land).
    public var x: Double
    /// Northing in metres (≈ 300 000…625 000 on land).
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }

    /// The plausible range of RD New coordinates on and around Dutch land (DOMAIN.md).
    public static let xRange: ClosedRange<Double> = -7_000...300_000
    public static let yRange: ClosedRange<Double> = 289_000...629_000

    /// The WGS84 position of this point (see the type's documentation for formula and accuracy).
    public func toWGS84() -> GeoPoint {
        let bessel = RDPoint.projection.inverse(x: x, y: y)
        let xyz = Ellipsoid.bessel1841.cartesian(lat: bessel.lat, lon: bessel.lon)
        let w = RDPoint.helmert(xyz)
        let g = Ellipsoid.wgs84.geodetic(w)
        let deg = 180 / Double.pi
        return GeoPoint(lat: g.lat * deg, lon: g.lon * deg)
    }

    // MARK: - Datum shift

    private static func helmert(_ p: (x: Double, y: Double, z: Double)) -> (x: Double, y: Double, z: Double) {
        let arcsec = Double.pi / (180 * 3600)
        let rx = 0.398957388243134 * arcsec, ry = -0.343987817378283 * arcsec, rz = 1.87740163998045 * arcsec
        let m = 1 + 4.0725e-6
        return (565.4171 + m * (p.x + rz * p.y - ry * p.z),
                50.3319 + m * (-rz * p.x + p.y + rx * p.z),
                465.5524 + m * (ry * p.x - rx * p.y + p.z))
    }

    // MARK: - Projection

    private static let projection = ObliqueStereographic(
        ellipsoid: .bessel1841, lat0: 52.1561605555556 * .pi / 180, lon0: 5.38763888888889 * .pi / 180,
        k0: 0.9999079, falseEasting: 155_000, falseNorthing: 463_000)

    /// Oblique stereographic projection (double projection via the Gauss conformal sphere).
    private struct ObliqueStereographic {
        let e: Double, a: Double, k0: Double, lon0: Double, x0: Double, y0: Double
        let c: Double, k: Double, r2: Double, sinChi0: Double, cosChi0: Double, chi0: Double

        init(ellipsoid: Ellipsoid, lat0: Double, lon0: Double, k0: Double, falseEasting: Double, falseNorthing: Double) {
            let es = ellipsoid.e2
            e = es.squareRoot(); a = ellipsoid.a; self.k0 = k0; self.lon0 = lon0; x0 = falseEasting; y0 = falseNorthing
            let s = sin(lat0), c2 = cos(lat0) * cos(lat0)
            let rc = (1 - es).squareRoot() / (1 - es * s * s)
            c = (1 + es * c2 * c2 / (1 - es)).squareRoot()
            chi0 = asin(s / c)
            let ratexp = 0.5 * c * e
            k = tan(0.5 * chi0 + .pi / 4) / (pow(tan(0.5 * lat0 + .pi / 4), c) * pow((1 - e * s) / (1 + e * s), ratexp))
            r2 = 2 * rc; sinChi0 = sin(chi0); cosChi0 = cos(chi0)
        }

        /// Latitude and longitude (radians, on the ellipsoid) of projected metres (x, y).
        func inverse(x: Double, y: Double) -> (lat: Double, lon: Double) {
            let px = (x - x0) / (a * k0), py = (y - y0) / (a * k0)
            let rho = (px * px + py * py).squareRoot()
            var chi = chi0, lam = 0.0
            if rho != 0 {
                let cc = 2 * atan2(rho, r2), sc = sin(cc), coc = cos(cc)
                chi = asin(coc * sinChi0 + py * sc * cosChi0 / rho)
                lam = atan2(px * sc, rho * cosChi0 * coc - py * sinChi0 * sc)
            }
            let num = pow(tan(0.5 * chi + .pi / 4) / k, 1 / c)
            var phi = chi
            for _ in 0..<20 {
                let next = 2 * atan(num * pow((1 - e * sin(phi)) / (1 + e * sin(phi)), -0.5 * e)) - .pi / 2
                if abs(next - phi) < 1e-14 { phi = next; break }
                phi = next
            }
            return (phi, lon0 + lam / c)
        }
    }

    /// A reference ellipsoid: semi-major axis `a` (metres) and first eccentricity squared `e2`.
    private struct Ellipsoid {
        let a: Double, e2: Double
        init(a: Double, inverseFlattening: Double) {
            self.a = a
            let f = 1 / inverseFlattening
            e2 = f * (2 - f)
        }
        static let bessel1841 = Ellipsoid(a: 6_377_397.155, inverseFlattening: 299.1528128)
        static let wgs84 = Ellipsoid(a: 6_378_137, inverseFlattening: 298.257223563)

        /// Geocentric cartesian metres of a point at height 0 (radians in).
        func cartesian(lat: Double, lon: Double) -> (x: Double, y: Double, z: Double) {
            let n = a / (1 - e2 * sin(lat) * sin(lat)).squareRoot()
            return (n * cos(lat) * cos(lon), n * cos(lat) * sin(lon), n * (1 - e2) * sin(lat))
        }

        /// Geodetic latitude and longitude (radians) of geocentric cartesian metres (height ignored).
        func geodetic(_ p: (x: Double, y: Double, z: Double)) -> (lat: Double, lon: Double) {
            let lon = atan2(p.y, p.x), r = (p.x * p.x + p.y * p.y).squareRoot()
            var lat = atan2(p.z, r * (1 - e2))
            for _ in 0..<10 {
                let n = a / (1 - e2 * sin(lat) * sin(lat)).squareRoot()
                let h = r / cos(lat) - n
                let next = atan2(p.z, r * (1 - e2 * n / (n + h)))
                if abs(next - lat) < 1e-15 { lat = next; break }
                lat = next
            }
            return (lat, lon)
        }
    }
}
