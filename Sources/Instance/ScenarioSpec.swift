import DagrouteCore

/// How transport is organised in a scenario: each provider with its own fleet, or one regional pool.
public enum TransportMode: String, CaseIterable, Sendable, Codable {
    case perProvider = "per_provider", pooled
}

/// A change of one location's capacity in a scenario (all days, or one weekday).
public struct CapacityChange: Hashable, Sendable {
    public let location: String
    /// New places per half-day slot (≥ 0).
    public let capacity: Int
    /// The weekday changed, or nil for every day.
    public let day: Weekday?
    public init(location: String, capacity: Int, day: Weekday? = nil) {
        self.location = location; self.capacity = capacity; self.day = day
    }
}

/// A what-if scenario from `settings.json` (`scenarios` list). Every location and provider it
/// names exists in the instance (checked by `Instance`); names are unique.
public struct ScenarioSpec: Hashable, Sendable {
    /// Unique name, e.g. `close-L03`, `exit-heidezicht`, `strict-ride`.
    public let name: String
    public let description: String
    /// Open or candidate locations that close.
    public let closeLocations: [String]
    /// Candidate or closed locations that open.
    public let openLocations: [String]
    public let capacityChanges: [CapacityChange]
    /// Providers that stop; their clients must move to another provider.
    public let exitProviders: [String]
    /// Per-provider fleets or one regional pool (default `pooled`).
    public let transport: TransportMode
    /// Whether clients are re-assigned by the assignment model (default true); when false they
    /// stay at their current location unless it closes or its provider exits.
    public let reassign: Bool
    /// Whether re-assignment may move a client to another provider (default false: freedom of
    /// choice, *keuzevrijheid*; clients of exiting providers may always move).
    public let clientsMayChangeProvider: Bool
    /// Keep clients of one location together when they must move (default false).
    public let keepGroupsTogether: Bool
    /// A ride-time policy replacing the settings' policy, or nil.
    public let rideTime: RideTimePolicy?

    public init(name: String, description: String = "", closeLocations: [String] = [], openLocations: [String] = [],
                capacityChanges: [CapacityChange] = [], exitProviders: [String] = [], transport: TransportMode = .pooled,
                reassign: Bool = true, clientsMayChangeProvider: Bool = false, keepGroupsTogether: Bool = false,
                rideTime: RideTimePolicy? = nil) {
        self.name = name; self.description = description; self.closeLocations = closeLocations
        self.openLocations = openLocations; self.capacityChanges = capacityChanges
        self.exitProviders = exitProviders; self.transport = transport; self.reassign = reassign
        self.clientsMayChangeProvider = clientsMayChangeProvider; self.keepGroupsTogether = keepGroupsTogether
        self.rideTime = rideTime
    }
}
