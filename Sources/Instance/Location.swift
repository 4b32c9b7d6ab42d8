import DagrouteCore

/// Whether a location runs today (`open`), has stopped (`closed`), or could be opened in a
/// scenario (`candidate`).
public enum LocationStatus: String, CaseIterable, Sendable, Codable {
    case open, closed, candidate
}

/// A day-care location of a provider. One row of `locations.csv`.
///
/// Field invariants (checked by `InstanceReader`): capacities ≥ 0, `start` < `end`, at least one
/// target group and one product, `fixedCostPerDay` ≥ 0.
public struct Location: Hashable, Sendable {
    public let id: String
    /// Display name.
    public let name: String
    /// Provider id.
    public let provider: String
    /// Position (WGS84).
    public let position: GeoPoint
    /// Places per half-day slot (morning, afternoon) on any day without an override.
    public let capacity: Int
    /// Per-weekday overrides of `capacity` (`capacity_mon` … columns).
    public let capacityByDay: [Weekday: Int]
    /// Target groups served.
    public let targetGroups: Set<TargetGroup>
    /// Products offered.
    public let products: Set<CareProduct>
    public let wheelchairAccessible: Bool
    /// Programme start (clients arrive before it).
    public let start: ClockTime
    /// Programme end (clients are picked up after it).
    public let end: ClockTime
    public let status: LocationStatus
    /// Fixed cost of keeping the location open, euro cents per day (for open/close decisions).
    public let fixedCostPerDay: EuroCents

    public init(id: String, name: String, provider: String, position: GeoPoint, capacity: Int,
                capacityByDay: [Weekday: Int] = [:], targetGroups: Set<TargetGroup>, products: Set<CareProduct>,
                wheelchairAccessible: Bool, start: ClockTime, end: ClockTime, status: LocationStatus,
                fixedCostPerDay: EuroCents) {
        self.id = id; self.name = name; self.provider = provider; self.position = position
        self.capacity = capacity; self.capacityByDay = capacityByDay; self.targetGroups = targetGroups
        self.products = products; self.wheelchairAccessible = wheelchairAccessible
        self.start = start; self.end = end; self.status = status; self.fixedCostPerDay = fixedCostPerDay
    }

    /// Places per half-day slot on `day`: the weekday override when present, else `capacity`.
    public func capacity(on day: Weekday) -> Int { capacityByDay[day] ?? capacity }

    /// True when this location can serve `client`: it serves the client's target group and
    /// product, is wheelchair accessible when the client needs it, and is not closed.
    public func accepts(_ client: Client) -> Bool {
        status != .closed && targetGroups.contains(client.targetGroup) && products.contains(client.product)
            && (wheelchairAccessible || !client.wheelchair)
    }

    /// The attendance window of a day part: `day` is `start…end`; the programme is split at its
    /// midpoint (rounded down to the minute) into `morning` and `afternoon`.
    public func programme(_ part: DayPart) -> (arrive: ClockTime, leave: ClockTime) {
        let mid = (start.minutes + end.minutes) / 2
        let midday = ClockTime(hours: mid / 60, minutes: mid % 60)!
        switch part {
        case .day: return (start, end)
        case .morning: return (start, midday)
        case .afternoon: return (midday, end)
        }
    }
}
