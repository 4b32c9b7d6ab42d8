import DagrouteCore
import Foundation
@testable import TravelMatrix
import XCTest

/// The vectorised crow-fly kernels (AVX2 in C where the CPU has it, and the portable `SIMD4` one)
/// against the scalar model they implement (`TravelTimeModel.estimate`), entry for entry and bit
/// for bit.
final class CrowFlyKernelTests: XCTestCase {
    /// Every kernel this CPU runs (the AVX2 one first, where available).
    static let kernels = CrowFlySource.Kernel.available

    /// A point `metres` of great-circle distance due north of `a` on the model's sphere.
    static func north(of a: GeoPoint, metres: Double) -> GeoPoint {
        GeoPoint(lat: a.lat + metres / GeoPoint.earthRadiusMetres * 180 / Double.pi, lon: a.lon)
    }

    /// Destinations whose exact road metres or seconds fall on (or within rounding noise of) a
    /// half-unit boundary, where any difference in arithmetic would show as a different whole value.
    static func boundaryPoints(from a: GeoPoint, _ model: TravelTimeModel) -> [GeoPoint] {
        var points: [GeoPoint] = []
        for k in [1, 7, 250, 1_300, 12_345, 77_777, 240_000] {
            // Road metres k + 0.5.
            points.append(north(of: a, metres: (Double(k) + 0.5) / model.detourFactor))
            // Seconds k + 0.5 (for the smaller k): bisection on the crow-fly distance.
            guard k < 20_000 else { continue }
            var lo = 0.0, hi = 1_000_000.0
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if model.exactSeconds(crowFly: mid) < Double(k) + 0.5 { lo = mid } else { hi = mid }
            }
            points.append(north(of: a, metres: lo))
            points.append(north(of: a, metres: hi))
        }
        return points
    }

    static func points(seed: UInt64) -> [GeoPoint] {
        var rng = SeededGenerator(seed: seed)
        var points = (0..<150).map { _ in GeoPoint(lat: 50.75 + 2.95 * rng.nextUnit(), lon: 3.2 + 4.05 * rng.nextUnit()) }
        points += (0..<30).map { _ in GeoPoint(lat: -89 + 178 * rng.nextUnit(), lon: -180 + 360 * rng.nextUnit()) }
        let anchor = GeoPoint(lat: 52.1, lon: 5.2)
        points += [anchor, anchor, GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 0, lon: 180), GeoPoint(lat: -52.1, lon: -174.8),
                   GeoPoint(lat: 90, lon: 0), GeoPoint(lat: -90, lon: 0)]
        points += boundaryPoints(from: anchor, TravelTimeModel())
        // Near the series limit (half-chord 0.03, about 382 km).
        points += [381_000.0, 382_200, 382_400, 383_000].map { north(of: anchor, metres: $0) }
        // 40 cm away (and an odd count: the mirrored square has partial tiles).
        points.append(north(of: anchor, metres: 0.4))
        return points
    }

    func assertEqualsModel(_ m: DurationMatrix, _ from: [GeoPoint], _ to: [GeoPoint], _ model: TravelTimeModel,
                           file: StaticString = #filePath, line: UInt = #line) {
        var mismatches = 0
        for i in from.indices {
            for j in to.indices {
                let want = model.estimate(from: from[i], to: to[j])
                if m.seconds(i, j) != want.seconds || m.metres(i, j) != want.metres {
                    mismatches += 1
                    if mismatches <= 5 {
                        XCTFail("\(from[i]) → \(to[j]): kernel \(m.seconds(i, j)!.value) s \(m.metres(i, j)!.value) m, "
                                + "model \(want.seconds.value) s \(want.metres.value) m", file: file, line: line)
                    }
                }
            }
        }
        XCTAssertEqual(mismatches, 0, file: file, line: line)
    }

    func testEveryEntryEqualsTheScalarModelBitForBit() throws {
        let points = Self.points(seed: 5)
        let model = TravelTimeModel()
        for kernel in Self.kernels {
            let source = CrowFlySource(model: model, kernel: kernel)
            // Square (upper triangle only, mirrored) and rectangular (every entry computed) paths.
            assertEqualsModel(source.matrix(from: points, to: points, threads: 2), points, points, model)
            let rows = Array(points.prefix(41)), columns = Array(points.dropFirst(3))
            assertEqualsModel(source.matrix(from: rows, to: columns, threads: 2), rows, columns, model)
        }
    }

    /// The AVX2 square path in bands of 16 rows: every size modulo 16 (partial bands and column groups),
    /// far pairs (beyond the series limit) inside tiles, on the diagonal block and in the last columns,
    /// several threads; equal to the scalar model and to the portable kernel.
    func testSquareBandsOfEverySize() throws {
        let model = TravelTimeModel(detourFactor: 1.25, speedShortKmh: 22, speedLongKmh: 80, halfSpeedDistance: Metres(5_000))
        var rng = SeededGenerator(seed: 77)
        var all = (0..<90).map { _ in GeoPoint(lat: 50.75 + 2.95 * rng.nextUnit(), lon: 3.2 + 4.05 * rng.nextUnit()) }
        for k in [3, 21, 38, 52, 87] { all[k] = GeoPoint(lat: -30 + Double(k), lon: 100 - Double(k)) }
        for n in [1, 2, 4, 5, 15, 16, 17, 19, 33, 47, 64, 90] {
            let points = Array(all.prefix(n))
            var matrices: [DurationMatrix] = []
            for kernel in Self.kernels {
                let m = CrowFlySource(model: model, kernel: kernel).matrix(from: points, to: points, threads: n % 3 + 1)
                assertEqualsModel(m, points, points, model)
                matrices.append(m)
            }
            XCTAssertEqual(Set(matrices.map(\.secondsStorage)).count, 1, "n = \(n)")
        }
    }

    /// The AVX2 square path with streaming stores allowed at any size and not at all: n = 128 (a
    /// multiple of 16, so it streams: 16 × 16 blocks of 16-row bands written out as whole lines,
    /// several blocks per band, then the column groups after the last block) and n = 211 (never
    /// streamed: its rows straddle cache lines); far pairs in the first block after a band's own
    /// square, in a middle block and in the last columns; one and two threads. Equal to the scalar
    /// model and to the portable kernel.
    func testSquareBlocksOfSixteenColumns() throws {
        let model = TravelTimeModel()
        var rng = SeededGenerator(seed: 31)
        var all = (0..<211).map { _ in GeoPoint(lat: 50.75 + 2.95 * rng.nextUnit(), lon: 3.2 + 4.05 * rng.nextUnit()) }
        for k in [20, 101, 170, 209] { all[k] = GeoPoint(lat: 40 - Double(k) / 10, lon: -70 + Double(k) / 10) }
        for n in [128, 211] {
            let points = Array(all.prefix(n))
            for threads in [1, 2] {
                var matrices: [DurationMatrix] = []
                for kernel in Self.kernels {
                    for streamAbove in [0, Int.max] {
                        let source = CrowFlySource(model: model, kernel: kernel, streamAboveBytes: streamAbove)
                        let m = source.matrix(from: points, to: points, threads: threads)
                        assertEqualsModel(m, points, points, model)
                        matrices.append(m)
                    }
                }
                XCTAssertEqual(Set(matrices.map(\.secondsStorage)).count, 1, "n = \(n)")
                XCTAssertEqual(Set(matrices.map(\.metresStorage)).count, 1, "n = \(n)")
            }
        }
    }

    #if arch(x86_64)
    /// The streaming band kernel called directly, whatever the alignment of the rows (the source only
    /// streams when every block row starts a cache line): seconds and metres buffers shifted by
    /// different numbers of entries, so that rows start lines, straddle them, or start them in one
    /// output only; n a multiple of 16 and odd, far pairs inside blocks. Equal to the scalar model.
    func testStreamingBandsAtEveryAlignment() throws {
        guard CrowFlyAVX2.isAvailable else { throw XCTSkip("no AVX2 on this CPU") }
        let model = TravelTimeModel(), kernel = CrowFlyAVX2(model)
        var rng = SeededGenerator(seed: 12)
        var all = (0..<83).map { _ in GeoPoint(lat: 50.75 + 2.95 * rng.nextUnit(), lon: 3.2 + 4.05 * rng.nextUnit()) }
        for k in [9, 40, 77] { all[k] = GeoPoint(lat: -20 - Double(k) / 10, lon: 140 + Double(k) / 10) }
        for n in [64, 83] {
            let points = Array(all.prefix(n)), vectors = CrowFlySource.UnitVectors(points)
            for (shiftSeconds, shiftMetres) in [(0, 0), (1, 1), (4, 0), (3, 11)] {
                var seconds = [Int32](repeating: -1, count: n * n + 16), metres = seconds
                seconds.withUnsafeMutableBufferPointer { s in
                    metres.withUnsafeMutableBufferPointer { m in
                        vectors.withPointers { x, y, z in
                            for first in stride(from: 0, to: n, by: CrowFlyAVX2.bandRows) {
                                kernel.fillBand(first..<min(n, first + CrowFlyAVX2.bandRows), n: n, x, y, z, stream: true,
                                                seconds: s.baseAddress! + shiftSeconds, metres: m.baseAddress! + shiftMetres)
                            }
                        }
                    }
                }
                let matrix = DurationMatrix(rows: n, columns: n,
                                            seconds: Array(seconds[shiftSeconds..<shiftSeconds + n * n]),
                                            metres: Array(metres[shiftMetres..<shiftMetres + n * n]))
                assertEqualsModel(matrix, points, points, model)
            }
        }
    }
    #endif

    func testOtherModelsAndTheRoundingBoundaries() throws {
        let model = TravelTimeModel(detourFactor: 1.17, speedShortKmh: 20, speedLongKmh: 95, halfSpeedDistance: Metres(3_500))
        let anchor = GeoPoint(lat: 51.44, lon: 5.47)
        let to = Self.boundaryPoints(from: anchor, model) + Self.points(seed: 9).prefix(13)
        for kernel in Self.kernels {
            let source = CrowFlySource(model: model, kernel: kernel)
            assertEqualsModel(source.matrix(from: [anchor], to: to, threads: 1), [anchor], to, model)
            // The same points as a square: the boundary pairs inside 4 × 4 tiles of the AVX2 band kernel.
            let square = [anchor] + to
            assertEqualsModel(source.matrix(from: square, to: square, threads: 1), square, square, model)
        }
        // The boundary points really are on boundaries: their exact values lie within 1e-6 of k + 0.5.
        let onBoundary = to.prefix(5).filter { p in
            let c = TravelTimeModel.crowFlyMetres(TravelTimeModel.unitVector(anchor), TravelTimeModel.unitVector(p))
            let r = model.exactRoadMetres(crowFly: c), s = model.exactSeconds(crowFly: c)
            return abs(r - r.rounded(.down) - 0.5) < 1e-6 || abs(s - s.rounded(.down) - 0.5) < 1e-6
        }
        XCTAssertEqual(onBoundary.count, 5)
    }

    func testIdenticalPointsAndAntipodes() throws {
        let model = TravelTimeModel()
        let a = GeoPoint(lat: 52.37, lon: 4.89)
        let antipode = GeoPoint(lat: -52.37, lon: 4.89 - 180)
        for kernel in Self.kernels {
            let m = CrowFlySource(model: model, kernel: kernel).matrix(from: [a, antipode], to: [a, antipode, a, a, antipode], threads: 1)
            XCTAssertEqual(m.metres(0, 0), Metres(0)); XCTAssertEqual(m.seconds(0, 0), Seconds(0))
            // Half the circumference of the model's sphere, × 1.3.
            let half = Double.pi * GeoPoint.earthRadiusMetres
            XCTAssertEqual(Double(m.metres(0, 1)!.value), (1.3 * half).rounded(), accuracy: 2)
            XCTAssertEqual(m.metres(0, 1), m.metres(1, 0))
            assertEqualsModel(m, [a, antipode], [a, antipode, a, a, antipode], model)
        }
    }

    /// The model's crow-fly distance is the haversine distance up to floating-point noise
    /// (well below a millimetre over the Netherlands and below a metre around the world).
    func testCrowFlyDistanceAgreesWithTheHaversine() throws {
        let points = Self.points(seed: 13)
        for a in points.prefix(40) {
            for b in points {
                let c = TravelTimeModel.crowFlyMetres(TravelTimeModel.unitVector(a), TravelTimeModel.unitVector(b))
                let h = a.greatCircleMetres(to: b)
                XCTAssertEqual(c, h, accuracy: h < 400_000 ? 1e-3 : 1, "\(a) → \(b)")
            }
        }
    }
}
