import DagrouteCore
import Foundation

/// Crow-fly travel times: great-circle distance × detour factor, driven at the distance-dependent
/// speeds of `CrowFlyParameters`.
///
/// Each point's unit vector on the sphere is computed once; a pair then costs a 3-D chord length,
/// a square root and an arcsine (a short polynomial for chords below 1,275 km, exact to far below
/// a millimetre), with no trigonometric call. Rows are filled in parallel blocks straight into the
/// output buffers. Entry values depend only on the two points, never on the thread count.
public struct CrowFlySource: TravelTimeSource {
    public let parameters: CrowFlyParameters

    /// Throws `DagrouteError.input` when `parameters` are invalid (see `CrowFlyParameters.problems`).
    public init(parameters: CrowFlyParameters = .dutch) throws {
        let problems = parameters.problems()
        guard problems.isEmpty else {
            throw DagrouteError.input(problems.map { Diagnostic(file: "<crow-fly parameters>", message: $0) })
        }
        self.parameters = parameters
    }

    public func matrix(from origins: [MatrixPoint], to destinations: [MatrixPoint],
                       threads: Int, progress: DagrouteCore.Progress) throws -> DurationMatrix {
        matrix(from: origins.map(\.position), to: destinations.map(\.position), threads: threads, progress: progress)
    }

    /// The matrix between plain positions (rows: `origins`, columns: `destinations`).
    public func matrix(from origins: [GeoPoint], to destinations: [GeoPoint],
                       threads: Int, progress: DagrouteCore.Progress = .silent) -> DurationMatrix {
        let from = origins.map(UnitVector.init), to = destinations.map(UnitVector.init)
        let n = from.count, m = to.count
        let kernel = Kernel(parameters)
        progress.say("crow-fly matrix \(n) × \(m) on \(max(1, threads)) thread(s)")
        return DurationMatrix(rows: n, columns: m) { seconds, metres in
            nonisolated(unsafe) let secondsOut = seconds, metresOut = metres
            to.withUnsafeBufferPointer { toBuffer in
                nonisolated(unsafe) let targets = toBuffer
                // About 64k entries per block: small enough to balance, large enough to amortise.
                let rowsPerBlock = max(1, 65_536 / max(1, m))
                ParallelBlocks.run(count: n, blockSize: rowsPerBlock, threads: threads) { _, rows in
                    for i in rows {
                        kernel.fillRow(from: from[i], to: targets,
                                       seconds: secondsOut.baseAddress! + i * m,
                                       metres: metresOut.baseAddress! + i * m)
                    }
                }
            }
        }
    }

    /// A point as a unit vector on the sphere.
    struct UnitVector: Sendable {
        var x: Double, y: Double, z: Double
        init(_ p: GeoPoint) {
            let rad = Double.pi / 180
            let phi = p.lat * rad, lambda = p.lon * rad
            x = cos(phi) * cos(lambda); y = cos(phi) * sin(lambda); z = sin(phi)
        }
    }

    /// The per-pair computation with the parameters turned into band limits in metres and
    /// inverse speeds in seconds per metre.
    struct Kernel: Sendable {
        let radius2 = 2 * GeoPoint.earthRadiusMetres
        let detour: Double
        let bandStart: [Double]
        let bandWidth: [Double]
        let secondsPerMetre: [Double]

        init(_ p: CrowFlyParameters) {
            detour = p.detourFactor
            var starts: [Double] = [], widths: [Double] = [], inverse: [Double] = []
            var previous = 0.0
            for band in p.bands {
                starts.append(previous)
                let limit = band.upToKilometres.map { $0 * 1000 } ?? .infinity
                widths.append(limit - previous)
                inverse.append(3.6 / band.kmh)
                previous = limit
            }
            bandStart = starts; bandWidth = widths; secondsPerMetre = inverse
        }

        /// Road-estimate metres (unrounded) for the half-chord `s` of two unit vectors.
        @inline(__always) func roadMetres(halfChord s: Double) -> Double {
            let angle: Double
            if s < 0.1 {
                // asin(s) by its Maclaurin series; the first omitted term is < 3e-12 relative.
                let s2 = s * s
                let series = 1 + s2 * (1.0 / 6 + s2 * (3.0 / 40 + s2 * (5.0 / 112 + s2 * (35.0 / 1152 + s2 * (63.0 / 2816)))))
                angle = s * series
            } else {
                angle = asin(min(1, s))
            }
            return detour * radius2 * angle
        }

        /// Travel seconds (unrounded) for `road` metres.
        @inline(__always) func travelSeconds(roadMetres road: Double) -> Double {
            var t = 0.0
            for k in 0..<bandStart.count {
                t += min(max(road - bandStart[k], 0), bandWidth[k]) * secondsPerMetre[k]
            }
            return t
        }

        @inline(__always) func fillRow(from a: UnitVector, to targets: UnsafeBufferPointer<UnitVector>,
                                       seconds: UnsafeMutablePointer<Int32>, metres: UnsafeMutablePointer<Int32>) {
            for j in 0..<targets.count {
                let b = targets[j]
                let dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z
                let s = (dx * dx + dy * dy + dz * dz).squareRoot() * 0.5
                let road = roadMetres(halfChord: s)
                metres[j] = Int32(road + 0.5)
                seconds[j] = Int32(travelSeconds(roadMetres: road) + 0.5)
            }
        }
    }
}
