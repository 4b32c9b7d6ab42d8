import Assignment
import DagrouteCore

/// Slow, independent twin of the assignment MIP: enumerates every open set and every placement.
/// Re-derives compatibility and costs from the raw problem data.
enum BruteForceOracle {
    static func compatible(_ p: AssignmentProblem, _ c: Int, _ l: Int) -> Bool {
        let client = p.clients[c], location = p.locations[l]
        guard location.status != .closed else { return false }
        guard location.targetGroups.contains(client.targetGroup), location.products.contains(client.product) else { return false }
        if client.wheelchair && !location.wheelchairAccessible { return false }
        if !p.options.allowProviderChange, let pr = client.provider, location.provider != pr { return false }
        if let limit = client.maxTravelTime, p.travelTime[c * p.locations.count + l].value > limit.value { return false }
        return true
    }

    /// Weekly cost in cents, recomputed from scratch.
    static func cost(_ p: AssignmentProblem, _ placement: [Int?], _ open: [Bool]) -> Double {
        var total = 0.0
        var groupDestinations = Set<String>()
        for (c, l) in placement.enumerated() {
            let client = p.clients[c]
            guard let l else { total += Double(p.weights.unplacedPenalty.value); continue }
            let days = Set(client.slots.map { $0 / 2 }).count
            total += Double(2 * days * p.travelTime[c * p.locations.count + l].value) / 3600 * Double(p.weights.travelCostPerHour.value)
            if let cur = client.currentLocation, cur != l { total += Double(p.weights.movePenalty.value) }
            if let g = client.group { groupDestinations.insert("\(g)@\(l)") }
        }
        total += Double(groupDestinations.count * p.weights.groupDestinationPenalty.value)
        for l in p.locations.indices where open[l] { total += Double(p.locations[l].fixedCostPerDay.value * p.weights.openDaysPerWeek) }
        return total
    }

    /// Whether a plan respects open locations, compatibility, capacities and open-count bounds.
    static func isFeasible(_ p: AssignmentProblem, _ placement: [Int?], _ open: [Bool]) -> Bool {
        for l in p.locations.indices {
            if p.locations[l].status == .closed && open[l] { return false }
            if p.locations[l].status == .open && !p.options.mayCloseOpenLocations && !open[l] { return false }
        }
        let count = open.filter { $0 }.count
        if let lo = p.options.minOpen, count < lo { return false }
        if let hi = p.options.maxOpen, count > hi { return false }
        var load = [[Int]](repeating: [Int](repeating: 0, count: 14), count: p.locations.count)
        for (c, l) in placement.enumerated() {
            guard let l else { continue }
            guard open[l], compatible(p, c, l) else { return false }
            for s in p.clients[c].slots { load[l][s] += 1 }
        }
        for l in p.locations.indices { for s in 0..<14 where load[l][s] > p.locations[l].capacity[s] { return false } }
        return true
    }

    /// The minimum weekly cost over all feasible plans, nil when none exists.
    static func optimum(_ p: AssignmentProblem) -> Double? {
        let m = p.locations.count, n = p.clients.count
        var best: Double?
        for mask in 0..<(1 << m) {
            let open = (0..<m).map { mask & (1 << $0) != 0 }
            var placement = [Int?](repeating: nil, count: n)
            func recurse(_ c: Int) {
                if c == n {
                    if isFeasible(p, placement, open) {
                        let v = cost(p, placement, open)
                        if best == nil || v < best! { best = v }
                    }
                    return
                }
                for l in [nil] + (0..<m).map({ Optional($0) }) {
                    if let l, !(open[l] && compatible(p, c, l)) { continue }
                    placement[c] = l
                    recurse(c + 1)
                }
                placement[c] = nil
            }
            recurse(0)
        }
        return best
    }
}
