import DagrouteCore
import Foundation

/// Crow-fly travel times: great-circle distance × detour factor, driven at the distance-dependent
/// speed of a `TravelTimeModel` (the settings' `travel_time`).
///
/// Each point's unit vector on the sphere is computed once; a pair then costs a 3-D chord length,
/// a square root and an arcsine (a short polynomial for chords below 1,275 km, exact to far below
/// a millimetre), with no trigonometric call. Values are rounded to the nearest whole second and
/// metre (ties to even). Rows are filled in parallel blocks straight into the
/// output buffers; when origins and destinations are the same list only the upper triangle is
/// computed and mirrored. Entry values depend only on the two points, never on the thread count.
public struct CrowFlySource: TravelTimeSource {
    public let model: TravelTimeModel

    /// A source for `model` (default: the documented Dutch defaults).
    public init(model: TravelTimeModel = TravelTimeModel()) {
        self.model = model
    }

    public func matrix(from origins: [MatrixPoint], to destinations: [MatrixPoint],
                       threads: Int, progress: DagrouteCore.Progress) throws -> DurationMatrix {
        matrix(from: origins.map(\.position), to: destinations.map(\.position), threads: threads, progress: progress)
    }

    /// The matrix between plain positions (rows: `origins`, columns: `destinations`).
    public func matrix(from origins: [GeoPoint], to destinations: [GeoPoint],
                       threads: Int, progress: DagrouteCore.Progress = .silent) -> DurationMatrix {
        let from = UnitVectors(origins), to = UnitVectors(destinations)
        let n = origins.count, m = destinations.count
        let kernel = Kernel(model, seriesSuffices: from.withinSeriesRange(of: to))
        progress.say("crow-fly matrix \(n) × \(m) on \(max(1, threads)) thread(s)")
        let started = DispatchTime.now()
        defer { progress.say("crow-fly matrix \(n) × \(m) done in \(secondsSince(started)) s") }
        let symmetric = origins == destinations
        let rowsDone = RowProgress(total: n, label: "crow-fly matrix", progress: progress)
        return DurationMatrix(rows: n, columns: m) { seconds, metres in
            nonisolated(unsafe) let secondsOut = seconds.baseAddress!, metresOut = metres.baseAddress!
            to.x.withUnsafeBufferPointer { tx in
                to.y.withUnsafeBufferPointer { ty in
                    to.z.withUnsafeBufferPointer { tz in
                        nonisolated(unsafe) let (tx, ty, tz) = (tx, ty, tz)
                        if symmetric {
                            // Entry (i, j) equals (j, i) bit for bit (the kernel only uses squared
                            // differences): compute the upper triangle of a band of rows, then mirror
                            // it into the columns of the rows below. Bands write disjoint entries.
                            let band = 128
                            ParallelBlocks.run(count: (n + band - 1) / band, blockSize: 1, threads: threads) { _, blocks in
                                for b in blocks {
                                    let rows = b * band..<min(n, (b + 1) * band)
                                    for i in rows {
                                        kernel.fillRow(ax: from.x[i], ay: from.y[i], az: from.z[i],
                                                       tx: UnsafeBufferPointer(rebasing: tx[i...]),
                                                       ty: UnsafeBufferPointer(rebasing: ty[i...]),
                                                       tz: UnsafeBufferPointer(rebasing: tz[i...]),
                                                       seconds: secondsOut + i * m + i, metres: metresOut + i * m + i)
                                    }
                                    for j in (rows.lowerBound + 1)..<n {
                                        for i in rows where i < j {
                                            secondsOut[j * m + i] = secondsOut[i * m + j]
                                            metresOut[j * m + i] = metresOut[i * m + j]
                                        }
                                    }
                                    rowsDone.finished(rows.count)
                                }
                            }
                        } else {
                            // About 64k entries per block: small enough to balance, large enough to amortise.
                            let rowsPerBlock = max(1, 65_536 / max(1, m))
                            ParallelBlocks.run(count: n, blockSize: rowsPerBlock, threads: threads) { _, rows in
                                for i in rows {
                                    kernel.fillRow(ax: from.x[i], ay: from.y[i], az: from.z[i], tx: tx, ty: ty, tz: tz,
                                                   seconds: secondsOut + i * m, metres: metresOut + i * m)
                                }
                                rowsDone.finished(rows.count)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Points as unit vectors on the sphere, one array per coordinate (vector-friendly).
    struct UnitVectors: Sendable {
        var x: [Double] = [], y: [Double] = [], z: [Double] = []
        init(_ points: [GeoPoint]) {
            let rad = Double.pi / 180
            for p in points {
                let phi = p.lat * rad, lambda = p.lon * rad
                x.append(cos(phi) * cos(lambda)); y.append(cos(phi) * sin(lambda)); z.append(sin(phi))
            }
        }

        /// True when every half-chord between a point of `self` and one of `other` is below 0.1
        /// (about 1,275 km): both sets lie within a cap of chord radius 0.1 around their joint centre.
        func withinSeriesRange(of other: UnitVectors) -> Bool {
            let count = Double(x.count + other.x.count)
            guard count > 0 else { return true }
            let cx = (x.reduce(0, +) + other.x.reduce(0, +)) / count
            let cy = (y.reduce(0, +) + other.y.reduce(0, +)) / count
            let cz = (z.reduce(0, +) + other.z.reduce(0, +)) / count
            var radius2 = 0.0
            for set in [self, other] {
                for k in set.x.indices {
                    let dx = set.x[k] - cx, dy = set.y[k] - cy, dz = set.z[k] - cz
                    radius2 = max(radius2, dx * dx + dy * dy + dz * dz)
                }
            }
            // Pairwise chord ≤ 2 × radius; half-chord ≤ radius.
            return radius2 < 0.1 * 0.1
        }
    }

    /// The per-pair computation. With c the crow-fly distance in metres, road = detour × c and
    /// speed(c) = short + (long − short) × c / (c + half), the time in seconds is
    /// 3.6 × road × (c + half) / (short × (c + half) + (long − short) × c): one division per pair, no
    /// branch, so the row loop vectorises.
    struct Kernel: Sendable {
        let radius2 = 2 * GeoPoint.earthRadiusMetres
        let detour: Double
        let seriesSuffices: Bool
        let short: Double, gain: Double, half: Double

        init(_ model: TravelTimeModel, seriesSuffices: Bool) {
            detour = model.detourFactor
            self.seriesSuffices = seriesSuffices
            short = model.speedShortKmh
            gain = model.speedLongKmh - model.speedShortKmh
            half = Double(model.halfSpeedDistance.value)
        }

        /// Round to the nearest integer (ties to even) without a range check: adding 1.5 × 2^52
        /// leaves the rounded value in the low mantissa bits. Valid for |x| < 2^51.
        @inline(__always) static func nearest(_ x: Double) -> Int32 {
            Int32(truncatingIfNeeded: (x + 6_755_399_441_055_744.0).bitPattern)
        }

        /// asin(s) by its Maclaurin series; for s < 0.1 the first omitted term is < 3e-12 relative.
        @inline(__always) static func asinSeries(_ s: Double) -> Double {
            let s2 = s * s
            return s * (1 + s2 * (1.0 / 6 + s2 * (3.0 / 40 + s2 * (5.0 / 112 + s2 * (35.0 / 1152 + s2 * (63.0 / 2816))))))
        }

        @inline(__always) func fillRow(ax: Double, ay: Double, az: Double,
                                       tx: UnsafeBufferPointer<Double>, ty: UnsafeBufferPointer<Double>, tz: UnsafeBufferPointer<Double>,
                                       seconds: UnsafeMutablePointer<Int32>, metres: UnsafeMutablePointer<Int32>) {
            let (detour, short, gain, half) = (self.detour, self.short, self.gain, self.half)
            let px = tx.baseAddress!, py = ty.baseAddress!, pz = tz.baseAddress!
            @inline(__always) func store(_ j: Int, _ angle: Double) {
                let crow = radius2 * angle
                let road = detour * crow
                let t = 3.6 * road * (crow + half) / (short * (crow + half) + gain * crow)
                metres[j] = Kernel.nearest(road)
                seconds[j] = Kernel.nearest(t)
            }
            @inline(__always) func halfChord(_ j: Int) -> Double {
                let dx = ax - px[j], dy = ay - py[j], dz = az - pz[j]
                return (dx * dx + dy * dy + dz * dz).squareRoot() * 0.5
            }
            // Two loops so that the common case has no branch and vectorises.
            if seriesSuffices {
                for j in 0..<tx.count { store(j, Kernel.asinSeries(halfChord(j))) }
            } else {
                for j in 0..<tx.count {
                    let s = halfChord(j)
                    store(j, s < 0.1 ? Kernel.asinSeries(s) : asin(min(1, s)))
                }
            }
        }
    }
}
