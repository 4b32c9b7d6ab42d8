import DagrouteCore

/// Everything a report shows, as plain values: other modules fill it (`dagroute analyze` from the
/// current situation, `compare` from its scenario results) and `HTMLReport` / `GeoJSONWriter`
/// draw it. Holds client ids and home positions, so pseudonymise it with `anonymised(salt:)`
/// before writing it where it may travel.
public struct ReportModel: Sendable {
    /// A client on the map: pseudonymous id, home, and the location they attend (nil: none).
    public struct Client: Sendable, Equatable {
        public var id: String
        public var position: GeoPoint
        public var location: String?
        public init(id: String, position: GeoPoint, location: String?) {
            self.id = id; self.position = position; self.location = location
        }
    }

    /// A day-care location on the map; `capacity` is places per half-day slot (sizes the marker).
    public struct Location: Sendable, Equatable {
        public var id: String
        public var name: String
        public var position: GeoPoint
        public var capacity: Int
        public init(id: String, name: String, position: GeoPoint, capacity: Int) {
            self.id = id; self.name = name; self.position = position; self.capacity = capacity
        }
    }

    /// The key figures of one scenario. Money in euro cents, durations in seconds, distances in
    /// metres; per-week figures cover the five working days.
    public struct ScenarioKPIs: Sendable, Equatable {
        public var name: String
        public var costPerDay: EuroCents
        public var costPerYear: EuroCents
        /// Vehicle (shift) time summed over all vehicles and the working days of a week.
        public var vehicleTimePerWeek: Seconds
        public var distancePerWeek: Metres
        /// Most vehicles in use at the same time on any day.
        public var peakVehicles: Int
        public var meanRide: Seconds
        public var maxRide: Seconds
        /// Clients whose location changed against the current situation.
        public var clientsMoved: Int
        /// Clients left without a place or a ride.
        public var clientsUnplaced: Int
        public init(name: String, costPerDay: EuroCents, costPerYear: EuroCents, vehicleTimePerWeek: Seconds,
                    distancePerWeek: Metres, peakVehicles: Int, meanRide: Seconds, maxRide: Seconds,
                    clientsMoved: Int = 0, clientsUnplaced: Int = 0) {
            self.name = name; self.costPerDay = costPerDay; self.costPerYear = costPerYear
            self.vehicleTimePerWeek = vehicleTimePerWeek; self.distancePerWeek = distancePerWeek
            self.peakVehicles = peakVehicles; self.meanRide = meanRide; self.maxRide = maxRide
            self.clientsMoved = clientsMoved; self.clientsUnplaced = clientsUnplaced
        }
    }

    /// A stop of a route: a client's home (pick-up or drop-off) or a location, with the time the
    /// vehicle is there (seconds since midnight).
    public struct Stop: Sendable, Equatable {
        public enum Kind: String, Sendable { case pickup, dropoff, location, depot }
        public var kind: Kind
        /// The client id (pickup/dropoff) or location id (location); nil for a depot.
        public var id: String?
        public var position: GeoPoint
        public var time: Seconds
        public init(kind: Kind, id: String?, position: GeoPoint, time: Seconds) {
            self.kind = kind; self.id = id; self.position = position; self.time = time
        }
    }

    /// One vehicle's route in one scenario, on one day, in one wave (`morning`/`afternoon`): the
    /// polyline is drawn through the stops in order.
    public struct Route: Sendable, Equatable {
        public var scenario: String
        public var day: String
        public var wave: String
        public var vehicle: String
        public var stops: [Stop]
        public init(scenario: String, day: String, wave: String, vehicle: String, stops: [Stop]) {
            self.scenario = scenario; self.day = day; self.wave = wave; self.vehicle = vehicle; self.stops = stops
        }
        /// The key that groups routes for the map's selector: `scenario · day · wave`.
        public var group: String { "\(scenario) · \(day) · \(wave)" }
    }

    /// Ride times (seconds, one per client ride) of one series, for the histogram.
    public struct RideTimes: Sendable, Equatable {
        public var name: String
        public var samples: [Seconds]
        public init(name: String, samples: [Seconds]) { self.name = name; self.samples = samples }
    }

    public var title: String
    /// A line under the title (instance, date of the data, matrix used), or empty.
    public var subtitle: String
    public var clients: [Client]
    public var locations: [Location]
    /// Scenario rows; the first is the baseline of the savings table (normally `status-quo`).
    public var scenarios: [ScenarioKPIs]
    public var routes: [Route]
    /// Histogram series; `rideTimeTitle` names what they measure.
    public var rideTimes: [RideTimes]
    public var rideTimeTitle: String
    /// Further tables shown after the charts, in order.
    public var tables: [ReportTable]
    /// True once `anonymised(salt:)` produced this model; the report says so.
    public private(set) var isAnonymised = false

    public init(title: String, subtitle: String = "", clients: [Client] = [], locations: [Location] = [],
                scenarios: [ScenarioKPIs] = [], routes: [Route] = [], rideTimes: [RideTimes] = [],
                rideTimeTitle: String = "Ride time per client ride", tables: [ReportTable] = []) {
        self.title = title; self.subtitle = subtitle; self.clients = clients; self.locations = locations
        self.scenarios = scenarios; self.routes = routes; self.rideTimes = rideTimes
        self.rideTimeTitle = rideTimeTitle; self.tables = tables
    }

    /// The same model with every client id replaced by `ClientPseudonym.hash(id, salt:)` and every
    /// client home (client markers and route pick-up/drop-off stops) snapped to the 100 m grid of
    /// `GridSnap`. Locations, depots, KPIs and ride-time samples are unchanged; tables are passed
    /// through as they are (they must hold aggregates only, never client ids).
    public func anonymised(salt: ClientPseudonym.Salt) -> ReportModel {
        var copy = self
        let pseudonym = { (id: String) in ClientPseudonym.hash(id, salt: salt) }
        copy.clients = clients.map { Client(id: pseudonym($0.id), position: GridSnap.snap($0.position), location: $0.location) }
        copy.routes = routes.map { route in
            var r = route
            r.stops = route.stops.map { stop in
                switch stop.kind {
                case .pickup, .dropoff:
                    return Stop(kind: stop.kind, id: stop.id.map(pseudonym), position: GridSnap.snap(stop.position), time: stop.time)
                case .location, .depot:
                    return stop
                }
            }
            return r
        }
        copy.isAnonymised = true
        return copy
    }
}
