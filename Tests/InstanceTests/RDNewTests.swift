import DagrouteCore
import Instance
import XCTest

final class RDNewTests: XCTestCase {
    /// Reference points computed independently with pyproj 3.7.2 (PROJ, EPSG:28992 → EPSG:4326,
    /// operation “Inverse of RD New + Amersfoort to WGS 84 (4)”), in a throwaway venv:
    /// `Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True).transform(x, y)`.
    /// Spread over the whole country: Amersfoort origin, Amsterdam, Zeeuws-Vlaanderen, Groningen
    /// coast, Hilversum, far south-west, far south-east, Gooi, Den Haag, Groningen city.
    static let references: [(x: Double, y: Double, lat: Double, lon: Double)] = [
        (155_000, 463_000, 52.155172301, 5.387203508),
        (121_687, 487_484, 52.374218164, 4.898009893),
        (13_599, 371_905, 51.318707918, 3.358694913),
        (244_900, 594_000, 53.324859488, 6.736442065),
        (141_000, 470_000, 52.217910017, 5.182339364),
        (10_000, 400_000, 51.570198708, 3.295537985),
        (280_000, 330_000, 50.946035832, 7.165903299),
        (140_000, 475_000, 52.262822434, 5.167484765),
        (86_000, 444_000, 51.980113234, 4.382849863),
        (232_500, 580_500, 53.205521509, 6.547117172),
    ]

    func testConversionMatchesIndependentReferencesWithinOneMetre() {
        for r in Self.references {
            let p = RDPoint(x: r.x, y: r.y).toWGS84()
            let error = p.greatCircleMetres(to: GeoPoint(lat: r.lat, lon: r.lon))
            XCTAssertLessThan(error, 1.0, "RD (\(r.x), \(r.y)) → \(p), expected (\(r.lat), \(r.lon))")
            // The implementation follows the same formula, so it agrees to below a millimetre.
            XCTAssertLessThan(error, 0.001, "RD (\(r.x), \(r.y)) off by \(error) m")
        }
    }

    func testOriginMapsNearAmersfoortTower() {
        // The Onze Lieve Vrouwetoren in Amersfoort (the RD origin) is at about 52.1552 N, 5.3872 E (WGS84).
        let p = RDPoint(x: 155_000, y: 463_000).toWGS84()
        XCTAssertEqual(p.lat, 52.1552, accuracy: 0.0005)
        XCTAssertEqual(p.lon, 5.3872, accuracy: 0.0005)
    }
}
