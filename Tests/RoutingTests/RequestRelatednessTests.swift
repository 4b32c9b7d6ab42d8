import DagrouteCore
@testable import Routing
import XCTest

/// The ruin's adjacency (`NeighbourLists.related`) against a brute force written from its
/// definition: on pickup–delivery problems, per stop the same-role stops of the most related other
/// requests (pick-up to pick-up plus delivery to delivery travel time, plus the window
/// differences); on single-stop problems, or when off, the distance lists unchanged.
final class RequestRelatednessTests: XCTestCase {
    /// Random rides with windows like a care wave's: a few sites with a fixed hour each, homes
    /// spread around them, inbound (home to site) or outbound (site to home) as drawn.
    static func rides(seed: UInt64, count n: Int) throws -> RoutingProblem {
        var rng = SeededGenerator(seed: seed)
        let sites = 3, locations = 1 + sites + n
        let matrices = TravelMatrices.randomEuclidean(count: locations, rng: &rng)
        var stops: [Stop] = [], requests: [Request] = []
        for k in 0..<n {
            let site = 1 + Int(rng.next() % UInt64(sites)), home = 1 + sites + k
            let hour = 3600 * (9 + site % 2) + 1800 * (site / 2)
            if rng.next() % 2 == 0 {
                stops.append(Stop(location: home, service: 60, earliest: hour - 2400 - Int(rng.next() % 600), latest: hour - 900))
                stops.append(Stop(location: site, service: 60, earliest: hour - 900, latest: hour))
            } else {
                stops.append(Stop(location: site, service: 60, earliest: hour + 20_000, latest: hour + 20_900))
                stops.append(Stop(location: home, service: 60, earliest: hour + 21_000, latest: hour + 22_500 + Int(rng.next() % 600)))
            }
            requests.append(Request(.pickupDelivery(pickup: stops.count - 2, delivery: stops.count - 1),
                                    load: Load(seats: 1), maxRideTime: 1800))
        }
        let fleet = [VehicleType(count: n, capacity: Load(seats: 8), startLocation: 0, endLocation: 0,
                                 shiftStart: 0, shiftEnd: 86_400, fixedCost: 100, costPerHour: 38, costPerKm: 0.3)]
        return try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet, matrices: matrices)
    }

    func testRelatedListsEqualBruteForceOnRides() throws {
        for seed: UInt64 in 1...4 {
            let p = try Self.rides(seed: seed, count: 30)
            for size in [5, 29] {
                let lists = NeighbourLists(p, size: size, relatedRequests: true)
                for q in p.requests.indices {
                    guard case let .pickupDelivery(pq, dq) = p.requests[q].kind else { return XCTFail() }
                    func key(_ u: Int) -> Int {
                        guard case let .pickupDelivery(pu, du) = p.requests[u].kind else { return .max }
                        return p.duration(p.stops[pq].location, p.stops[pu].location) + p.duration(p.stops[dq].location, p.stops[du].location)
                            + abs(p.stops[pq].earliest - p.stops[pu].earliest) + abs(p.stops[dq].latest - p.stops[du].latest)
                    }
                    let order = p.requests.indices.filter { $0 != q }.sorted { (key($0), $0) < (key($1), $1) }.prefix(size)
                    let pickups = order.map { u -> Int32 in if case let .pickupDelivery(pu, _) = p.requests[u].kind { return Int32(pu) }; return -1 }
                    let deliveries = order.map { u -> Int32 in if case let .pickupDelivery(_, du) = p.requests[u].kind { return Int32(du) }; return -1 }
                    XCTAssertEqual(lists.related[pq], pickups, "seed \(seed), size \(size), request \(q) pick-up")
                    XCTAssertEqual(lists.related[dq], deliveries, "seed \(seed), size \(size), request \(q) delivery")
                }
            }
        }
    }

    func testSingleStopProblemsKeepTheDistanceLists() throws {
        let p = try DetourInsertionTests.distanceCostProblem(seed: 3)
        let lists = NeighbourLists(p, size: 10, relatedRequests: true)
        XCTAssertEqual(lists.related, lists.lists)
    }

    func testOffKeepsTheDistanceListsOnRides() throws {
        let p = try Self.rides(seed: 2, count: 20)
        let lists = NeighbourLists(p, size: 10)
        XCTAssertEqual(lists.related, lists.lists)
    }

    /// The solver with this adjacency still serves every ride once within its windows and ride
    /// limits, at the cost it reports (`SolutionChecker`, independent of the solver).
    func testSolverPlansOnRidesAreValid() throws {
        let p = try Self.rides(seed: 7, count: 40)
        var params = SolverParameters.recommended(for: p)
        params.relatedRuin = true
        let result = RoutingSolver.solve(p, parameters: params, stop: .maxIterations(2000), seed: 1)
        let (issues, cost) = SolutionChecker.check(p, result)
        XCTAssertEqual(issues, [])
        XCTAssertTrue(result.unassigned.isEmpty)
        XCTAssertEqual(cost, result.cost.total, accuracy: 1e-6 * max(1, cost))
    }
}
