import DagrouteCore

/// One row of crow-fly entries, four pairs at a time in `SIMD4<Double>`, with exactly the
/// operations of `TravelTimeModel` (`halfChord`, `arcsineSeries`, `exactRoadMetres`,
/// `exactSeconds`), so every entry equals `TravelTimeModel.estimate` bit for bit. A group of four
/// with a half-chord at or beyond `TravelTimeModel.seriesLimit` (about 382 km crow-fly or more) and the
/// row's last `count % 4` entries take the scalar model itself. IEEE-754 addition, multiplication,
/// division and square root are correctly rounded lane by lane, and Swift never fuses a multiply and
/// an add on its own, so the vector and scalar paths cannot differ.
struct CrowFlyKernel: Sendable {
    let model: TravelTimeModel
    let detour: Double, short: Double, gain: Double, half: Double

    init(_ model: TravelTimeModel) {
        self.model = model
        detour = model.detourFactor
        short = model.speedShortKmh
        gain = model.speedLongKmh - model.speedShortKmh
        half = Double(model.halfSpeedDistance.value)
    }

    typealias Lanes = SIMD4<Double>

    /// Nearest integer, ties to even, for 0 ≤ x < 2³¹: adding 1.5 × 2⁵² leaves the rounded value in
    /// the low mantissa bits (the same value as `rounded(.toNearestOrEven)`).
    @inline(__always) static func nearest(_ x: Lanes) -> SIMD4<Int32> {
        let shifted = x + 6_755_399_441_055_744.0
        return SIMD4<Int32>(truncatingIfNeeded: unsafeBitCast(shifted, to: SIMD4<UInt64>.self))
    }

    /// `TravelTimeModel.arcsineSeries`, lane by lane, in the same Horner order.
    @inline(__always) static func arcsineSeries(_ s: Lanes) -> Lanes {
        let s2 = s * s
        var p = Lanes(repeating: 5.0 / 112)
        p = p * s2 + 3.0 / 40
        p = p * s2 + 1.0 / 6
        p = p * s2 + 1
        return s * p
    }

    /// Fills `count` entries: from unit vector `a` to the destinations at `x[k], y[k], z[k]`.
    @inline(__always) func fillRow(_ a: SIMD3<Double>, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
                                   _ z: UnsafePointer<Double>, count: Int,
                                   seconds: UnsafeMutablePointer<Int32>, metres: UnsafeMutablePointer<Int32>) {
        let ax = Lanes(repeating: a.x), ay = Lanes(repeating: a.y), az = Lanes(repeating: a.z)
        let limit = Lanes(repeating: TravelTimeModel.seriesLimit)
        var j = 0
        while j + 4 <= count {
            let dx = ax - UnsafeRawPointer(x + j).loadUnaligned(as: Lanes.self)
            let dy = ay - UnsafeRawPointer(y + j).loadUnaligned(as: Lanes.self)
            let dz = az - UnsafeRawPointer(z + j).loadUnaligned(as: Lanes.self)
            let s = (dx * dx + dy * dy + dz * dz).squareRoot() * 0.5
            if any(s .>= limit) {
                for k in j..<j + 4 { scalar(a, x, y, z, k, seconds, metres) }
            } else {
                let crow = TravelTimeModel.earthDiameter * CrowFlyKernel.arcsineSeries(s)
                let road = detour * crow
                let ch = crow + half
                let t = 3.6 * road * ch / (short * ch + gain * crow)
                UnsafeMutableRawPointer(metres + j).storeBytes(of: CrowFlyKernel.nearest(road), as: SIMD4<Int32>.self)
                UnsafeMutableRawPointer(seconds + j).storeBytes(of: CrowFlyKernel.nearest(t), as: SIMD4<Int32>.self)
            }
            j += 4
        }
        while j < count { scalar(a, x, y, z, j, seconds, metres); j += 1 }
    }

    @inline(__always) private func scalar(_ a: SIMD3<Double>, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
                                          _ z: UnsafePointer<Double>, _ k: Int,
                                          _ seconds: UnsafeMutablePointer<Int32>, _ metres: UnsafeMutablePointer<Int32>) {
        let c = TravelTimeModel.crowFlyMetres(a, SIMD3(x[k], y[k], z[k]))
        metres[k] = Int32(model.exactRoadMetres(crowFly: c).rounded(.toNearestOrEven))
        seconds[k] = Int32(model.exactSeconds(crowFly: c).rounded(.toNearestOrEven))
    }
}
