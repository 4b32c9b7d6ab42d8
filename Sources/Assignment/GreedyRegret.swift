/// A feasible plan built greedily: clients with the most to lose (largest regret: second-best
/// minus best cost; one option counts as infinite) choose first, each taking the cheapest open
/// location with a free place in all its slots (a location already holding the client's group
/// saves the cohesion penalty). Decidable locations start open; then, dearest first, each is
/// closed when moving its clients elsewhere lowers the total cost (a drop heuristic), as far as
/// `minOpen` allows. Nil when the open-count bounds cannot hold.
struct GreedyRegret {
    private(set) var locationOfClient: [Int?]
    private(set) var open: [Bool]
    private var free: [[Int]]
    private var groupCount: [[Int]: Int] = [:]
    private let problem: AssignmentProblem
    private let pairs: CandidatePairs

    init?(_ p: AssignmentProblem, _ pairs: CandidatePairs, decidable: [Bool]) {
        problem = p
        self.pairs = pairs
        locationOfClient = Array(repeating: nil, count: p.clients.count)
        free = p.locations.map(\.capacity)
        open = p.locations.map { $0.status != .closed }
        let fixedOpen = p.locations.indices.filter { p.locations[$0].status == .open && !decidable[$0] }
        var openCount = open.filter { $0 }.count
        if let maxOpen = p.options.maxOpen {
            guard fixedOpen.count <= maxOpen else { return nil }
            // Close decidable locations beyond the maximum: candidates before open ones, dearest first.
            let closable = p.locations.indices.filter { decidable[$0] && open[$0] }.sorted {
                let a = p.locations[$0], b = p.locations[$1]
                return (a.status == .candidate ? 0 : 1, -a.fixedCostPerDay.value, $0) < (b.status == .candidate ? 0 : 1, -b.fixedCostPerDay.value, $1)
            }
            for l in closable where openCount > maxOpen { open[l] = false; openCount -= 1 }
        }
        if let minOpen = p.options.minOpen, openCount < minOpen { return nil }

        let regret: [Double] = pairs.byClient.map { options in
            options.count >= 2 ? options[1].cost - options[0].cost : .infinity
        }
        let order = p.clients.indices.filter { !pairs.byClient[$0].isEmpty }.sorted { (-regret[$0], $0) < (-regret[$1], $1) }
        for c in order { placeCheapest(c) }

        // Drop heuristic over the decidable open locations, dearest first.
        let minOpen = p.options.minOpen ?? 0
        var cost = p.cost(locationOfClient: locationOfClient, open: open).total
        let droppable = p.locations.indices.filter { decidable[$0] && open[$0] }
            .sorted { (-p.locations[$0].fixedCostPerDay.value, $0) < (-p.locations[$1].fixedCostPerDay.value, $1) }
        for l in droppable where openCount > minOpen {
            let saved = (locationOfClient, open, free, groupCount)
            open[l] = false
            let members = order.filter { locationOfClient[$0] == l }
            for c in members { remove(c) }
            for c in members { placeCheapest(c) }
            let trial = p.cost(locationOfClient: locationOfClient, open: open).total
            if trial < cost { cost = trial; openCount -= 1 } else { (locationOfClient, open, free, groupCount) = saved }
        }
    }

    /// Places client c at its cheapest open location with room, or leaves it unplaced.
    private mutating func placeCheapest(_ c: Int) {
        let client = problem.clients[c]
        let groupPenalty = Double(problem.weights.groupDestinationPenalty.value)
        var best: (cost: Double, location: Int)?
        for option in pairs.byClient[c] where open[option.location] && client.slots.allSatisfy({ free[option.location][$0] > 0 }) {
            var cost = option.cost
            if let g = client.group, groupCount[[g, option.location], default: 0] == 0 { cost += groupPenalty }
            if best == nil || (cost, option.location) < (best!.cost, best!.location) { best = (cost, option.location) }
        }
        guard let l = best?.location else { return }
        locationOfClient[c] = l
        for s in client.slots { free[l][s] -= 1 }
        if let g = client.group { groupCount[[g, l], default: 0] += 1 }
    }

    /// Takes client c out of its location.
    private mutating func remove(_ c: Int) {
        guard let l = locationOfClient[c] else { return }
        let client = problem.clients[c]
        locationOfClient[c] = nil
        for s in client.slots { free[l][s] += 1 }
        if let g = client.group { groupCount[[g, l], default: 0] -= 1 }
    }
}
