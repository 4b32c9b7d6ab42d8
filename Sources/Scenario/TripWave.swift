import Instance

/// The trip waves of one weekday. Every wave is one routing problem (per provider in a
/// per-provider scenario); vehicles are free again between waves.
///
/// - `morningIn`: clients attending the morning or the whole day go from home to their location,
///   arriving within the arrival window before the programme start.
/// - `midday`: at the split of the programme (`Location.programme`), morning clients are picked
///   up within the departure window after the morning part and driven home, and afternoon clients
///   are brought in before the afternoon part — one dial-a-ride problem, so a vehicle can combine both.
/// - `afternoonOut`: clients attending the afternoon or the whole day are picked up within the
///   departure window after the programme end and driven home.
public enum TripWave: String, CaseIterable, Sendable, Codable {
    case morningIn = "morning-in", midday, afternoonOut = "afternoon-out"

    /// The rides of a client attending `part` in this wave: `(inbound, half)` where `inbound` is
    /// home → location and `half` is the programme half whose start (inbound) or end (outbound)
    /// the ride meets.
    func rides(for part: CareDayPart) -> [(inbound: Bool, half: CareDayPart)] {
        switch (self, part) {
        case (.morningIn, .morning), (.morningIn, .day): return [(true, .morning)]
        case (.midday, .morning): return [(false, .morning)]
        case (.midday, .afternoon): return [(true, .afternoon)]
        case (.afternoonOut, .afternoon), (.afternoonOut, .day): return [(false, .afternoon)]
        default: return []
        }
    }
}
