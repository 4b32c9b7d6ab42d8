import DagrouteCore

/// One client of day-activity care: who they are (pseudonymous id), where they live, what care
/// they attend and when, and whether the region must transport them. One row of `clients.csv`.
///
/// Field invariants (checked by `InstanceReader`): `days` is non-empty, sorted and without
/// repeats; `maxRide` and `boarding`, when given, are positive. Cross-file invariants (the
/// provider and current location exist, some location fits the client) are checked by `Instance`.
public struct Client: Hashable, Sendable {
    /// Pseudonymous, unique within the instance.
    public let id: String
    /// Home position (WGS84).
    public let position: GeoPoint
    /// Municipality of residence (free text, e.g. `Hilversum`).
    public let municipality: String
    public let targetGroup: TargetGroup
    public let product: CareProduct
    /// True when the client travels in a wheelchair (needs a wheelchair place and an accessible location).
    public let wheelchair: Bool
    /// Attendance days, sorted, without repeats, at least one.
    public let days: [Weekday]
    /// The day part attended on each of `days`.
    public let dayPart: DayPart
    /// The provider the client chose (provider id as used in `locations.csv`).
    public let provider: String
    /// The location the client attends today, when known.
    public let currentLocation: String?
    /// False when the client travels independently or with their own network (no transport).
    public let needsTransport: Bool
    /// A personal maximum ride time (seconds) overriding the settings' policy, when given.
    public let maxRide: Seconds?
    /// A personal boarding and alighting time (seconds) overriding the settings, when given.
    public let boarding: Seconds?

    public init(id: String, position: GeoPoint, municipality: String, targetGroup: TargetGroup,
                product: CareProduct, wheelchair: Bool, days: [Weekday], dayPart: DayPart,
                provider: String, currentLocation: String?, needsTransport: Bool,
                maxRide: Seconds? = nil, boarding: Seconds? = nil) {
        self.id = id; self.position = position; self.municipality = municipality
        self.targetGroup = targetGroup; self.product = product; self.wheelchair = wheelchair
        self.days = Array(Set(days)).sorted(); self.dayPart = dayPart; self.provider = provider
        self.currentLocation = currentLocation; self.needsTransport = needsTransport
        self.maxRide = maxRide; self.boarding = boarding
    }

    /// True when the client attends on `day` in half-day slot `slot` (`.morning` or `.afternoon`).
    public func attends(_ day: Weekday, slot: DayPart) -> Bool {
        days.contains(day) && dayPart.slots.contains(slot)
    }
}
