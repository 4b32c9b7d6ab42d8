import DagrouteCore

/// Why a client could not be placed.
public enum UnplacedReason: String, Sendable, Equatable, Codable {
    /// No open or candidate location is compatible (target group, product, wheelchair, provider
    /// rule) within the client's ride limit.
    case noCompatibleLocationWithinRideLimit = "no_compatible_location_within_ride_limit"
    /// Compatible locations exist, but their places were needed for others (or they stay closed).
    case capacityExhausted = "capacity_exhausted"
}

/// The allowed (client, location) pairs with their weekly cost, computed before any model exists:
/// only these pairs get a variable.
struct CandidatePairs {
    struct Pair { var location: Int; var cost: Double }
    /// `byClient[c]`: allowed locations of client c, cheapest first.
    var byClient: [[Pair]]

    init(_ p: AssignmentProblem) {
        byClient = p.clients.indices.map { c in
            p.locations.indices.compactMap { l -> Pair? in
                guard CandidatePairs.allowed(p, c, l) else { return nil }
                return Pair(location: l, cost: CandidatePairs.cost(p, c, l))
            }.sorted { ($0.cost, $0.location) < ($1.cost, $1.location) }
        }
    }

    /// Whether client `c` may attend location `l` (status, compatibility, provider rule, ride limit).
    static func allowed(_ p: AssignmentProblem, _ c: Int, _ l: Int) -> Bool {
        let client = p.clients[c], location = p.locations[l]
        if location.status == .closed { return false }
        if !location.targetGroups.contains(client.targetGroup) || !location.products.contains(client.product) { return false }
        if client.wheelchair && !location.wheelchairAccessible { return false }
        if !p.options.allowProviderChange, let provider = client.provider, location.provider != provider { return false }
        if let limit = client.maxTravelTime, p.travel(c, l) > limit { return false }
        return client.slots.allSatisfy { location.capacity[$0] > 0 }
    }

    /// Weekly cost of client `c` at location `l`, in euro cents: travel plus the move penalty.
    static func cost(_ p: AssignmentProblem, _ c: Int, _ l: Int) -> Double {
        let client = p.clients[c]
        let hours = 2 * Double(client.daysPerWeek) * Double(p.travel(c, l).value) / 3600
        let move = client.currentLocation != nil && client.currentLocation != l ? Double(p.weights.movePenalty.value) : 0
        return hours * Double(p.weights.travelCostPerHour.value) + move
    }
}
