import DagrouteCore

/// A client-to-location assignment problem as an immutable value (DESIGN §4 "Assignment").
///
/// Travel times come in as a client × location matrix of direct (one-way) travel seconds, so this
/// module never sees travel-matrix or road-network types. Compatibility (target group, product,
/// wheelchair), the ride limit and the provider rule are applied before any model is built.
public struct AssignmentProblem: Sendable {
    public struct Client: Sendable, Equatable {
        public var id: String
        /// Occupied attendance slots (`AttendanceSlot`), at least one, each in `0..<AttendanceSlot.count`.
        public var slots: [Int]
        /// Target group, e.g. `pg`, `vg`, `ggz`, `lg`; must be served by the location.
        public var targetGroup: String
        /// Product, e.g. `basis` or `extra`; must be offered by the location.
        public var product: String
        /// A wheelchair user needs a wheelchair-accessible location.
        public var wheelchair: Bool
        /// Provider index (into the caller's provider list), nil when none.
        public var provider: Int?
        /// Index of the client's current location, nil for a new client.
        public var currentLocation: Int?
        /// Longest acceptable direct travel time to the location; nil for no limit.
        public var maxTravelTime: Seconds?
        /// Clients sharing a group id (e.g. the former group of a stopping provider's location)
        /// should land at as few locations as possible; nil for none.
        public var group: Int?

        public init(id: String, slots: [Int], targetGroup: String, product: String, wheelchair: Bool = false,
                    provider: Int? = nil, currentLocation: Int? = nil, maxTravelTime: Seconds? = nil, group: Int? = nil) {
            self.id = id; self.slots = slots; self.targetGroup = targetGroup; self.product = product
            self.wheelchair = wheelchair; self.provider = provider; self.currentLocation = currentLocation
            self.maxTravelTime = maxTravelTime; self.group = group
        }

        /// Days per week the client attends (one round trip each).
        public var daysPerWeek: Int { Set(slots.map { $0 / 2 }).count }
    }

    /// Whether a location takes part, and whether the model may decide that.
    public enum LocationStatus: Sendable, Equatable {
        /// Open; closed by the model only with `Options.mayCloseOpenLocations`.
        case open
        /// Closed: receives no clients.
        case closed
        /// A candidate the model may open (binary open variable with its fixed cost).
        case candidate
    }

    public struct Location: Sendable, Equatable {
        public var id: String
        public var provider: Int?
        /// Places per attendance slot (`AttendanceSlot.count` values, each ≥ 0).
        public var capacity: [Int]
        public var targetGroups: Set<String>
        public var products: Set<String>
        public var wheelchairAccessible: Bool
        public var status: LocationStatus
        /// Cost of keeping the location open for one day (counted `Weights.openDaysPerWeek` times a week).
        public var fixedCostPerDay: EuroCents

        public init(id: String, provider: Int? = nil, capacity: [Int], targetGroups: Set<String>, products: Set<String>,
                    wheelchairAccessible: Bool = true, status: LocationStatus = .open, fixedCostPerDay: EuroCents = .zero) {
            self.id = id; self.provider = provider; self.capacity = capacity; self.targetGroups = targetGroups
            self.products = products; self.wheelchairAccessible = wheelchairAccessible; self.status = status
            self.fixedCostPerDay = fixedCostPerDay
        }
    }

    /// Objective weights; the objective is in euro cents per week.
    public struct Weights: Sendable, Equatable {
        /// Cost of one hour of client travel; a client's weekly travel is 2 × direct time × days.
        public var travelCostPerHour: EuroCents
        /// Weekly penalty for a client placed elsewhere than its current location.
        public var movePenalty: EuroCents
        /// Weekly penalty for a client left unplaced (waiting list); should dominate the others.
        public var unplacedPenalty: EuroCents
        /// Weekly penalty per distinct destination of a client group (cohesion).
        public var groupDestinationPenalty: EuroCents
        /// Days per week an open location's fixed daily cost is paid.
        public var openDaysPerWeek: Int

        public init(travelCostPerHour: EuroCents = EuroCents(3000), movePenalty: EuroCents = EuroCents(2000),
                    unplacedPenalty: EuroCents = EuroCents(1_000_000), groupDestinationPenalty: EuroCents = EuroCents(5000),
                    openDaysPerWeek: Int = 5) {
            self.travelCostPerHour = travelCostPerHour; self.movePenalty = movePenalty; self.unplacedPenalty = unplacedPenalty
            self.groupDestinationPenalty = groupDestinationPenalty; self.openDaysPerWeek = openDaysPerWeek
        }
    }

    /// Scenario switches.
    public struct Options: Sendable, Equatable {
        /// Whether clients may be placed at another provider's location (freedom of choice).
        public var allowProviderChange: Bool
        /// Whether the model may close `.open` locations (saving their fixed cost).
        public var mayCloseOpenLocations: Bool
        /// Bounds on the number of open locations (nil: no bound).
        public var minOpen: Int?
        public var maxOpen: Int?

        public init(allowProviderChange: Bool = true, mayCloseOpenLocations: Bool = false, minOpen: Int? = nil, maxOpen: Int? = nil) {
            self.allowProviderChange = allowProviderChange; self.mayCloseOpenLocations = mayCloseOpenLocations
            self.minOpen = minOpen; self.maxOpen = maxOpen
        }
    }

    public let clients: [Client]
    public let locations: [Location]
    /// Direct one-way travel time, row-major client × location.
    public let travelTime: [Seconds]
    public let weights: Weights
    public let options: Options

    /// Validates and stores the problem.
    /// - Throws: `DagrouteError.input` listing every inconsistency (matrix size, slots out of
    ///   range, negative capacities, unknown location or current location, bad open bounds).
    public init(clients: [Client], locations: [Location], travelTime: [Seconds], weights: Weights = Weights(), options: Options = Options()) throws {
        var problems: [Diagnostic] = []
        func bad(_ field: String, _ message: String) {
            problems.append(Diagnostic(file: "<assignment problem>", field: field, message: message))
        }
        if travelTime.count != clients.count * locations.count {
            bad("travelTime", "expected \(clients.count) × \(locations.count) = \(clients.count * locations.count) travel times, found \(travelTime.count)")
        }
        if travelTime.contains(where: { $0.value < 0 }) { bad("travelTime", "expected travel times >= 0, found a negative one") }
        for c in clients {
            if c.slots.isEmpty { bad("clients[\(c.id)].slots", "expected at least one attendance slot, found none") }
            if c.slots.contains(where: { !(0..<AttendanceSlot.count).contains($0) }) || Set(c.slots).count != c.slots.count {
                bad("clients[\(c.id)].slots", "expected distinct slots in 0..<\(AttendanceSlot.count), found \(c.slots)")
            }
            if let l = c.currentLocation, !locations.indices.contains(l) {
                bad("clients[\(c.id)].currentLocation", "expected a location index in 0..<\(locations.count), found \(l)")
            }
        }
        for l in locations where l.capacity.count != AttendanceSlot.count || l.capacity.contains(where: { $0 < 0 }) {
            bad("locations[\(l.id)].capacity", "expected \(AttendanceSlot.count) capacities >= 0, found \(l.capacity)")
        }
        for l in locations where l.fixedCostPerDay.value < 0 {
            bad("locations[\(l.id)].fixedCostPerDay", "expected a fixed cost >= 0, found \(l.fixedCostPerDay)")
        }
        if let lo = options.minOpen, let hi = options.maxOpen, lo > hi { bad("options", "expected minOpen <= maxOpen, found \(lo) > \(hi)") }
        if (options.minOpen ?? 0) < 0 || (options.maxOpen ?? 0) < 0 { bad("options", "expected open-location bounds >= 0") }
        if weights.travelCostPerHour.value < 0 || weights.movePenalty.value < 0 || weights.unplacedPenalty.value < 0
            || weights.groupDestinationPenalty.value < 0 || !(0...7).contains(weights.openDaysPerWeek) {
            bad("weights", "expected non-negative weights and 0…7 open days per week")
        }
        guard problems.isEmpty else { throw DagrouteError.input(problems) }
        self.clients = clients; self.locations = locations; self.travelTime = travelTime
        self.weights = weights; self.options = options
    }

    /// Direct travel time from client `c` to location `l`.
    public func travel(_ c: Int, _ l: Int) -> Seconds { travelTime[c * locations.count + l] }
}
