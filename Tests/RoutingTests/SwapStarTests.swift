import DagrouteCore
@testable import Routing
import XCTest

/// SWAP* against its slow twin: a brute force that exchanges every stop pair of two routes at every
/// pair of positions and prices each plan by plain simulation (`MoveEvaluationTests.simulate`).
final class SwapStarTests: XCTestCase {
    /// The best SWAP* move between routes `r1` and `r2` by brute force: its cost change, or nil
    /// when no exchange is feasible.
    static func bruteForceBest(_ p: RoutingProblem, _ state: SearchState, _ r1: Int, _ r2: Int) -> Double? {
        let a = state.routes[r1], b = state.routes[r2]
        let t1 = state.slotType[r1], t2 = state.slotType[r2]
        guard let old1 = MoveEvaluationTests.simulate(p, type: t1, a), let old2 = MoveEvaluationTests.simulate(p, type: t2, b) else { return nil }
        var best: Double?
        for i in a.indices { for j in b.indices {
            var restA = a; restA.remove(at: i)
            var restB = b; restB.remove(at: j)
            for x in 0...restA.count {
                var newA = restA; newA.insert(b[j], at: x)
                guard let c1 = MoveEvaluationTests.simulate(p, type: t1, newA) else { continue }
                for y in 0...restB.count {
                    var newB = restB; newB.insert(a[i], at: y)
                    guard let c2 = MoveEvaluationTests.simulate(p, type: t2, newB) else { continue }
                    let delta = c1 + c2 - old1 - old2
                    if best == nil || delta < best! { best = delta }
                }
            }
        } }
        return best
    }

    /// A constructed plan with every route's order shuffled where that stays feasible, so that
    /// positions matter.
    static func scrambledState(_ p: RoutingProblem, seed: UInt64) -> SearchState {
        let state = SearchState(problem: p, excluded: [])
        state.regretConstruction()
        var rng = SeededGenerator(seed: seed)
        for r in 0..<state.routes.count where !state.routes[r].isEmpty {
            var shuffled = state.routes[r]
            shuffled.shuffle(using: &rng)
            if MoveEvaluationTests.simulate(p, type: state.slotType[r], shuffled) != nil { state.routes[r] = shuffled; state.refresh(r) }
        }
        return state
    }

    /// Pure CVRP: the distance price with the three-best-positions preprocessing is exact, so the
    /// fast best move of every route pair is the brute-force best whenever that improves.
    func testBestMoveEqualsBruteForceOnCVRP() throws {
        var pairs = 0, improving = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            let p = try MoveEvaluationTests.randomProblem(seed: seed, stops: 26, cvrp: true)
            let state = Self.scrambledState(p, seed: seed)
            let swapStar = SwapStar(state: state, near: NeighbourLists(p, size: 10).lists)
            let used = (0..<state.routes.count).filter { !state.routes[$0].isEmpty }
            for (x, r1) in used.enumerated() { for r2 in used[(x + 1)...] {
                pairs += 1
                let fast = swapStar.best(r1, r2)
                let slow = Self.bruteForceBest(p, state, r1, r2)
                if let slow, slow < -LocalSearch.epsilon {
                    improving += 1
                    let move = try XCTUnwrap(fast, "seed \(seed), routes \(r1), \(r2): brute force improves by \(slow)")
                    XCTAssertEqual(move.delta, slow, accuracy: 1e-6, "seed \(seed), routes \(r1), \(r2)")
                } else {
                    XCTAssertNil(fast, "seed \(seed), routes \(r1), \(r2)")
                }
            } }
        }
        XCTAssertGreaterThan(pairs, 60)
        XCTAssertGreaterThan(improving, 20)
    }

    /// With windows, two load dimensions, pickups, two vehicle types and time costs: every move
    /// SWAP* returns is feasible and its cost change equals the re-simulated one; none beats the
    /// brute-force best; and it finds an improving move for most pairs where one exists.
    func testMovesWithTimeWindowsMatchResimulation() throws {
        var improving = 0, found = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            let p = try MoveEvaluationTests.randomProblem(seed: seed, stops: 26)
            let state = Self.scrambledState(p, seed: seed)
            let swapStar = SwapStar(state: state, near: NeighbourLists(p, size: 10).lists)
            let used = (0..<state.routes.count).filter { !state.routes[$0].isEmpty }
            for (x, r1) in used.enumerated() { for r2 in used[(x + 1)...] {
                let slow = Self.bruteForceBest(p, state, r1, r2)
                if let slow, slow < -LocalSearch.epsilon { improving += 1 }
                guard let move = swapStar.best(r1, r2) else { continue }
                found += 1
                let before = try XCTUnwrap(MoveEvaluationTests.totalCost(p, state))
                let saved = state.snapshot()
                swapStar.apply(move)
                XCTAssertEqual(state.routeOf[move.u], Int32(r2)); XCTAssertEqual(state.routeOf[move.v], Int32(r1))
                let after = try XCTUnwrap(MoveEvaluationTests.totalCost(p, state), "seed \(seed): the move broke a route")
                XCTAssertEqual(move.delta, after - before, accuracy: 1e-6, "seed \(seed), routes \(r1), \(r2)")
                XCTAssertLessThan(move.delta, 0)
                XCTAssertGreaterThanOrEqual(move.delta, try XCTUnwrap(slow) - 1e-6)
                state.restore(saved)
            } }
        }
        XCTAssertGreaterThan(improving, 10)
        XCTAssertGreaterThanOrEqual(Double(found), 0.5 * Double(improving), "SWAP* finds too few of the improving pairs")
    }

    /// The local search with SWAP* keeps the plan feasible and ends where no route pair SWAP* looks
    /// at has an improving move left.
    func testLocalSearchEndsAtASwapStarOptimum() throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            let p = try MoveEvaluationTests.randomProblem(seed: seed, stops: 26, cvrp: true)
            let state = Self.scrambledState(p, seed: seed)
            let before = try XCTUnwrap(MoveEvaluationTests.totalCost(p, state))
            let neighbours = NeighbourLists(p, size: 10)
            var rng = SeededGenerator(seed: seed)
            LocalSearch(state: state, neighbours: neighbours, size: 10).run(rng: &rng)
            let after = try XCTUnwrap(MoveEvaluationTests.totalCost(p, state))
            XCTAssertLessThanOrEqual(after, before)
            XCTAssertFalse(SwapStar(state: state, near: neighbours.lists).run(shouldStop: { false }), "seed \(seed)")
        }
    }
}
