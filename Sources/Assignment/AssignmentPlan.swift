import GLPK

/// The weekly cost of a plan, in euro cents, by component.
public struct AssignmentCost: Sendable, Equatable {
    /// Client travel: 2 × direct travel time × days per week × cost per hour.
    public var travel: Double = 0
    /// Move penalties of clients placed away from their current location.
    public var moves: Double = 0
    /// Fixed daily costs of open locations × open days per week.
    public var fixed: Double = 0
    /// Penalties of unplaced clients.
    public var unplaced: Double = 0
    /// Group cohesion: penalty per distinct destination of each client group.
    public var cohesion: Double = 0

    public var total: Double { travel + moves + fixed + unplaced + cohesion }
}

/// A client left unplaced (on the waiting list) and why.
public struct UnplacedClient: Sendable, Equatable {
    /// Index into `AssignmentProblem.clients`.
    public var client: Int
    public var reason: UnplacedReason

    public init(client: Int, reason: UnplacedReason) { self.client = client; self.reason = reason }
}

/// The solution of an assignment problem: where each client goes, which locations are open, the
/// waiting list with reasons, the cost breakdown and the solver's statistics.
public struct AssignmentPlan: Sendable {
    /// GLPK's verdict. Without a solution (`infeasible` open-count bounds, or nothing found in
    /// time) the fields below describe an empty plan.
    public var status: SolveStatus
    /// Location index of each client, nil when unplaced.
    public var locationOfClient: [Int?]
    /// Whether each location is open in the plan.
    public var open: [Bool]
    /// Every unplaced client with the reason, in client order.
    public var unplaced: [UnplacedClient]
    /// Clients placed at a location other than their current one, in client order.
    public var moved: [Int]
    /// Weekly cost of the plan (the MIP objective), in euro cents.
    public var cost: AssignmentCost
    /// Best proven lower bound on the weekly cost, in euro cents (nil when unknown).
    public var bestBound: Double?
    /// Weekly cost of the best heuristic plan (greedy/regret, or LP rounding when cheaper), nil
    /// when none was built.
    public var warmStartCost: Double?
    /// Wall-clock seconds of the whole solve, and until the first feasible plan was known (the
    /// greedy plan, or GLPK's first incumbent when earlier).
    public var seconds: Double
    public var secondsToFirstFeasible: Double?

    /// Relative gap |cost − bound| / |cost|, nil without a bound.
    public var gap: Double? {
        guard status.hasSolution, let bestBound else { return nil }
        return abs(cost.total - bestBound) / (abs(cost.total) + Double.ulpOfOne)
    }

    /// Clients placed at `location` occupying `slot`.
    public func load(_ problem: AssignmentProblem, location: Int, slot: Int) -> Int {
        problem.clients.indices.filter { locationOfClient[$0] == location && problem.clients[$0].slots.contains(slot) }.count
    }
}

extension AssignmentProblem {
    /// The weekly cost of placing clients as given with `open` locations (no feasibility check).
    public func cost(locationOfClient: [Int?], open: [Bool]) -> AssignmentCost {
        var cost = AssignmentCost()
        for (c, l) in locationOfClient.enumerated() {
            guard let l else { cost.unplaced += Double(weights.unplacedPenalty.value); continue }
            let client = clients[c]
            cost.travel += 2 * Double(client.daysPerWeek) * Double(travel(c, l).value) / 3600 * Double(weights.travelCostPerHour.value)
            if let current = client.currentLocation, current != l { cost.moves += Double(weights.movePenalty.value) }
        }
        for (l, isOpen) in open.enumerated() where isOpen {
            cost.fixed += Double(locations[l].fixedCostPerDay.value) * Double(weights.openDaysPerWeek)
        }
        var destinations = Set<[Int]>()
        for (c, l) in locationOfClient.enumerated() {
            if let l, let g = clients[c].group { destinations.insert([g, l]) }
        }
        cost.cohesion = Double(destinations.count) * Double(weights.groupDestinationPenalty.value)
        return cost
    }
}
