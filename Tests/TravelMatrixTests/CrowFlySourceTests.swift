import DagrouteCore
import Foundation
import TravelMatrix
import XCTest

final class CrowFlySourceTests: XCTestCase {
    /// Random points over the Netherlands plus a few far-away ones (the arcsine fallback).
    static func points(_ n: Int, seed: UInt64) -> [GeoPoint] {
        var rng = SeededGenerator(seed: seed)
        var points = (0..<n).map { _ in
            GeoPoint(lat: 50.75 + 2.95 * rng.nextUnit(), lon: 3.2 + 4.05 * rng.nextUnit())
        }
        points[0] = GeoPoint(lat: -33.9, lon: 18.4)   // Cape Town: chord above the series range
        points[1] = points[2]                        // a duplicate position: zero distance
        return points
    }

    /// The slow, straightforward model: haversine × detour, then band by band with plain branches.
    static func oracle(_ a: GeoPoint, _ b: GeoPoint, _ p: CrowFlyParameters) -> (seconds: Double, metres: Double) {
        let road = a.greatCircleMetres(to: b) * p.detourFactor
        var seconds = 0.0, start = 0.0
        for band in p.bands {
            let end = band.upToKilometres.map { $0 * 1000 } ?? Double.infinity
            if road > start { seconds += (min(road, end) - start) / (band.kmh / 3.6) }
            start = end
        }
        return (seconds, road)
    }

    func testMatchesTheHaversineOracle() throws {
        let points = Self.points(300, seed: 7)
        let source = try CrowFlySource()
        let m = source.matrix(from: points, to: points, threads: 2)
        var exact = 0
        for i in points.indices {
            for j in points.indices {
                let want = Self.oracle(points[i], points[j], .dutch)
                let s = Double(m.seconds(i, j)!.value), d = Double(m.metres(i, j)!.value)
                // Whole-unit rounding of values that agree to far below a millimetre.
                XCTAssertLessThanOrEqual(abs(s - want.seconds), 0.5 + 1e-6, "seconds \(i)→\(j)")
                XCTAssertLessThanOrEqual(abs(d - want.metres), 0.5 + 1e-6, "metres \(i)→\(j)")
                if s == want.seconds.rounded() && d == want.metres.rounded() { exact += 1 }
            }
        }
        XCTAssertGreaterThan(Double(exact) / Double(points.count * points.count), 0.999)
        XCTAssertEqual(m.metres(1, 2), Metres(0))
        XCTAssertEqual(m.seconds(1, 2), Seconds(0))
    }

    func testBitIdenticalWhateverTheThreadCount() throws {
        let origins = Self.points(157, seed: 3), destinations = Self.points(611, seed: 4)
        let source = try CrowFlySource()
        let one = source.matrix(from: origins, to: destinations, threads: 1)
        for threads in [2, 3, 8] {
            XCTAssertEqual(source.matrix(from: origins, to: destinations, threads: threads), one, "threads \(threads)")
        }
        XCTAssertEqual(one.rows, 157); XCTAssertEqual(one.columns, 611)
    }

    func testMirroredTriangleEqualsFullComputation() throws {
        // 300 points: three bands of 128 rows, the last one partial.
        let points = Self.points(300, seed: 21)
        let source = try CrowFlySource()
        let square = source.matrix(from: points, to: points, threads: 1)
        // One extra destination makes the lists differ: every entry is then computed directly.
        let wide = source.matrix(from: points, to: points + [GeoPoint(lat: 52, lon: 5)], threads: 2)
        for i in points.indices {
            for j in points.indices {
                XCTAssertEqual(square.secondsStorage[i * 300 + j], wide.secondsStorage[i * 301 + j])
                XCTAssertEqual(square.metresStorage[i * 300 + j], wide.metresStorage[i * 301 + j])
            }
        }
        for threads in [2, 5] { XCTAssertEqual(source.matrix(from: points, to: points, threads: threads), square) }
    }

    func testSymmetricAndTimeIncreasesWithDistance() throws {
        let points = Self.points(120, seed: 11)
        let m = try CrowFlySource().matrix(from: points, to: points, threads: 2)
        var pairs: [(Int32, Int32)] = []
        for i in points.indices {
            XCTAssertEqual(m.seconds(i, i), Seconds(0))
            for j in points.indices {
                XCTAssertEqual(m.metres(i, j), m.metres(j, i))
                XCTAssertEqual(m.seconds(i, j), m.seconds(j, i))
                pairs.append((m.metresStorage[i * 120 + j], m.secondsStorage[i * 120 + j]))
            }
        }
        pairs.sort { $0.0 < $1.0 }
        for (a, b) in zip(pairs, pairs.dropFirst()) { XCTAssertLessThanOrEqual(a.1, b.1 + 1) }
    }

    func testDocumentedDefaultExample() throws {
        // 10 km crow-fly → 13 road km: 2 km at 25, 6 km at 45, 5 km at 65 km/h ≈ 17.4 minutes.
        let a = GeoPoint(lat: 52.0, lon: 5.0)
        let b = GeoPoint(lat: 52.0 + 10_000 / (GeoPoint.earthRadiusMetres * Double.pi / 180), lon: 5.0)
        let m = try CrowFlySource().matrix(from: [a], to: [b], threads: 1)
        XCTAssertEqual(m.metres(0, 0), Metres(13_000))
        let want = 2.0 / 25 * 3600 + 6.0 / 45 * 3600 + 5.0 / 65 * 3600
        XCTAssertEqual(m.seconds(0, 0), Seconds(Int(want.rounded())))
    }

    func testInvalidParametersAreInputErrors() {
        var p = CrowFlyParameters.dutch
        p.detourFactor = 0.8
        p.bands[1].upToKilometres = 1
        XCTAssertThrowsError(try CrowFlySource(parameters: p)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ds.count, 2, "\(ds)")
        }
    }

    func testParametersDecodeFromSettingsJSON() throws {
        let json = #"{"detour_factor": 1.4, "speed_bands": [{"up_to_km": 3, "kmh": 30}, {"kmh": 70}]}"#
        let p = try JSONDecoder().decode(CrowFlyParameters.self, from: Data(json.utf8))
        XCTAssertEqual(p, CrowFlyParameters(detourFactor: 1.4, bands: [.init(upToKilometres: 3, kmh: 30), .init(upToKilometres: nil, kmh: 70)]))
        XCTAssertTrue(p.problems().isEmpty)
    }
}
