import DagrouteCore

/// A change to an assignment problem that a regional planner asks about ("what if …").
public enum AssignmentScenarioChange: Sendable, Equatable {
    /// The location closes: it receives no clients; its clients must move.
    case close(location: Int)
    /// The location opens for certain (e.g. a candidate that is decided on).
    case open(location: Int)
    /// The location becomes a candidate the model may open, at its fixed cost.
    case makeCandidate(location: Int)
    /// New places per attendance slot (`AttendanceSlot.count` values).
    case setCapacity(location: Int, capacity: [Int])
    /// The provider stops: its locations close, its clients may go to any provider, and the
    /// clients of each of its locations form a group that should stay together.
    case providerExit(provider: Int)
}

extension AssignmentProblem {
    /// The problem after the changes, applied in order.
    /// - Throws: `DagrouteError.input` for an unknown location or a bad capacity list.
    public func applying(_ changes: [AssignmentScenarioChange]) throws -> AssignmentProblem {
        var locations = self.locations, clients = self.clients
        var badLocations: [Int] = []
        func check(_ l: Int) -> Bool {
            if locations.indices.contains(l) { return true }
            badLocations.append(l)
            return false
        }
        for change in changes {
            switch change {
            case .close(let l): if check(l) { locations[l].status = .closed }
            case .open(let l): if check(l) { locations[l].status = .open }
            case .makeCandidate(let l): if check(l) { locations[l].status = .candidate }
            case .setCapacity(let l, let capacity): if check(l) { locations[l].capacity = capacity }
            case .providerExit(let provider):
                // Group ids above every existing one, one per closing location.
                let firstGroup = (clients.compactMap(\.group).max() ?? -1) + 1
                for l in locations.indices where locations[l].provider == provider { locations[l].status = .closed }
                for c in clients.indices where clients[c].provider == provider {
                    clients[c].provider = nil
                    if let current = clients[c].currentLocation, locations[current].provider == provider {
                        clients[c].group = firstGroup + current
                    }
                }
            }
        }
        if !badLocations.isEmpty {
            throw DagrouteError.input(badLocations.map {
                Diagnostic(file: "<scenario>", field: "location", message: "expected a location index in 0..<\(locations.count), found \($0)")
            })
        }
        return try AssignmentProblem(clients: clients, locations: locations, travelTime: travelTime, weights: weights, options: options)
    }
}
