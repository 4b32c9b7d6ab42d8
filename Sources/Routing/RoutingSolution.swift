/// One vehicle's route in a solution: the stops in visiting order and the planned schedule.
public struct PlannedRoute: Hashable, Sendable {
    /// Index into `RoutingProblem.vehicleTypes`.
    public var vehicleType: Int
    /// Stop indices in visiting order (depots excluded); never empty.
    public var stops: [Int]
    /// Planned start of service at every stop, seconds (same order as `stops`).
    public var serviceStart: [Int]
    /// Departure from the start depot and arrival at the end depot, seconds.
    public var departure: Int
    public var arrival: Int
    /// Length in metres.
    public var distance: Int
    public init(vehicleType: Int, stops: [Int], serviceStart: [Int], departure: Int, arrival: Int, distance: Int) {
        self.vehicleType = vehicleType; self.stops = stops; self.serviceStart = serviceStart
        self.departure = departure; self.arrival = arrival; self.distance = distance
    }
    /// Shift duration (arrival − departure) in seconds.
    public var duration: Int { arrival - departure }
}

/// Why a request was left out of the plan.
public enum UnassignedReason: String, Hashable, Sendable, Codable {
    /// Its load exceeds every vehicle type's capacity (e.g. a wheelchair and no wheelchair place).
    case capacity
    /// Its time windows (or the ride-time limit, or the shift) cannot be met even when driven alone.
    case timeWindowOrRideTime = "time-window-or-ride-time"
    /// It can be served alone, but no vehicle had room for it in the plan found.
    case fleetExhausted = "fleet-exhausted"
    /// The time limit (or Ctrl-C) ended the search before construction reached it.
    case timeLimit = "time-limit"
}

/// A request that is not in the plan, with the reason.
public struct UnassignedRequest: Hashable, Sendable {
    public var request: Int
    public var reason: UnassignedReason
}

/// The cost of a plan split by component, in euro cents.
public struct CostBreakdown: Hashable, Sendable {
    public var fixed: Double
    public var distance: Double
    public var time: Double
    public var total: Double { fixed + distance + time }
}

/// Counters of one solve.
public struct SolverStatistics: Hashable, Sendable {
    /// Ruin-and-recreate iterations over all threads.
    public var iterations: Int
    /// Wall-clock seconds.
    public var runtime: Double
    /// Threads used.
    public var threads: Int
    /// Iteration (in the winning thread) at which its best plan was found.
    public var bestIteration: Int
    /// Fresh searches started over all threads after a distance phase stagnated on long routes
    /// (`SolverParameters.restartAfter`).
    public var restarts: Int
}

/// What `RoutingSolver.solve` returns: routes, cost, requests left out with reasons, counters.
public struct RoutingResult: Sendable {
    public var routes: [PlannedRoute]
    public var cost: CostBreakdown
    public var unassigned: [UnassignedRequest]
    public var statistics: SolverStatistics
    /// Total length of all routes in metres.
    public var distance: Int { routes.reduce(0) { $0 + $1.distance } }
}
