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

    /// The slow, straightforward model: haversine × detour, driven at the model's speed written
    /// out as in its documentation (km and km/h).
    static func oracle(_ a: GeoPoint, _ b: GeoPoint, _ p: TravelTimeModel) -> (seconds: Double, metres: Double) {
        let crow = a.greatCircleMetres(to: b)
        let d = crow / 1000, half = Double(p.halfSpeedDistance.value) / 1000
        let speed = p.speedShortKmh + (p.speedLongKmh - p.speedShortKmh) * d / (d + half)
        return (p.detourFactor * d / speed * 3600, crow * p.detourFactor)
    }

    func testMatchesTheHaversineOracle() throws {
        let points = Self.points(300, seed: 7)
        let source = CrowFlySource()
        let m = source.matrix(from: points, to: points, threads: 2)
        var exact = 0
        for i in points.indices {
            for j in points.indices {
                let want = Self.oracle(points[i], points[j], TravelTimeModel())
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
        let source = CrowFlySource()
        let one = source.matrix(from: origins, to: destinations, threads: 1)
        for threads in [2, 3, 8] {
            XCTAssertEqual(source.matrix(from: origins, to: destinations, threads: threads), one, "threads \(threads)")
        }
        XCTAssertEqual(one.rows, 157); XCTAssertEqual(one.columns, 611)
    }

    func testMirroredTriangleEqualsFullComputation() throws {
        // 300 points: three bands of 128 rows, the last one partial.
        let points = Self.points(300, seed: 21)
        let source = CrowFlySource()
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
        let m = CrowFlySource().matrix(from: points, to: points, threads: 2)
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
        // 5 km crow-fly → 6.5 road km at 25 + 45 × 5 / (5 + 6) ≈ 45.45 km/h ≈ 514.8 s (≈ 8.6 minutes).
        let a = GeoPoint(lat: 52.0, lon: 5.0)
        let b = GeoPoint(lat: 52.0 + 5_000 / (GeoPoint.earthRadiusMetres * Double.pi / 180), lon: 5.0)
        let m = CrowFlySource().matrix(from: [a], to: [b], threads: 1)
        XCTAssertEqual(m.metres(0, 0), Metres(6_500))
        XCTAssertEqual(m.seconds(0, 0), Seconds(515))
        XCTAssertEqual(TravelTimeModel().seconds(crowFly: 5_000), Seconds(515))
    }
}
