import Assignment
import DagrouteCore
import Instance

/// A client without a place in a scenario (waiting list) and why.
public struct WaitingClient: Sendable, Equatable {
    /// Index into `Instance.clients`.
    public let client: Int
    public let reason: UnplacedReason
}

/// Where every client attends in one scenario: a plain value for reports and route building.
public struct CareAssignment: Sendable {
    /// The scenario's name.
    public let scenario: String
    /// Location index (into `Instance.locations`) of every client, nil when on the waiting list.
    public let locationOfClient: [Int?]
    /// Whether each location runs in the scenario.
    public let open: [Bool]
    /// Places per location and attendance slot (`AttendanceSlot`, weekday × 2 + afternoon) in the scenario.
    public let capacity: [[Int]]
    /// Clients placed at another location than their current one, in client order.
    public let moved: [Int]
    /// Clients on the waiting list, in client order.
    public let waiting: [WaitingClient]
    /// How the placement was decided: `kept` (nobody needed the model), or the MIP status.
    public let status: String
    /// Relative MIP gap of the model's plan, nil when no model ran or no bound is known.
    public let gap: Double?
    /// Clients placed by the model (the rest kept their current location).
    public let decidedByModel: Int

    /// Clients at location `l` occupying attendance slot `slot`.
    public func load(_ instance: Instance, location l: Int, slot: Int) -> Int {
        instance.clients.indices.filter { c in
            locationOfClient[c] == l && CareAssignmentBuilder.slots(of: instance.clients[c]).contains(slot)
        }.count
    }

    /// Attendance-weighted direct travel per week, seconds: Σ over placed clients of
    /// 2 × direct one-way time × attendance days.
    public func weeklyDirectTravel(_ instance: Instance, _ table: TravelTable) -> Seconds {
        var total = 0
        for (c, l) in locationOfClient.enumerated() {
            guard let l else { continue }
            total += 2 * instance.clients[c].days.count * table.time(table.client(c), table.location(l))
        }
        return Seconds(total)
    }
}
