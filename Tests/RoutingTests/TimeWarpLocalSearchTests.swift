import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// The slow twin of the time-warp-penalised local search: every move priced from segment summaries
/// with a `TimeWarpPenalty` must equal the change of the penalised cost of the routes re-simulated
/// the naive way (leave the depot at the shift start, wait for a window to open, warp back to the
/// window's end when late and count the warp; loads added up stop by stop), on random infeasible
/// plans of random Solomon-like problems and of a Gehring–Homberger instance. The education keeps
/// only feasible, cheaper plans.
final class TimeWarpLocalSearchTests: XCTestCase {
    /// Penalised cost of one route by plain simulation, for problems whose costs depend on distance
    /// only (no cost per hour, no maximum duration).
    static func naivePenalised(_ p: RoutingProblem, type k: Int, _ stops: [Int32], _ penalty: TimeWarpPenalty) -> Double {
        if stops.isEmpty { return 0 }
        let v = p.vehicleTypes[k]
        precondition(v.costPerHour == 0 && v.maxDuration == nil)
        var seats = 0, chairs = 0
        for s in stops {
            let req = p.requests[Int(p.requestOfStop[Int(s)])]
            if case .depotDelivery = req.kind { seats += req.load.seats; chairs += req.load.wheelchairs }
        }
        var peakSeats = seats, peakChairs = chairs
        var t = v.shiftStart, at = v.startLocation, warp = 0, dist = 0
        for s in stops {
            let req = p.requests[Int(p.requestOfStop[Int(s)])]
            if case .depotPickup = req.kind { seats += req.load.seats; chairs += req.load.wheelchairs }
            else { seats -= req.load.seats; chairs -= req.load.wheelchairs }
            peakSeats = max(peakSeats, seats); peakChairs = max(peakChairs, chairs)
            let st = p.stops[Int(s)]
            t += p.duration(at, st.location); dist += p.distance(at, st.location)
            t = max(t, st.earliest)
            if t > st.latest { warp += t - st.latest; t = st.latest }
            t += st.service; at = st.location
        }
        t += p.duration(at, v.endLocation); dist += p.distance(at, v.endLocation)
        if t > v.shiftEnd { warp += t - v.shiftEnd }
        let excess = max(0, peakSeats - v.capacity.seats) + max(0, peakChairs - v.capacity.wheelchairs)
        return v.fixedCost + v.costPerKm * Double(dist) / 1000 + penalty.perSecond * Double(warp) + penalty.perLoad * Double(excess)
    }

    static func naiveTotal(_ p: RoutingProblem, _ state: SearchState, _ penalty: TimeWarpPenalty) -> Double {
        var total = 0.0
        for r in 0..<state.routes.count { total += naivePenalised(p, type: state.slotType[r], state.routes[r], penalty) }
        return total
    }

    /// Spreads all stops at random over the first `routes` slots (windows and capacities ignored).
    static func randomPlan(_ state: SearchState, routes: Int, rng: inout SeededGenerator) {
        var slots = [[Int32]](repeating: [], count: state.routes.count)
        for s in (0..<state.problem.stops.count).shuffled(using: &rng) { slots[Int(rng.next() % UInt64(routes))].append(Int32(s)) }
        state.restore(slots)
    }

    /// Random moves of every kind; returns how many were compared.
    static func compareMoves(_ p: RoutingProblem, _ state: SearchState, _ ls: LocalSearch, _ penalty: TimeWarpPenalty,
                             count: Int, rng: inout SeededGenerator) -> Int {
        ls.penalty = penalty
        var checked = 0
        for _ in 0..<count {
            let u = Int(rng.next() % UInt64(p.stops.count))
            let v = Int(rng.next() % UInt64(p.stops.count))
            if u == v { continue }
            let before = naiveTotal(p, state, penalty)
            let saved = state.snapshot()
            let op = rng.next() % 6
            guard let priced = ls.applyRandomMove(op: op, u, v, rng: &rng) else { continue }
            guard let delta = priced else { XCTFail("move \(op) on \(u), \(v) has no penalised price"); return checked }
            checked += 1
            XCTAssertEqual(delta, naiveTotal(p, state, penalty) - before, accuracy: 1e-6 * max(1, abs(before)), "move \(op) on \(u), \(v)")
            if rng.next() % 2 == 1 { state.restore(saved) }   // otherwise keep it: later moves start elsewhere
        }
        return checked
    }

    func testPenalisedMovesMatchNaiveSimulation() throws {
        var checked = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            let p = try DetourInsertionTests.distanceCostProblem(seed: seed)
            let state = SearchState(problem: p, excluded: [])
            var rng = SeededGenerator(seed: seed &* 11)
            Self.randomPlan(state, routes: 4, rng: &rng)
            XCTAssertGreaterThan(TimeWarpEducation.violations(state).time, 0, "the random plan should be late somewhere")
            let ls = LocalSearch(state: state, neighbours: NeighbourLists(p, size: 10), size: 10)
            let penalty = TimeWarpPenalty(perSecond: 0.5 + Double(rng.next() % 50) / 10, perLoad: 10 + Double(rng.next() % 90))
            checked += Self.compareMoves(p, state, ls, penalty, count: 1500, rng: &rng)
        }
        XCTAssertGreaterThan(checked, 3000)
    }

    func testPenalisedMovesMatchNaiveSimulationOnGehringHomberger() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/rc1_2_1.txt"))
        let state = SearchState(problem: b.problem, excluded: [])
        var rng = SeededGenerator(seed: 5)
        Self.randomPlan(state, routes: 20, rng: &rng)
        let ls = LocalSearch(state: state, neighbours: NeighbourLists(b.problem, size: 10), size: 10)
        XCTAssertGreaterThan(Self.compareMoves(b.problem, state, ls, TimeWarpPenalty(perSecond: 1.3, perLoad: 40), count: 600, rng: &rng), 300)
    }

    /// A penalised descent from a random (late, overloaded) plan lowers the penalised cost, and a
    /// descent with a very high penalty repairs it to a feasible plan.
    func testPenalisedDescentLowersThePenalisedCost() throws {
        let p = try DetourInsertionTests.distanceCostProblem(seed: 4)
        let state = SearchState(problem: p, excluded: [])
        var rng = SeededGenerator(seed: 4)
        Self.randomPlan(state, routes: 6, rng: &rng)
        let ls = LocalSearch(state: state, neighbours: NeighbourLists(p, size: 20), size: 20)
        let penalty = TimeWarpPenalty(perSecond: 1, perLoad: 50)
        let before = Self.naiveTotal(p, state, penalty)
        ls.penalty = penalty
        ls.run(rng: &rng)
        XCTAssertLessThan(Self.naiveTotal(p, state, penalty), before)
        ls.penalty = TimeWarpPenalty(perSecond: 1e6, perLoad: 1e6)
        ls.run(rng: &rng)
        let (time, load) = TimeWarpEducation.violations(state)
        XCTAssertEqual(time, 0); XCTAssertEqual(load, 0)
        XCTAssertNotNil(MoveEvaluationTests.totalCost(p, state), "independent simulation: feasible")
    }

    /// Education reports a feasible plan exactly when independent re-simulation finds it feasible;
    /// it keeps every stop once, and the first education of a construction ends feasible and cheaper.
    func testEducationReportsFeasibilityCorrectly() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/r1_2_1.txt"))
        let p = b.problem
        let state = SearchState(problem: p, excluded: [])
        state.regretConstruction()
        XCTAssertTrue(state.unassigned.isEmpty)
        let ls = LocalSearch(state: state, neighbours: NeighbourLists(p, size: 20), size: 20)
        var education = TimeWarpEducation(state: state)
        var rng = SeededGenerator(seed: 9)
        for round in 0..<3 {
            let before = state.snapshot(), cost = try XCTUnwrap(MoveEvaluationTests.totalCost(p, state))
            let ok = education.educate(state: state, localSearch: ls, rng: &rng, shouldStop: { false })
            XCTAssertEqual(ok, MoveEvaluationTests.totalCost(p, state) != nil, "education and simulation agree on feasibility")
            XCTAssertEqual(state.routes.flatMap { $0 }.sorted(), (0..<p.stops.count).map(Int32.init), "every stop once")
            if round == 0 { XCTAssertTrue(ok); XCTAssertLessThan(state.routesCost, cost) }
            if !ok { state.restore(before) }
        }
    }

    /// The solver with education of new bests (route elimination ends early, so that the distance
    /// phase and its educations run) returns a plan that independent code finds valid, the same for
    /// the same seed.
    func testSolverWithEducationStaysValidAndDeterministic() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/r1_2_1.txt"))
        var parameters = SolverParameters.recommended(for: b.problem)
        parameters.educateNewBests = true
        parameters.routeEliminationShare = 0.05
        let first = RoutingSolver.solve(b.problem, parameters: parameters, stop: .maxIterations(150), seed: 3)
        SolutionChecker.assertValid(b.problem, first)
        XCTAssertEqual(first.unassigned, [])
        let again = RoutingSolver.solve(b.problem, parameters: parameters, stop: .maxIterations(150), seed: 3)
        XCTAssertEqual(again.routes.map(\.stops), first.routes.map(\.stops))
    }

    func testPenaltyAdaptsTowardsTheTargetShare() {
        XCTAssertEqual(TimeWarpEducation.factor(share: 0.05), 1.2)
        XCTAssertEqual(TimeWarpEducation.factor(share: 0.3), 1)
        XCTAssertEqual(TimeWarpEducation.factor(share: 0.9), 0.85)
    }
}
