import Assignment
import DagrouteCore
import Instance

/// Turns an instance and a scenario into an assignment problem and solves it (DESIGN §4).
///
/// - Location status in the scenario: `open` stays open, `closed` stays closed, a `candidate`
///   opens only when the scenario lists it in `open_locations`; `close_locations` and the
///   locations of `exit_providers` close. Capacity per weekday × half-day slot from
///   `locations.csv`, then the scenario's `capacity_changes`; a `day` client occupies both halves.
/// - Without `reassign`, clients keep their current location; only those whose location closes,
///   whose provider exits, or who have none are placed by the model, in the places left over.
/// - Compatibility (target group, product, wheelchair access) and the ride limit are applied before
///   the model: a pair is allowed when the direct crow-fly time is within the client's own
///   `max_ride_min` or the policy's absolute cap (the policy's `factor × direct + extra` part can
///   always be met by a direct ride). Without `clients_may_change_provider` a client stays with
///   its provider, except clients of an exiting provider.
/// - Weights (euro cents per week): client travel at the fleet's mean cost per hour; moving a
///   client costs `costs.moved_client_eur` spread over a year (× 5 / working days per year); an
///   unplaced client `costs.unplaced_client_day_eur` × 5; with `keep_groups_together`, each extra
///   destination of a former location's group costs `costs.moved_client_eur` (whole, per week).
public enum CareAssignmentBuilder {
    /// Attendance slots of a client (`AttendanceSlot` numbering).
    public static func slots(of client: Client) -> [Int] {
        client.days.flatMap { day -> [Int] in
            let d = Weekday.allCases.firstIndex(of: day)!
            return client.dayPart.slots.map { AttendanceSlot.index(weekday: d, afternoon: $0 == .afternoon) }
        }.sorted()
    }

    /// Whether each location runs in `spec`.
    public static func openLocations(_ instance: Instance, _ spec: ScenarioSpec) -> [Bool] {
        instance.locations.map { l in
            if spec.closeLocations.contains(l.id) || spec.exitProviders.contains(l.provider) { return false }
            if spec.openLocations.contains(l.id) { return true }
            return l.status == .open
        }
    }

    /// Places per location × slot in `spec`.
    public static func capacities(_ instance: Instance, _ spec: ScenarioSpec) -> [[Int]] {
        instance.locations.map { l in
            (0..<AttendanceSlot.count).map { slot in
                let day = Weekday.allCases[slot / 2]
                var cap = l.capacity(on: day)
                for change in spec.capacityChanges where change.location == l.id && (change.day == nil || change.day == day) {
                    cap = change.capacity
                }
                return cap
            }
        }
    }

    /// The longest direct travel allowed between a client and a location under `policy`, or nil.
    public static func rideCap(_ client: Client, _ policy: RideTimePolicy) -> Seconds? {
        client.maxRide ?? policy.cap
    }

    /// Places the clients of `instance` under `spec`.
    /// - Parameters:
    ///   - timeLimit: seconds for GLPK, nil for none; `gap`: relative MIP gap to stop at.
    /// - Throws: `DagrouteError` when the model cannot be built or GLPK fails.
    public static func solve(_ instance: Instance, _ spec: ScenarioSpec, table: TravelTable,
                             timeLimit: Double? = nil, gap: Double = 0) throws -> CareAssignment {
        let open = openLocations(instance, spec)
        let capacity = capacities(instance, spec)
        let index = Dictionary(uniqueKeysWithValues: instance.locations.enumerated().map { ($1.id, $0) })
        let exiting = Set(spec.exitProviders)
        let policy = spec.rideTime ?? instance.settings.rideTime

        var location: [Int?] = instance.clients.map { $0.currentLocation.flatMap { index[$0] } }
        var free: [Int] = []
        for (c, client) in instance.clients.enumerated() {
            let mustMove = location[c].map { !open[$0] } ?? true
            if spec.reassign || mustMove || exiting.contains(client.provider) { free.append(c) }
        }
        // Places left by the clients who keep their location.
        var residual = capacity
        let freeSet = Set(free)
        for (c, client) in instance.clients.enumerated() where !freeSet.contains(c) {
            if let l = location[c] { for s in slots(of: client) { residual[l][s] = max(0, residual[l][s] - 1) } }
        }

        var status = "kept", gapValue: Double? = nil
        var waiting: [WaitingClient] = []
        if !free.isEmpty {
            let providers = instance.providers
            let providerIndex = Dictionary(uniqueKeysWithValues: providers.enumerated().map { ($1, $0) })
            let clients = free.map { c -> AssignmentProblem.Client in
                let client = instance.clients[c]
                let leaving = exiting.contains(client.provider)
                let current = client.currentLocation.flatMap { index[$0] }
                let group = leaving && spec.keepGroupsTogether ? current : nil
                return AssignmentProblem.Client(
                    id: client.id, slots: slots(of: client), targetGroup: client.targetGroup.rawValue,
                    product: client.product.rawValue, wheelchair: client.wheelchair,
                    provider: leaving ? nil : providerIndex[client.provider], currentLocation: current,
                    maxTravelTime: rideCap(client, policy), group: group)
            }
            let locations = instance.locations.enumerated().map { l, loc in
                AssignmentProblem.Location(id: loc.id, provider: providerIndex[loc.provider], capacity: residual[l],
                                           targetGroups: Set(loc.targetGroups.map(\.rawValue)), products: Set(loc.products.map(\.rawValue)),
                                           wheelchairAccessible: loc.wheelchairAccessible, status: open[l] ? .open : .closed,
                                           fixedCostPerDay: loc.fixedCostPerDay)
            }
            var travel: [Seconds] = []
            travel.reserveCapacity(free.count * instance.locations.count)
            for c in free { for l in instance.locations.indices { travel.append(Seconds(table.time(table.client(c), table.location(l)))) } }
            let settings = instance.settings
            let perHour = instance.fleet.isEmpty ? 3000 : instance.fleet.map(\.costPerHour.value).reduce(0, +) / instance.fleet.count
            let weights = AssignmentProblem.Weights(
                travelCostPerHour: EuroCents(perHour),
                movePenalty: EuroCents(settings.costs.movedClient.value * 5 / max(1, settings.workingDaysPerYear)),
                unplacedPenalty: EuroCents(settings.costs.unplacedClientDay.value * 5),
                groupDestinationPenalty: spec.keepGroupsTogether ? settings.costs.movedClient : .zero)
            let problem = try AssignmentProblem(clients: clients, locations: locations, travelTime: travel, weights: weights,
                                                options: .init(allowProviderChange: spec.clientsMayChangeProvider))
            let plan = try AssignmentSolver.solve(problem, parameters: AssignmentParameters(timeLimit: timeLimit, relativeGap: gap))
            guard plan.status.hasSolution else {
                throw DagrouteError.noFeasiblePlan("the assignment model of scenario \(spec.name) found no plan (\(plan.status))")
            }
            status = plan.status.name; gapValue = plan.gap
            for (k, c) in free.enumerated() { location[c] = plan.locationOfClient[k] }
            waiting = plan.unplaced.map { WaitingClient(client: free[$0.client], reason: $0.reason) }
        }
        let moved = instance.clients.indices.filter { c in
            guard let l = location[c], let current = instance.clients[c].currentLocation else { return false }
            return instance.locations[l].id != current
        }
        return CareAssignment(scenario: spec.name, locationOfClient: location, open: open, capacity: capacity,
                              moved: moved, waiting: waiting, status: status, gap: gapValue, decidedByModel: free.count)
    }
}
