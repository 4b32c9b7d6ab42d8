import DagrouteCore

/// The longest acceptable ride for a client, as a function of the direct (solo) drive time:
/// `min(cap, max(floor, factor × direct + extra))`.
///
/// The default is DOMAIN.md's municipal practice (Eindhoven, products 08A03/08A04): the ride may
/// take at most 15 minutes longer than the direct drive — `factor` 1, `extra` 15 min, no floor, no cap.
public struct RideTimePolicy: Hashable, Sendable {
    /// Lower bound of the limit, seconds (≥ 0).
    public let floor: Seconds
    /// Multiplier on the direct drive time (≥ 1).
    public let factor: Double
    /// Added to `factor × direct`, seconds (≥ 0).
    public let extra: Seconds
    /// Absolute upper bound of the limit, seconds, or nil for none.
    public let cap: Seconds?

    public init(floor: Seconds = .zero, factor: Double = 1, extra: Seconds = .minutes(15), cap: Seconds? = nil) {
        self.floor = floor; self.factor = factor; self.extra = extra; self.cap = cap
    }

    /// DOMAIN.md's default: direct + 15 minutes.
    public static let directPlus15 = RideTimePolicy()

    /// The maximum ride time (seconds) for a client whose direct drive takes `direct` seconds.
    /// Never below `direct` itself, so a client is never made infeasible by the cap alone.
    public func maxRide(direct: Seconds) -> Seconds {
        var limit = max(floor.value, Int((factor * Double(direct.value)).rounded()) + extra.value)
        if let cap { limit = min(limit, cap.value) }
        return Seconds(max(limit, direct.value))
    }
}
