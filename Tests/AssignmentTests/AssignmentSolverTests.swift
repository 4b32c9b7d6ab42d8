import Assignment
import DagrouteCore
import GLPK
import XCTest

final class AssignmentSolverTests: XCTestCase {
    static let groups = ["pg", "vg"]

    /// A random tiny problem: ≤ 6 clients, ≤ 3 locations, random slots, capacities, travel times,
    /// current locations, groups, wheelchairs and ride limits.
    func randomProblem(_ rng: inout SeededGenerator, decisions: Bool) throws -> AssignmentProblem {
        let nLoc = Int.random(in: 2...3, using: &rng), nCli = Int.random(in: 3...6, using: &rng)
        let locations = (0..<nLoc).map { l in
            AssignmentProblem.Location(
                id: "L\(l)", provider: l % 2, capacity: (0..<14).map { _ in Int.random(in: 0..<10, using: &rng) == 0 ? 0 : Int.random(in: 1...3, using: &rng) },
                targetGroups: Int.random(in: 0...3, using: &rng) != 0 ? ["pg", "vg"] : [Self.groups[l % 2]], products: ["basis", "extra"],
                wheelchairAccessible: l != 1,
                status: decisions ? [.open, .candidate, .candidate][l] : (l == 2 && Bool.random(using: &rng) ? .closed : .open),
                fixedCostPerDay: EuroCents(Int.random(in: 0...4000, using: &rng)))
        }
        let clients = (0..<nCli).map { c in
            AssignmentProblem.Client(
                id: "C\(c)",
                slots: AttendanceSlot.slots(weekdays: Array(Set((0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0...4, using: &rng) })),
                                            part: DayPart.allCases.randomElement(using: &rng)!),
                targetGroup: Self.groups.randomElement(using: &rng)!, product: "basis", wheelchair: Int.random(in: 0...5, using: &rng) == 0,
                provider: Int.random(in: 0...1, using: &rng), currentLocation: Bool.random(using: &rng) ? Int.random(in: 0..<nLoc, using: &rng) : nil,
                maxTravelTime: Bool.random(using: &rng) ? Seconds(Int.random(in: 1200...3000, using: &rng)) : nil,
                group: Bool.random(using: &rng) ? Int.random(in: 0...1, using: &rng) : nil)
        }
        let travel = (0..<(nCli * nLoc)).map { _ in Seconds(Int.random(in: 300...2400, using: &rng)) }
        let options = AssignmentProblem.Options(
            allowProviderChange: Int.random(in: 0...3, using: &rng) != 0,
            mayCloseOpenLocations: decisions && Bool.random(using: &rng),
            minOpen: decisions && Bool.random(using: &rng) ? 1 : nil, maxOpen: decisions && Bool.random(using: &rng) ? 2 : nil)
        let weights = AssignmentProblem.Weights(travelCostPerHour: EuroCents(3000), movePenalty: EuroCents(Int.random(in: 0...3000, using: &rng)),
                                                unplacedPenalty: EuroCents(50_000), groupDestinationPenalty: EuroCents(Int.random(in: 0...2000, using: &rng)))
        return try AssignmentProblem(clients: clients, locations: locations, travelTime: travel, weights: weights, options: options)
    }

    func assertMatchesBruteForce(decisions: Bool, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for k in 0..<40 {
            let p = try randomProblem(&rng, decisions: decisions)
            let oracle = BruteForceOracle.optimum(p)
            for warm in [true, false] {
                let plan = try AssignmentSolver.solve(p, parameters: AssignmentParameters(warmStart: warm))
                guard let oracle else {
                    XCTAssertEqual(plan.status, .infeasible, "case \(k)")
                    continue
                }
                XCTAssertEqual(plan.status, .optimal, "case \(k)")
                XCTAssertEqual(plan.cost.total, oracle, accuracy: 1e-6, "case \(k) warm \(warm)")
                XCTAssertTrue(BruteForceOracle.isFeasible(p, plan.locationOfClient, plan.open), "case \(k)")
                XCTAssertEqual(BruteForceOracle.cost(p, plan.locationOfClient, plan.open), plan.cost.total, accuracy: 1e-6)
                XCTAssertEqual(plan.bestBound ?? .nan, oracle, accuracy: 1e-6)
                if let w = plan.warmStartCost { XCTAssertGreaterThanOrEqual(w, oracle - 1e-6) }
                XCTAssertEqual(plan.unplaced.map(\.client), p.clients.indices.filter { plan.locationOfClient[$0] == nil })
            }
        }
    }

    func testTinyCasesEqualBruteForceWithoutOpenCloseDecisions() throws {
        try assertMatchesBruteForce(decisions: false, seed: 11)
    }

    func testTinyCasesEqualBruteForceWithOpenCloseDecisions() throws {
        try assertMatchesBruteForce(decisions: true, seed: 12)
    }

    func location(_ id: String, capacity: Int, wheelchair: Bool = true) -> AssignmentProblem.Location {
        AssignmentProblem.Location(id: id, capacity: Array(repeating: capacity, count: 14), targetGroups: ["pg"], products: ["basis"],
                                   wheelchairAccessible: wheelchair)
    }

    func client(_ id: String, wheelchair: Bool = false, limit: Int? = nil) -> AssignmentProblem.Client {
        AssignmentProblem.Client(id: id, slots: AttendanceSlot.slots(weekdays: [0, 2], part: .day), targetGroup: "pg", product: "basis",
                                 wheelchair: wheelchair, maxTravelTime: limit.map(Seconds.init))
    }

    func testCapacityBelowDemandPutsTheDearestClientOnTheWaitingList() throws {
        let p = try AssignmentProblem(clients: [client("a"), client("b"), client("c")], locations: [location("L", capacity: 2)],
                                      travelTime: [Seconds(600), Seconds(1500), Seconds(900)])
        let plan = try AssignmentSolver.solve(p)
        XCTAssertEqual(plan.status, .optimal)
        XCTAssertEqual(plan.unplaced, [UnplacedClient(client: 1, reason: .capacityExhausted)])
        XCTAssertEqual(plan.locationOfClient, [0, nil, 0])
        XCTAssertEqual(plan.load(p, location: 0, slot: 0), 2)
    }

    func testClientWithoutCompatibleLocationIsOnTheWaitingListWithTheReason() throws {
        let p = try AssignmentProblem(
            clients: [client("walker"), client("wheelchair", wheelchair: true), client("far", limit: 900)],
            locations: [location("stairs", capacity: 5, wheelchair: false), location("far-away", capacity: 5)],
            travelTime: [Seconds(600), Seconds(1200), Seconds(600), Seconds(1200), Seconds(600), Seconds(1200)])
        let plan = try AssignmentSolver.solve(p)
        XCTAssertEqual(plan.status, .optimal)
        XCTAssertEqual(plan.locationOfClient, [0, 1, 0])
        // Now the accessible location is too far for the wheelchair user too.
        let q = try AssignmentProblem(
            clients: [client("walker"), client("wheelchair", wheelchair: true, limit: 900)],
            locations: [location("stairs", capacity: 5, wheelchair: false), location("far-away", capacity: 5)],
            travelTime: [Seconds(600), Seconds(1200), Seconds(600), Seconds(1200)])
        let plan2 = try AssignmentSolver.solve(q)
        XCTAssertEqual(plan2.unplaced, [UnplacedClient(client: 1, reason: .noCompatibleLocationWithinRideLimit)])
        XCTAssertEqual(plan2.cost.unplaced, Double(q.weights.unplacedPenalty.value))
    }

    func testProviderExitKeepsTheFormerGroupTogether() throws {
        // Four clients of a closing location (group 0); two destinations at similar distances.
        var locations = [location("closing", capacity: 10), location("A", capacity: 4), location("B", capacity: 4)]
        locations[0].status = .closed
        let clients = (0..<4).map { k in
            AssignmentProblem.Client(id: "c\(k)", slots: [0], targetGroup: "pg", product: "basis", currentLocation: 0, group: 0)
        }
        // Clients 0, 1 are slightly closer to A, clients 2, 3 slightly closer to B.
        let travel = [0, 600, 660, 0, 600, 660, 0, 660, 600, 0, 660, 600].map(Seconds.init)
        let p = try AssignmentProblem(clients: clients, locations: locations, travelTime: travel,
                                      weights: AssignmentProblem.Weights(groupDestinationPenalty: EuroCents(5000)))
        let plan = try AssignmentSolver.solve(p)
        XCTAssertEqual(Set(plan.locationOfClient.compactMap { $0 }).count, 1, "the whole group lands at one location")
        XCTAssertEqual(plan.moved, [0, 1, 2, 3])
        let loose = try AssignmentProblem(clients: clients, locations: locations, travelTime: travel,
                                          weights: AssignmentProblem.Weights(groupDestinationPenalty: .zero))
        XCTAssertEqual(try AssignmentSolver.solve(loose).locationOfClient, [1, 1, 2, 2])
    }

    func testInconsistentProblemIsAnInputErrorListingEveryProblem() {
        XCTAssertThrowsError(try AssignmentProblem(
            clients: [AssignmentProblem.Client(id: "x", slots: [], targetGroup: "pg", product: "basis", currentLocation: 5)],
            locations: [location("L", capacity: -1)], travelTime: [])) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ds.count, 4, "\(ds)")
        }
    }
}

final class AssignmentScenarioTests: XCTestCase {
    /// Provider 0 runs location 0 (three clients), provider 1 runs locations 1 and 2.
    func problem(allowProviderChange: Bool) throws -> AssignmentProblem {
        let locations = (0..<3).map { l in
            AssignmentProblem.Location(id: "L\(l)", provider: l == 0 ? 0 : 1, capacity: Array(repeating: 3, count: 14),
                                       targetGroups: ["pg"], products: ["basis"])
        }
        let clients = (0..<3).map { c in
            AssignmentProblem.Client(id: "c\(c)", slots: [0, 1], targetGroup: "pg", product: "basis", provider: 0, currentLocation: 0)
        }
        // Client 2 lives nearer location 2, the others nearer location 1.
        let travel = [300, 900, 1000, 300, 900, 1000, 300, 1000, 900].map(Seconds.init)
        return try AssignmentProblem(clients: clients, locations: locations, travelTime: travel,
                                     options: AssignmentProblem.Options(allowProviderChange: allowProviderChange))
    }

    func testProviderExitMovesTheWholeGroupEvenWithoutFreeProviderChoice() throws {
        let base = try problem(allowProviderChange: false)
        XCTAssertEqual(try AssignmentSolver.solve(base).locationOfClient, [0, 0, 0])
        let exit = try base.applying([.providerExit(provider: 0)])
        XCTAssertEqual(exit.locations[0].status, .closed)
        let plan = try AssignmentSolver.solve(exit)
        XCTAssertEqual(plan.unplaced, [])
        XCTAssertEqual(plan.moved, [0, 1, 2])
        XCTAssertEqual(plan.locationOfClient, [1, 1, 1], "the former group stays together")
    }

    func testClosingAndCapacityChangesAndUnknownLocations() throws {
        let base = try problem(allowProviderChange: true)
        let smaller = try base.applying([.setCapacity(location: 0, capacity: Array(repeating: 1, count: 14))])
        let plan = try AssignmentSolver.solve(smaller)
        XCTAssertEqual(plan.locationOfClient.filter { $0 == 0 }.count, 1)
        XCTAssertEqual(plan.moved.count, 2)
        let closed = try base.applying([.close(location: 0), .close(location: 1), .close(location: 2)])
        let none = try AssignmentSolver.solve(closed)
        XCTAssertEqual(none.unplaced.map(\.reason), Array(repeating: .noCompatibleLocationWithinRideLimit, count: 3))
        XCTAssertThrowsError(try base.applying([.close(location: 7)]))
    }
}
