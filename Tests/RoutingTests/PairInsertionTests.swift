import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// The pair scan (`forEachPairInsertion`: delivery legs looked up once per position, drives into
/// the pickup and delivery from the transposed matrix, late pickups skipped before any lookup)
/// against the plain scan it replaced, one `concat(_:_:in:)` per step: the same positions in the
/// same order with the same cost change to the bit, and the same blinks drawn, on random states
/// of Cordeau dial-a-ride instances (ride limits) and of the same problems without ride limits.
final class PairInsertionTests: XCTestCase {
    /// The scan as it was before the fast path: every summary concatenated from the matrices.
    static func plainScan(_ state: SearchState, _ q: Int, route r: Int, blink: Double,
                          rng: inout SeededGenerator, _ body: (Double, Int, Int) -> Void) {
        let problem = state.problem
        guard case let .pickupDelivery(p, d) = problem.requests[q].kind else { return XCTFail("not a pair") }
        let rule = state.rules[state.slotType[r]]
        let pre = state.prefix[r], suf = state.suffix[r], stops = state.routes[r]
        let m = stops.count, old = state.routeCost[r]
        let pick = state.stopSegment[p], drop = state.stopSegment[d]
        let rideLimit = problem.requests[q].maxRideTime ?? Int.max
        let pickService = problem.stops[p].service, dropService = problem.stops[d].service
        for i in 0...m {
            var seg = RouteSegment.concat(pre[i], pick, in: problem)
            if !rule.isFeasible(seg) { continue }
            var onBoard = pick
            var j = i
            while j <= m {
                if j > i {
                    let next = state.stopSegment[Int(stops[j - 1])]
                    seg = .concat(seg, next, in: problem)
                    if !rule.isFeasible(seg) { break }
                    onBoard = .concat(onBoard, next, in: problem)
                    if onBoard.duration - pickService > rideLimit { break }
                }
                if !(blink > 0 && rng.nextUnit() < blink) {
                    if rideLimit == Int.max
                        || RouteSegment.concat(onBoard, drop, in: problem).duration - pickService - dropService <= rideLimit {
                        let full = RouteSegment.concat(.concat(seg, drop, in: problem), suf[j], in: problem)
                        if rule.isFeasible(full) { body(rule.cost(full) - old, i, j) }
                    }
                }
                j += 1
            }
        }
    }

    struct Position: Equatable { var delta: Double; var i: Int; var j: Int }

    /// Removes random requests and compares both scans for every left-out request in every
    /// candidate route, with and without blinks; returns the positions compared.
    static func compare(_ state: SearchState, seed: UInt64, rounds: Int) -> Int {
        var rng = SeededGenerator(seed: seed)
        var compared = 0
        var routes: [Int] = [], candidates: [InsertionMove] = []
        for _ in 0..<rounds {
            let assigned = (0..<state.problem.requests.count).filter { state.routeOf[Int(state.firstStop[$0])] >= 0 }
            state.remove(requests: assigned.filter { _ in rng.next() % 4 == 0 })
            state.candidateRoutes(into: &routes)
            for q in state.unassigned {
                guard case let .pickupDelivery(p, d) = state.problem.requests[q].kind else { continue }
                for r in routes {
                    for blink in [0.0, 0.2] {
                        var a = SeededGenerator(seed: rng.next()), b = a
                        var fast: [Position] = [], slow: [Position] = []
                        state.forEachPairInsertion(of: q, pickup: p, delivery: d, route: r, blink: blink, rng: &a) {
                            fast.append(Position(delta: $0, i: $1, j: $2))
                        }
                        plainScan(state, q, route: r, blink: blink, rng: &b) { slow.append(Position(delta: $0, i: $1, j: $2)) }
                        XCTAssertEqual(fast, slow, "request \(q), route \(r), blink \(blink)")
                        XCTAssertEqual(a.next(), b.next(), "the same blinks were drawn")
                        compared += fast.count
                    }
                }
            }
            for q in state.unassigned {
                if let m = state.bestInsertion(of: q, routesToTry: routes, blink: 0, rng: &rng, candidates: &candidates) {
                    state.insert(q, route: m.route, i: m.i, j: m.j)
                }
                state.candidateRoutes(into: &routes)
            }
        }
        return compared
    }

    private func cordeau(_ name: String, rideLimits: Bool = true) throws -> RoutingProblem {
        let p = try CordeauReader.read(path: SolverTests.path("darp/cordeau2006/\(name).txt")).problem
        if rideLimits { return p }
        let requests = p.requests.map { Request($0.kind, load: $0.load, maxRideTime: nil) }
        return try RoutingProblem(stops: p.stops, requests: requests, vehicleTypes: p.vehicleTypes, matrices: p.matrices)
    }

    func testSamePositionsAsThePlainScanOnCordeauInstances() throws {
        for (name, seed) in [("a3-24", 1), ("b4-24", 2), ("a4-40", 3)] as [(String, UInt64)] {
            let state = SearchState(problem: try cordeau(name), excluded: [])
            state.regretConstruction()
            XCTAssertGreaterThan(Self.compare(state, seed: seed, rounds: 12), 500, name)
        }
    }

    func testSamePositionsWithoutRideLimits() throws {
        let state = SearchState(problem: try cordeau("b4-24", rideLimits: false), excluded: [])
        XCTAssertFalse(state.checkRides)
        state.regretConstruction()
        XCTAssertGreaterThan(Self.compare(state, seed: 5, rounds: 12), 500)
    }

    /// The transposed matrix holds every drive of the original, in both of its parts.
    func testArrivalsAreTheTransposedMatrices() throws {
        let p = try cordeau("a3-24")
        let n = p.matrices.count
        XCTAssertEqual(p.arrivals.count, 2 * n * n)
        for from in 0..<n {
            for to in 0..<n {
                XCTAssertEqual(p.arrivals[2 * (to * n + from)], p.duration(from, to))
                XCTAssertEqual(p.arrivals[2 * (to * n + from) + 1], p.distance(from, to))
            }
        }
        XCTAssertTrue(try MoveEvaluationTests.randomProblem(seed: 1).arrivals.isEmpty, "only built for pickup–delivery problems")
    }
}
