import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// SREX (`RouteCrossover`) on random parents, each child checked by plain set arithmetic: every stop
/// once (in a route or left out), each child route either a route of `b` verbatim or what remains of
/// `a`'s route in the same slot once the stops of the `b` routes taken are removed, as many routes
/// as `a` at most, and the left-out stops exactly those of `a`'s replaced routes that no `b` route
/// taken holds.
final class RouteCrossoverTests: XCTestCase {
    /// `stops` stops split at random into `routes` non-empty routes, in `slots` slots.
    private func randomPlan(stops: Int, routes: Int, slots: Int, rng: inout SeededGenerator) -> [[Int32]] {
        var order = (0..<stops).map(Int32.init)
        order.shuffle(using: &rng)
        var plan = [[Int32]](repeating: [], count: slots)
        var used = Array(0..<slots)
        used.shuffle(using: &rng)
        used = Array(used.prefix(routes))
        for (k, s) in order.enumerated() { plan[used[k < routes ? k : Int(rng.next() % UInt64(routes))]].append(s) }
        return plan
    }

    func testChildHoldsEveryStopOnceAndIsMadeOfParentRoutes() {
        var rng = SeededGenerator(seed: 11)
        for trial in 0..<300 {
            let stops = 6 + Int(rng.next() % 60), slots = 2 + Int(rng.next() % 10)
            let a = randomPlan(stops: stops, routes: 2 + Int(rng.next() % UInt64(slots - 1)), slots: slots, rng: &rng)
            let b = randomPlan(stops: stops, routes: 2 + Int(rng.next() % UInt64(slots - 1)), slots: slots, rng: &rng)
            guard let (child, leftOut) = RouteCrossover.child(a, b, stops: stops, rng: &rng) else {
                return XCTFail("trial \(trial): no child of two plans with at least two routes each")
            }
            XCTAssertEqual(child.count, a.count, "trial \(trial)")
            var seen = [Int](repeating: 0, count: stops)
            for route in child { for s in route { seen[Int(s)] += 1 } }
            for s in leftOut { seen[Int(s)] += 1 }
            XCTAssertEqual(seen, [Int](repeating: 1, count: stops), "trial \(trial): every stop once")
            XCTAssertLessThanOrEqual(child.filter { !$0.isEmpty }.count, a.filter { !$0.isEmpty }.count, "trial \(trial)")
            // The b routes taken are the child routes equal to a route of b that differ from a's
            // route in their slot.
            let taken = child.indices.filter { !child[$0].isEmpty && child[$0] != a[$0] && b.contains(child[$0]) }
            // (None differs only when the route of b taken equals a's route it replaces.)
            XCTAssertTrue(!taken.isEmpty || child.contains { !$0.isEmpty && b.contains($0) }, "trial \(trial): at least one route of b")
            var fromB = Set<Int32>()
            for r in taken { fromB.formUnion(child[r]) }
            for r in child.indices where !taken.contains(r) {
                let rest = a[r].filter { !fromB.contains($0) }
                XCTAssertTrue(child[r] == rest || child[r].isEmpty, "trial \(trial) slot \(r): a's route less b's stops, or a replaced route")
            }
            let replaced = child.indices.filter { taken.contains($0) || (child[$0].isEmpty && !a[$0].isEmpty && !a[$0].allSatisfy(fromB.contains)) }
            var expected = Set<Int32>()
            for r in replaced { expected.formUnion(a[r].filter { !fromB.contains($0) }) }
            XCTAssertEqual(Set(leftOut), expected, "trial \(trial): left out = a's replaced stops not in b's routes")
        }
    }

    /// Children of two plans of a Gehring–Homberger instance, their left-out stops put back by the
    /// search's recreate and the local search run: every plan serves every request, passes the
    /// independent checker, and its cost in the state equals the checker's.
    func testChildrenOfGehringHombergerPlansRepairToValidPlans() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/rc2_2_1.txt"))
        let parameters = SolverParameters.recommended(for: b.problem)
        let neighbours = NeighbourLists(b.problem, size: 100)
        let state = SearchState(problem: b.problem, excluded: [])
        let localSearch = LocalSearch(state: state, neighbours: neighbours, size: parameters.neighbours)
        var saved: [(Int, [Int32])] = [], candidates: [InsertionMove] = [], routeList: [Int] = []
        // Parents: the regret construction, and it after 40 ruin-and-recreate steps, all kept.
        state.regretConstruction()
        let a = state.snapshot()
        var walk = SeededGenerator(seed: 2)
        for _ in 0..<40 {
            let before = state.unassigned
            saved.removeAll()
            state.ruin(neighbours: neighbours, params: parameters, rng: &walk, saved: &saved)
            state.recreate(params: parameters, hard: before, neighbours: neighbours, rng: &walk, saved: &saved, candidates: &candidates, routeList: &routeList)
        }
        XCTAssertEqual(state.unassigned, [])
        let c = state.snapshot()
        XCTAssertNotEqual(a, c)
        var rng = SeededGenerator(seed: 5)
        for trial in 0..<4 {
            let (x, y) = trial % 2 == 0 ? (a, c) : (c, a)
            let child = try XCTUnwrap(RouteCrossover.child(x, y, stops: b.problem.stops.count, rng: &rng))
            state.restore(child.slots)
            saved.removeAll()
            XCTAssertEqual(Set(state.unassigned.map { b.problem.requests[$0].stops[0] }), Set(child.leftOut.map(Int.init)), "trial \(trial)")
            state.recreate(params: parameters, hard: [], neighbours: neighbours, rng: &rng, saved: &saved, candidates: &candidates, routeList: &routeList)
            localSearch.run(rng: &rng)
            let result = RoutingSolver.assemble(state, reasons: [:])
            SolutionChecker.assertValid(b.problem, result)
            XCTAssertEqual(result.unassigned, [], "trial \(trial)")
            XCTAssertEqual(SolutionChecker.check(b.problem, result).cost, state.routesCost, accuracy: 1e-6 * state.routesCost, "trial \(trial)")
        }
    }

    func testPlansWithOneRouteHaveNoChild() {
        var rng = SeededGenerator(seed: 3)
        XCTAssertNil(RouteCrossover.child([[0, 1, 2], []], [[0], [1, 2]], stops: 3, rng: &rng))
    }
}
