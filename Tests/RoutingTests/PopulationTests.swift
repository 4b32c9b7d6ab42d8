import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// The pieces of the hybrid population search: Split against a brute force over every cut of
/// small giant tours (priced by the naive simulation of `TimeWarpLocalSearchTests`), the order
/// crossover against its definition, the broken-pairs distance on hand-made plans, and a
/// generation's child re-checked by independent simulation.
final class PopulationTests: XCTestCase {
    /// Least penalised cost of `tour` cut into at most `maxRoutes` consecutive non-empty routes,
    /// over every cut (2^(n−1) of them).
    static func bruteForceSplit(_ p: RoutingProblem, _ tour: [Int32], maxRoutes: Int, type: Int,
                                _ penalty: TimeWarpPenalty) -> Double {
        let n = tour.count
        var best = Double.infinity
        for mask in 0..<(1 << (n - 1)) where mask.nonzeroBitCount + 1 <= maxRoutes {
            var cost = 0.0, start = 0
            for i in 0..<n where i == n - 1 || mask & (1 << i) != 0 {
                cost += TimeWarpLocalSearchTests.naivePenalised(p, type: type, Array(tour[start...i]), penalty)
                start = i + 1
            }
            best = min(best, cost)
        }
        return best
    }

    func testSplitEqualsBruteForceOnSmallTours() throws {
        var compared = 0
        for seed in 1...8 as ClosedRange<UInt64> {
            let p = try DetourInsertionTests.distanceCostProblem(seed: seed, stops: 9)
            let rules = p.vehicleTypes.map(VehicleRules.init)
            var rng = SeededGenerator(seed: seed)
            for _ in 0..<6 {
                let tour = (0..<Int32(p.stops.count)).shuffled(using: &rng)
                let type = Int(rng.next() % 2), maxRoutes = 1 + Int(rng.next() % 4)
                let penalty = TimeWarpPenalty(perSecond: [0.5, 5, 200][Int(rng.next() % 3)], perLoad: [10, 1000][Int(rng.next() % 2)])
                let split = GiantTourSplit.split(tour, maxRoutes: maxRoutes, type: type, rules: rules, penalty: penalty, problem: p)
                XCTAssertEqual(split.routes.flatMap { $0 }, tour, "routes are the tour, cut")
                XCTAssertLessThanOrEqual(split.routes.count, maxRoutes)
                XCTAssertFalse(split.routes.contains { $0.isEmpty })
                let priced = split.routes.reduce(0) { $0 + TimeWarpLocalSearchTests.naivePenalised(p, type: type, $1, penalty) }
                XCTAssertEqual(split.cost, priced, accuracy: 1e-6 * priced, "the cost is the routes' simulated cost")
                let brute = Self.bruteForceSplit(p, tour, maxRoutes: maxRoutes, type: type, penalty)
                XCTAssertEqual(split.cost, brute, accuracy: 1e-6 * brute, "seed \(seed): least over every cut")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 48)
    }

    func testOrderCrossoverKeepsTheSegmentAndSecondParentsOrder() {
        // Cut 2…4 of 0…7: the child keeps 2 3 4 in place; from position 5 on, then wrapping, the
        // others in the second parent's order read from its position 5: 1 0 | 7 6 5 …
        let first: [Int32] = [0, 1, 2, 3, 4, 5, 6, 7], second: [Int32] = [7, 6, 5, 4, 3, 2, 1, 0]
        XCTAssertEqual(OrderCrossover.cross(first, second, start: 2, end: 4, stopCount: 8), [6, 5, 2, 3, 4, 1, 0, 7])
        // A wrapping segment 6…1.
        XCTAssertEqual(OrderCrossover.cross(first, second, start: 6, end: 1, stopCount: 8), [0, 1, 5, 4, 3, 2, 6, 7])
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let n = 2 + Int(rng.next() % 12)
            let a = (0..<Int32(n)).shuffled(using: &rng), b = (0..<Int32(n)).shuffled(using: &rng)
            let start = Int(rng.next() % UInt64(n)), end = Int(rng.next() % UInt64(n))
            let child = OrderCrossover.cross(a, b, start: start, end: end, stopCount: n)
            XCTAssertEqual(child.sorted(), (0..<Int32(n)).map { $0 }, "a permutation")
            var kept: [Int] = [], k = start
            while true { kept.append(k); if k == end { break }; k = (k + 1) % n }
            for k in kept { XCTAssertEqual(child[k], a[k]) }
            let rest = (1...n).map { (end + $0) % n }.filter { !kept.contains($0) }.map { child[$0] }
            let keptStops = Set(kept.map { a[$0] })
            XCTAssertEqual(rest, (1...n).map { b[(end + $0) % n] }.filter { !keptStops.contains($0) })
        }
    }

    func testBrokenPairsDistance() {
        var population = Population(stopCount: 6)
        population.add(slots: [[0, 1, 2], [3, 4, 5]], cost: 10)
        population.add(slots: [[2, 1, 0], [], [5, 4, 3]], cost: 10)   // the same routes, reversed, other slots
        population.add(slots: [[0, 1, 2, 3], [4, 5]], cost: 12)
        population.add(slots: [[0, 4, 2], [3, 1, 5]], cost: 14)
        let m = population.members
        XCTAssertEqual(population.distance(m[0], m[0]), 0)
        XCTAssertEqual(population.distance(m[0], m[1]), 0)
        // Stop 2's successor changes (depot → 3) and stop 3's (4 → depot).
        XCTAssertEqual(population.distance(m[0], m[2]), 2.0 / 6)
        // 0→4, 4→2 … every successor but 2's (the depot) and 5's (the depot) breaks: 0, 1, 3, 4.
        XCTAssertEqual(population.distance(m[0], m[3]), 4.0 / 6)
    }

    func testSurvivorSelectionRemovesClonesFirst() {
        var population = Population(stopCount: 8)
        var rng = SeededGenerator(seed: 2)
        let clone: [[Int32]] = [[0, 1, 2, 3], [4, 5, 6, 7]]
        for k in 0..<(Population.minimumSize + Population.generationSize) {
            let order = (0..<Int32(8)).shuffled(using: &rng)
            population.add(slots: k % 3 == 0 ? clone : [Array(order[0..<4]), Array(order[4...])], cost: k % 3 == 0 ? 500 : Double(100 + k))
        }
        XCTAssertEqual(population.members.count, Population.minimumSize)
        XCTAssertEqual(population.members.map(\.cost).min(), 101, "the cheapest plan survives")
        let m = population.members
        for i in m.indices { for j in m.indices where j != i { XCTAssertGreaterThan(population.distance(m[i], m[j]), 0, "no clones left") } }
    }

    /// Generations on r1_2_1 from a constructed plan: every feasible child is found feasible by
    /// independent simulation, serves every stop once, uses at most the routes allowed, and the
    /// state holds its plan again afterwards.
    func testGenerationChildrenAreFeasible() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/r1_2_1.txt"))
        let p = b.problem
        let state = SearchState(problem: p, excluded: [])
        state.regretConstruction()
        let ls = LocalSearch(state: state, neighbours: NeighbourLists(p, size: 20), size: 20)
        var rng = SeededGenerator(seed: 4)
        ls.run(rng: &rng)
        let maxRoutes = state.usedRoutes
        var education = TimeWarpEducation(state: state)
        var population = Population(stopCount: p.stops.count)
        population.add(slots: state.snapshot(), cost: state.routesCost)
        var feasible = 0, crossed = 0
        for _ in 0..<(Population.minimumSize + 4) {
            let plan = state.snapshot()
            let wasFull = population.members.count >= Population.minimumSize
            if let child = population.generation(state: state, localSearch: ls, education: &education, maxRoutes: maxRoutes,
                                                 rng: &rng, shouldStop: { false }) {
                feasible += 1
                if wasFull { crossed += 1 }
                let check = SearchState(problem: p, excluded: [])
                check.restore(child.slots)
                XCTAssertEqual(try XCTUnwrap(MoveEvaluationTests.totalCost(p, check)), child.cost, accuracy: 1e-6 * child.cost)
                XCTAssertEqual(child.slots.flatMap { $0 }.sorted(), (0..<p.stops.count).map(Int32.init), "every stop once")
                XCTAssertLessThanOrEqual(check.usedRoutes, maxRoutes)
            }
            XCTAssertEqual(state.snapshot(), plan, "the state's plan comes back")
            // The annealing moves on: the next seed is another plan.
            state.remove(requests: [Int(rng.next() % UInt64(p.requests.count))])
            state.regretConstruction()
        }
        XCTAssertGreaterThan(feasible, Population.minimumSize / 2)
        XCTAssertGreaterThan(crossed, 0, "children of crossover were feasible")
    }
}
