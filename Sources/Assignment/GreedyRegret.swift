/// A feasible plan built greedily: clients with the most to lose (largest regret: second-best
/// minus best cost; one option counts as infinite) choose first, each taking the cheapest open
/// location with a free place in all its slots (a location already holding the client's group
/// saves the cohesion penalty). Candidate locations start open and empty ones are closed again
/// (most expensive first) as far as `minOpen` allows. Nil when the open-count bounds cannot hold.
struct GreedyRegret {
    var locationOfClient: [Int?]
    var open: [Bool]

    init?(_ p: AssignmentProblem, _ pairs: CandidatePairs, decidable: [Bool]) {
        let fixedOpen = p.locations.indices.filter { p.locations[$0].status == .open && !decidable[$0] }
        var open = p.locations.indices.map { p.locations[$0].status != .closed }
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

        var free = p.locations.map(\.capacity)
        let regret: [Double] = pairs.byClient.map { options in
            options.count >= 2 ? options[1].cost - options[0].cost : .infinity
        }
        let order = p.clients.indices.filter { !pairs.byClient[$0].isEmpty }.sorted { (-regret[$0], $0) < (-regret[$1], $1) }
        var locationOfClient = [Int?](repeating: nil, count: p.clients.count)
        var groupAt = Set<[Int]>()
        let groupPenalty = Double(p.weights.groupDestinationPenalty.value)
        for c in order {
            let client = p.clients[c]
            var best: (cost: Double, location: Int)?
            for option in pairs.byClient[c] where open[option.location] && client.slots.allSatisfy({ free[option.location][$0] > 0 }) {
                var cost = option.cost
                if let g = client.group, !groupAt.contains([g, option.location]) { cost += groupPenalty }
                if best == nil || (cost, option.location) < (best!.cost, best!.location) { best = (cost, option.location) }
            }
            guard let l = best?.location else { continue }
            locationOfClient[c] = l
            for s in client.slots { free[l][s] -= 1 }
            if let g = client.group { groupAt.insert([g, l]) }
        }
        // Close empty decidable locations, dearest first, down to the minimum.
        var used = [Bool](repeating: false, count: p.locations.count)
        for l in locationOfClient.compactMap({ $0 }) { used[l] = true }
        let emptyDecidable = p.locations.indices.filter { decidable[$0] && open[$0] && !used[$0] }
            .sorted { (-p.locations[$0].fixedCostPerDay.value, $0) < (-p.locations[$1].fixedCostPerDay.value, $1) }
        for l in emptyDecidable where openCount > (p.options.minOpen ?? 0) { open[l] = false; openCount -= 1 }
        self.locationOfClient = locationOfClient
        self.open = open
    }
}
