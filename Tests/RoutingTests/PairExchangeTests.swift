import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// Request exchange and pair-preserving 2-opt* (`PairLocalSearch`) against the slow twin: on
/// random moves from worsened plans, the applied cost change equals a plain re-simulation of the
/// two changed routes, both routes stay feasible (plain simulation plus the ride scheduler), every
/// request keeps its pickup before its delivery in one route, and a rejected move leaves the plan
/// as it was.
final class PairExchangeTests: XCTestCase {
    private func cordeau(_ name: String) throws -> RoutingProblem {
        try CordeauReader.read(path: SolverTests.path("darp/cordeau2006/\(name).txt")).problem
    }

    /// Construction, then every request moved once to a random feasible position, so that
    /// improving moves exist.
    private func worsened(_ p: RoutingProblem, seed: UInt64) -> SearchState {
        let state = SearchState(problem: p, excluded: [])
        state.regretConstruction()
        var rng = SeededGenerator(seed: seed)
        for q in 0..<p.requests.count {
            guard state.routeOf[p.requests[q].stops[0]] >= 0 else { continue }
            state.moveToRandomFeasiblePosition(q, rng: &rng)
        }
        return state
    }

    /// Checks one applied or rejected move: `move` is the operator's answer, `before` the routes
    /// and `costs` their simulated costs before it.
    private func check(_ p: RoutingProblem, _ state: SearchState, move: (delta: Double, from: Int, to: Int)?,
                       before: [[Int32]], costs: [Double], _ label: String) throws {
        var scheduler = RouteScheduler(p)
        guard let move else {
            XCTAssertEqual(state.routes, before, "\(label): a rejected move leaves the plan as it was")
            return
        }
        XCTAssertLessThan(move.delta, 0, label)
        XCTAssertNotEqual(move.from, move.to, label)
        var simulated = 0.0
        for r in Set([move.from, move.to]) {
            let stops = state.routes[r]
            let after = try XCTUnwrap(MoveEvaluationTests.simulate(p, type: state.slotType[r], stops), "\(label): route \(r) breaks a window, shift or capacity")
            XCTAssertTrue(stops.isEmpty || stops.withUnsafeBufferPointer { scheduler.schedule(vehicle: state.slotType[r], stops: $0) }, "\(label): route \(r) breaks a ride limit")
            simulated += after - costs[r]
        }
        XCTAssertEqual(move.delta, simulated, accuracy: 1e-6, "\(label): the move's price equals re-simulation")
        for (r, stops) in state.routes.enumerated() where r != move.from && r != move.to {
            XCTAssertEqual(stops, before[r], "\(label): only the two routes change")
        }
        // Every request is served once, pickup before delivery, in one route.
        XCTAssertEqual(state.routes.flatMap { $0 }.sorted(), before.flatMap { $0 }.sorted(), label)
        for req in p.requests where req.stops.count == 2 {
            let a = Int32(req.stops[0]), b = Int32(req.stops[1])
            let r = try XCTUnwrap(state.routes.firstIndex { $0.contains(a) }, label)
            let i = try XCTUnwrap(state.routes[r].firstIndex(of: a)), j = try XCTUnwrap(state.routes[r].firstIndex(of: b), "\(label): a request split over two routes")
            XCTAssertLessThan(i, j, "\(label): pickup before delivery")
        }
    }

    func testExchangeEqualsResimulationAndKeepsPlansFeasible() throws {
        var moved = 0
        for (k, name) in ["a3-24", "b4-24", "a4-40"].enumerated() {
            let p = try cordeau(name)
            let state = worsened(p, seed: UInt64(k + 3))
            let search = PairLocalSearch(state: state, neighbours: NeighbourLists(p, size: p.stops.count - 1), routesNear: 20)
            var rng = SeededGenerator(seed: 11)
            for _ in 0..<30 {
                let q = Int(rng.next() % UInt64(p.requests.count))
                let before = state.routes
                let costs = (0..<before.count).map { MoveEvaluationTests.simulate(p, type: state.slotType[$0], before[$0])! }
                let move = search.exchange(q)
                if move != nil { moved += 1 }
                try check(p, state, move: move, before: before, costs: costs, "\(name) exchange of \(q)")
                XCTAssertTrue(state.unassigned.isEmpty, name)
            }
        }
        XCTAssertGreaterThan(moved, 10)
    }

    func testTwoOptStarEqualsResimulationAndKeepsPairs() throws {
        var moved = 0
        // Cordeau: pickup–delivery pairs with ride limits, one vehicle type. Random problems:
        // depot deliveries and pickups on two vehicle types with different depots and shifts
        // (tails re-summarised for the other type's end depot).
        var problems: [(String, RoutingProblem)] = try ["a3-24", "b4-24", "a4-40"].map { ($0, try cordeau($0)) }
        for seed in 1...4 as ClosedRange<UInt64> { problems.append(("random \(seed)", try MoveEvaluationTests.randomProblem(seed: seed))) }
        for (k, (name, p)) in problems.enumerated() {
            let state = worsened(p, seed: UInt64(k + 5))
            let search = PairLocalSearch(state: state, neighbours: NeighbourLists(p, size: p.stops.count - 1), routesNear: 20)
            var rng = SeededGenerator(seed: 13)
            for _ in 0..<30 {
                let a = Int(rng.next() % UInt64(state.routes.count))
                let before = state.routes
                let costs = (0..<before.count).map { MoveEvaluationTests.simulate(p, type: state.slotType[$0], before[$0])! }
                let move = search.twoOptStar(route: a)
                if move != nil { moved += 1 }
                try check(p, state, move: move, before: before, costs: costs, "\(name) 2-opt* of route \(a)")
            }
        }
        XCTAssertGreaterThan(moved, 10)
    }
}
