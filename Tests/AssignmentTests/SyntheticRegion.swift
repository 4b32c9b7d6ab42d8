import Assignment
import DagrouteCore
import Foundation

/// A synthetic assignment instance for scale measurements: clients and locations spread uniformly
/// over a 30 km × 30 km square, 1–3 weekdays (Monday–Friday) in a random day part, four target
/// groups (each location serves two), one in eight clients in a wheelchair (one in three
/// locations has stairs), a 45-minute ride limit, travel time = 1.3 × straight line at 40 km/h
/// + 2 minutes, and places per slot about `slack` × the demand a location would get.
enum SyntheticRegion {
    static func problem(clients n: Int, locations m: Int, seed: UInt64, slack: Double = 1.15,
                        candidates: Bool = false) throws -> AssignmentProblem {
        var rng = SeededGenerator(seed: seed)
        let groups = ["pg", "vg", "ggz", "lg"]
        let lx = (0..<m).map { _ in Double.random(in: 0...30_000, using: &rng) }
        let ly = (0..<m).map { _ in Double.random(in: 0...30_000, using: &rng) }
        var clients: [AssignmentProblem.Client] = [], cx: [Double] = [], cy: [Double] = []
        var occupiedSlots = 0
        for c in 0..<n {
            cx.append(Double.random(in: 0...30_000, using: &rng)); cy.append(Double.random(in: 0...30_000, using: &rng))
            let days = Array((0..<5).shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
            let slots = AttendanceSlot.slots(weekdays: days, part: DayPart.allCases.randomElement(using: &rng)!)
            occupiedSlots += slots.count
            clients.append(AssignmentProblem.Client(
                id: "c\(c)", slots: slots, targetGroup: groups.randomElement(using: &rng)!, product: "basis",
                wheelchair: Int.random(in: 0..<8, using: &rng) == 0, currentLocation: Int.random(in: 0..<m, using: &rng),
                maxTravelTime: Seconds(45 * 60)))
        }
        // Each location serves two of four groups, so about half the demand could reach it.
        let perSlot = Double(occupiedSlots) / 10 / Double(m) * 2 * slack
        let locations = (0..<m).map { l in
            AssignmentProblem.Location(
                id: "L\(l)", capacity: (0..<AttendanceSlot.count).map { $0 < 10 ? Int(perSlot * Double.random(in: 0.7...1.3, using: &rng)) : 0 },
                targetGroups: Set(groups.shuffled(using: &rng).prefix(2)), products: ["basis", "extra"],
                wheelchairAccessible: l % 3 != 0, status: candidates && l % 3 == 1 ? .candidate : .open,
                fixedCostPerDay: EuroCents(Int.random(in: 20_000...60_000, using: &rng)))
        }
        var travel: [Seconds] = []
        travel.reserveCapacity(n * m)
        for c in 0..<n {
            for l in 0..<m {
                let metres = ((cx[c] - lx[l]) * (cx[c] - lx[l]) + (cy[c] - ly[l]) * (cy[c] - ly[l])).squareRoot() * 1.3
                travel.append(Seconds(Int(metres / (40_000.0 / 3600)) + 120))
            }
        }
        return try AssignmentProblem(clients: clients, locations: locations, travelTime: travel)
    }
}
