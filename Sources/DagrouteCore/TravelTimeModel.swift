import Foundation

/// Crow-fly travel-time model: road distance ≈ `detourFactor` × great-circle distance, driven at
/// a speed that grows with the trip length (short trips are slow town driving, long trips use
/// provincial roads):
///
///     speed(d) = short + (long − short) × d / (d + halfSpeedDistance)   (km/h, d in km, crow-fly)
///     time(d)  = detourFactor × d / speed(d)
///
/// Defaults (documented estimates for the Dutch road network, see `Instances/README.md`): detour
/// factor 1.3, 25 km/h for very short trips rising towards 70 km/h, half-way at 6 km. A 5 km
/// crow-fly trip then takes 6.5 km at ≈ 45.5 km/h ≈ 8.6 minutes (515 s).
///
/// This is the one crow-fly model of dagroute: `settings.json` (`travel_time`) sets it, and the
/// matrix (`TravelMatrix.CrowFlySource`), the analysis and the scenarios all use it.
///
/// The model is defined by the arithmetic below, operation for operation, so that the vectorised
/// matrix kernel reproduces it bit for bit: positions become unit vectors (`unitVector`), the
/// crow-fly distance comes from their chord (`crowFlyMetres(halfChord:)`: a short arcsine series
/// below about 382 km, `asin` beyond), the time is `3.6 × road × (c + half) / (short × (c + half) + gain × c)`
/// with c the crow-fly metres, and seconds and metres are rounded to the nearest whole number (ties to
/// even). This crow-fly distance differs from the haversine formula by far less than a millimetre;
/// whole values can differ by one only where the haversine lands within that of a rounding boundary.
public struct TravelTimeModel: Hashable, Sendable {
    /// Road distance over crow-fly distance (≥ 1).
    public let detourFactor: Double
    /// Speed of a very short trip, km/h (> 0).
    public let speedShortKmh: Double
    /// Speed approached by long trips, km/h (≥ `speedShortKmh`).
    public let speedLongKmh: Double
    /// Crow-fly distance (metres, > 0) at which the speed is half-way between short and long.
    public let halfSpeedDistance: Metres

    public init(detourFactor: Double = 1.3, speedShortKmh: Double = 25, speedLongKmh: Double = 70,
                halfSpeedDistance: Metres = Metres(6000)) {
        self.detourFactor = detourFactor; self.speedShortKmh = speedShortKmh
        self.speedLongKmh = speedLongKmh; self.halfSpeedDistance = halfSpeedDistance
    }

    /// Estimated road distance (metres, nearest, ties to even) for a crow-fly distance in metres.
    public func roadMetres(crowFly: Double) -> Metres { Metres(Int(exactRoadMetres(crowFly: crowFly).rounded(.toNearestOrEven))) }

    /// Estimated drive time (seconds, nearest, ties to even) for a crow-fly distance in metres (≥ 0).
    public func seconds(crowFly: Double) -> Seconds { Seconds(Int(exactSeconds(crowFly: crowFly).rounded(.toNearestOrEven))) }

    /// Road metres before rounding: `detourFactor × crowFly`.
    @inline(__always) public func exactRoadMetres(crowFly: Double) -> Double { detourFactor * crowFly }

    /// Drive seconds before rounding for a crow-fly distance c in metres: road × 3.6 / speed(c) written
    /// with one division, `3.6 × road × (c + half) / (short × (c + half) + (long − short) × c)`.
    @inline(__always) public func exactSeconds(crowFly c: Double) -> Double {
        let road = detourFactor * c, ch = c + Double(halfSpeedDistance.value)
        return 3.6 * road * ch / (speedShortKmh * ch + (speedLongKmh - speedShortKmh) * c)
    }

    /// Whole seconds and metres from `a` to `b` under this model (the matrix kernel's exact result).
    public func estimate(from a: GeoPoint, to b: GeoPoint) -> (seconds: Seconds, metres: Metres) {
        let c = Self.crowFlyMetres(Self.unitVector(a), Self.unitVector(b))
        return (seconds(crowFly: c), roadMetres(crowFly: c))
    }

    /// The position as a unit vector on the sphere: x towards (0° N, 0° E), z towards the North Pole.
    public static func unitVector(_ p: GeoPoint) -> SIMD3<Double> {
        let rad = Double.pi / 180
        let phi = p.lat * rad, lambda = p.lon * rad
        return SIMD3(cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
    }

    /// Half the chord between two unit vectors: `√(dx² + dy² + dz²) × 0.5`, summed in that order.
    @inline(__always) public static func halfChord(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        let dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z
        return (dx * dx + dy * dy + dz * dz).squareRoot() * 0.5
    }

    /// Crow-fly metres between two unit vectors (great-circle distance on the sphere of
    /// `GeoPoint.earthRadiusMetres`).
    public static func crowFlyMetres(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        crowFlyMetres(halfChord: halfChord(a, b))
    }

    /// Half-chords below this (about 382 km crow-fly) use `arcsineSeries`; longer ones `asin`.
    public static let seriesLimit = 0.03

    /// Twice the Earth radius (metres): crow-fly metres = `earthDiameter × asin(half-chord)`.
    public static let earthDiameter = 2 * GeoPoint.earthRadiusMetres

    /// Crow-fly metres for a half-chord `s` between unit vectors (0 ≤ s ≤ 1).
    @inline(__always) public static func crowFlyMetres(halfChord s: Double) -> Double {
        earthDiameter * (s < seriesLimit ? arcsineSeries(s) : asin(min(1, s)))
    }

    /// asin(s) for s < `seriesLimit` by four terms of its Maclaurin series in Horner form
    /// (s × (1 + s²(1/6 + s²(3/40 + s² 5/112)))); the first omitted term is below 2e-14 relative.
    @inline(__always) public static func arcsineSeries(_ s: Double) -> Double {
        let s2 = s * s
        var p = 5.0 / 112
        p = p * s2 + 3.0 / 40
        p = p * s2 + 1.0 / 6
        p = p * s2 + 1
        return s * p
    }
}
