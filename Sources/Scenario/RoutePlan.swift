import DagrouteCore
import Instance

/// One line of a route sheet: where a vehicle stops, for whom, and when.
public struct RouteStop: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Leaves the depot; `time` is the departure.
        case depart
        /// A client boards (at home inbound, at the location outbound).
        case pickup
        /// A client alights.
        case dropoff
        /// Back at the depot; `time` is the arrival.
        case `return`
    }
    public let kind: Kind
    /// The client boarding or alighting, nil at depots.
    public let client: String?
    /// Location id for a location stop, fleet row id at a depot, `home` at a client's home.
    public let place: String
    public let position: GeoPoint
    /// Planned start of service (or depot departure / return), seconds since midnight.
    public let time: Seconds
    /// End of service (boarding or alighting done), seconds since midnight.
    public let done: Seconds
    /// Estimated road distance driven from the previous stop, metres.
    public let leg: Metres
    /// Seats and wheelchair places occupied after the stop.
    public let seats: Int
    public let wheelchairs: Int
}

/// One vehicle's trip in one wave of one weekday.
public struct VehicleRoute: Sendable, Equatable {
    /// `<fleet row id>/<n>`, numbered per row within the wave.
    public let vehicle: String
    /// The `fleet.csv` row (vehicle type) id.
    public let fleetRow: String
    public let day: Weekday
    public let wave: TripWave
    /// Depot departure, the client stops, depot return.
    public let stops: [RouteStop]

    /// Total estimated road distance, metres.
    public var distance: Metres { Metres(stops.reduce(0) { $0 + $1.leg.value }) }
    /// Depot departure to depot return, seconds.
    public var duration: Seconds { stops.last!.time - stops.first!.time }
}

/// One client's ride in a wave, as planned.
public struct ClientRide: Sendable, Equatable {
    /// Index into `Instance.clients`.
    public let client: Int
    public let day: Weekday
    public let wave: TripWave
    /// Home → location when true.
    public let inbound: Bool
    /// Location index (into `Instance.locations`).
    public let location: Int
    /// Ride time: start of alighting − end of boarding, seconds.
    public let ride: Seconds
    /// Direct drive time home ↔ location, seconds.
    public let direct: Seconds
    /// The ride limit of the scenario's policy (or the client's own), seconds.
    public let limit: Seconds
    /// Seconds past the latest allowed time (arrival before the programme start inbound,
    /// pickup within the departure window outbound); 0 when on time.
    public let late: Seconds
}

/// A ride that could not be planned, with the routing engine's reason.
public struct UnroutedRide: Sendable, Equatable {
    public let client: Int
    public let day: Weekday
    public let wave: TripWave
    /// `capacity`, `time-window-or-ride-time`, `fleet-exhausted` or `time-limit` (the run's budget was
    /// spent before the problem was started).
    public let reason: String
}

/// The routes of one wave of one weekday (all providers together in a per-provider scenario).
public struct WavePlan: Sendable {
    public let day: Weekday
    public let wave: TripWave
    public var routes: [VehicleRoute]
    public var rides: [ClientRide]
    public var unrouted: [UnroutedRide]
}

/// The routes of one weekday.
public struct DayPlan: Sendable {
    public let day: Weekday
    public var waves: [WavePlan]

    /// Vehicles on the road at the busiest wave.
    public var peakVehicles: Int { waves.map(\.routes.count).max() ?? 0 }
}
