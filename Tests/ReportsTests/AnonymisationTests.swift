import DagrouteCore
import Foundation
import Reports
import XCTest

final class AnonymisationTests: XCTestCase {
    let salt = ClientPseudonym.Salt(k0: 0x0123_4567_89ab_cdef, k1: 0xfedc_ba98_7654_3210)

    /// The reference vector of the SipHash paper (Aumasson & Bernstein 2012, appendix A):
    /// key 00 01 … 0f, message 00 01 … 0e → a129ca6149be45e5.
    func testSipHashMatchesThePublishedTestVector() {
        let key = ClientPseudonym.Salt(k0: 0x0706_0504_0302_0100, k1: 0x0f0e_0d0c_0b0a_0908)
        XCTAssertEqual(ClientPseudonym.sipHash24(Array(0...14), salt: key), 0xa129_ca61_49be_45e5)
        // The first entries of the reference implementation's vectors.h (messages of length 0, 1, 8).
        XCTAssertEqual(ClientPseudonym.sipHash24([], salt: key), 0x726f_db47_dd0e_0e31)
        XCTAssertEqual(ClientPseudonym.sipHash24([0], salt: key), 0x74f8_39c5_93dc_67fd)
        XCTAssertEqual(ClientPseudonym.sipHash24(Array(0...7), salt: key), 0x93f5_f579_9a93_2462)
    }

    func testPseudonymsAreStableWithinASaltAndDifferAcrossSalts() {
        let a = ClientPseudonym.hash("C0001", salt: salt)
        XCTAssertEqual(a, ClientPseudonym.hash("C0001", salt: salt))
        XCTAssertNotEqual(a, ClientPseudonym.hash("C0002", salt: salt))
        XCTAssertNotEqual(a, ClientPseudonym.hash("C0001", salt: ClientPseudonym.Salt(k0: salt.k0, k1: salt.k1 ^ 1)))
        XCTAssertEqual(a.count, 17)
        XCTAssertTrue(a.hasPrefix("p") && a.dropFirst().allSatisfy(\.isHexDigit))
        XCTAssertNotEqual(ClientPseudonym.Salt.random(), ClientPseudonym.Salt.random())
    }

    func testSnappingMovesAtMost71MetresAndMergesACell() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let p = GeoPoint(lat: Double.random(in: 50.75...53.7, using: &g), lon: Double.random(in: 3.2...7.25, using: &g))
            let s = GridSnap.snap(p)
            XCTAssertLessThanOrEqual(p.greatCircleMetres(to: s), 50 * 2.squareRoot() + 0.5, "\(p) → \(s)")
            XCTAssertEqual(GridSnap.snap(s).lat, s.lat, accuracy: 1e-12, "snapping is idempotent")
            XCTAssertEqual(GridSnap.snap(s).lon, s.lon, accuracy: 1e-12)
        }
        // Two homes 20 m apart near a cell centre land on the same point; grid points are ~100 m apart.
        let step = GridSnap.latitudeStep
        let snapped = GridSnap.snap(GeoPoint(lat: 52.2, lon: 5.2))
        let near = GeoPoint(lat: snapped.lat + 0.0001, lon: snapped.lon + 0.0001)   // ≈ 11 m north, 7 m east
        XCTAssertEqual(GridSnap.snap(near), snapped)
        let north = GridSnap.snap(GeoPoint(lat: snapped.lat + step, lon: snapped.lon))
        XCTAssertEqual(snapped.greatCircleMetres(to: north), 100, accuracy: 0.5)
    }

    func testAnonymisedOutputsHideIdsAndExactHomes() throws {
        let model = ReportFixtures.model
        let anon = model.anonymised(salt: salt)
        let html = HTMLReport.render(anon), geojson = GeoJSONWriter.text(anon)
        for c in model.clients {
            let escaped = c.id.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            for out in [html, geojson] {
                XCTAssertFalse(out.contains(c.id) || out.contains(escaped), "client id \(c.id) leaked")
                XCTAssertFalse(out.contains(String(format: "%.6f", c.position.lat)), "exact home of \(c.id) leaked")
            }
        }
        XCTAssertTrue(html.contains("Pseudonymised"))
        // Same pseudonym for a client on the map and in the routes; snapped homes; locations kept.
        let id0 = ClientPseudonym.hash(model.clients[0].id, salt: salt)
        XCTAssertEqual(anon.clients[0].id, id0)
        XCTAssertEqual(anon.clients[0].position, GridSnap.snap(model.clients[0].position))
        XCTAssertEqual(anon.routes[0].stops[0].id, id0)
        XCTAssertEqual(anon.routes[0].stops[0].position, GridSnap.snap(model.routes[0].stops[0].position))
        XCTAssertEqual(anon.routes[0].stops.last, model.routes[0].stops.last, "location stops stay exact")
        XCTAssertEqual(anon.locations, model.locations)
        XCTAssertEqual(anon.scenarios, model.scenarios)
        XCTAssertEqual(anon.clients.map(\.location), model.clients.map(\.location))
    }
}
