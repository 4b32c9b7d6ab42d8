import DagrouteCore
import Formats
import Foundation
@testable import Routing
import XCTest

/// The VRPTW distance phase at a tight fleet (`TightFleetPenalty`): a left-out request costs the
/// drive of serving it alone, the factor falls to its base while all are served and rises while
/// requests stay out, the best plan comes back after `patience` iterations out, and a solve
/// through that phase returns valid plans serving everyone, the same for the same seed.
final class TightFleetPenaltyTests: XCTestCase {
    private func constructed(_ file: String) throws -> (RoutingBenchmark, SearchState) {
        let b = try SolomonReader.read(path: SolverTests.path(file))
        let state = SearchState(problem: b.problem, excluded: [])
        state.regretConstruction()
        XCTAssertTrue(state.unassigned.isEmpty)
        return (b, state)
    }

    func testLeftOutRequestsCostTheirDriveAlone() throws {
        let (b, state) = try constructed("vrptw/solomon/C101.txt")
        let p = b.problem, v = p.vehicleTypes[0]
        let penalty = TightFleetPenalty(state: state, base: 1)
        XCTAssertEqual(penalty.outPenalty(state), 0)
        let out = [3, 17, 42, 99]
        state.remove(requests: out)
        // Solomon prices distance only: cents per km, nothing per hour, so serving a customer alone
        // costs the drive depot → customer → depot.
        XCTAssertEqual(v.costPerHour, 0)
        var expected = 0.0
        for q in out {
            let l = p.stops[p.requests[q].stops[0]].location
            expected += v.costPerKm * Double(p.distance(v.startLocation, l) + p.distance(l, v.endLocation)) / 1000
        }
        XCTAssertGreaterThan(expected, 0)
        XCTAssertEqual(penalty.outPenalty(state), expected, accuracy: 1e-9 * expected)
    }

    func testFactorFallsToItsBaseWhileAllAreServedAndRisesWhileRequestsAreOut() throws {
        let (_, state) = try constructed("vrptw/solomon/C101.txt")
        let plan = state.snapshot()
        var penalty = TightFleetPenalty(state: state, base: 2)
        XCTAssertEqual(penalty.factor, TightFleetPenalty.startFactor)
        for _ in 0..<100 { XCTAssertFalse(penalty.adapt(state)) }
        XCTAssertEqual(penalty.factor, TightFleetPenalty.startFactor / pow(1.001, 100), accuracy: 1e-9)
        for _ in 0..<5000 { XCTAssertFalse(penalty.adapt(state)) }
        XCTAssertEqual(penalty.factor, 2, "never below the base")
        state.remove(requests: [5])
        for _ in 0..<100 { XCTAssertFalse(penalty.adapt(state)) }
        XCTAssertEqual(penalty.factor, 2 * pow(1.001, 100), accuracy: 1e-9)
        state.restore(plan)
        XCTAssertFalse(penalty.adapt(state))
        // Out again: the best plan is due after exactly `patience` iterations out in a row.
        state.remove(requests: [5])
        for i in 1...TightFleetPenalty.patience { XCTAssertEqual(penalty.adapt(state), i == TightFleetPenalty.patience, "iteration \(i)") }
        XCTAssertFalse(penalty.adapt(state), "the count starts again")
    }

    /// C101 (best known 828.94 with 10 vehicles): route elimination over the first 2 % of 2,600
    /// iterations, the plain distance search for `warmUp` iterations, then the distance phase at the
    /// fleet route elimination reached for the rest.
    func testSolvesThroughTheTightFleetPhaseValidlyAndDeterministically() throws {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/solomon/C101.txt"))
        var parameters = SolverParameters.recommended(for: b.problem)
        parameters.routeEliminationShare = 0.02
        parameters.tightFleetPenalty = 1
        let iterations = 2600
        XCTAssertGreaterThan(Double(iterations) * (1 - parameters.routeEliminationShare), Double(TightFleetPenalty.warmUp + 400))
        let runs = (0..<2).map { _ in RoutingSolver.solve(b.problem, parameters: parameters, stop: .maxIterations(iterations), seed: 3) }
        for result in runs {
            SolutionChecker.assertValid(b.problem, result)
            XCTAssertEqual(result.unassigned, [])
            XCTAssertEqual(result.routes.count, 10)
            XCTAssertEqual(b.objective(result.routes), 828.94, accuracy: 0.01)
        }
        XCTAssertEqual(runs[0].routes.map(\.stops), runs[1].routes.map(\.stops))
    }
}
