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

    /// Estimated road distance (metres) for a crow-fly distance in metres.
    public func roadMetres(crowFly: Double) -> Metres { Metres(Int((detourFactor * crowFly).rounded())) }

    /// Estimated drive time (seconds, rounded) for a crow-fly distance in metres (≥ 0).
    public func seconds(crowFly metres: Double) -> Seconds {
        guard metres > 0 else { return .zero }
        let d = metres / 1000, half = Double(halfSpeedDistance.value) / 1000
        let speed = speedShortKmh + (speedLongKmh - speedShortKmh) * d / (d + half)
        return Seconds(Int((detourFactor * d / speed * 3600).rounded()))
    }
}
