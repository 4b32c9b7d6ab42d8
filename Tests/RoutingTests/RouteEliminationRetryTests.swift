import DagrouteCore
import Formats
@testable import Routing
import XCTest

/// When the route-elimination phase gives up: after two failed attempts in a row that stayed far
/// from serving everyone, but only after four when each failure came within `closeOut` requests.
/// The attempts' outcomes are set by hand (requests taken out of the best plan) so that the rule
/// itself is checked, one iteration per attempt.
final class RouteEliminationRetryTests: XCTestCase {
    /// Runs failed attempts that each leave `out` requests out at best; returns after how many
    /// failures the phase had finished.
    private func failuresUntilFinished(out: Int) throws -> Int {
        let b = try SolomonReader.read(path: SolverTests.path("vrptw/gh200/rc1_2_1.txt"))
        let state = SearchState(problem: b.problem, excluded: [])
        state.regretConstruction()
        XCTAssertTrue(state.unassigned.isEmpty)
        let best = state.snapshot()
        var parameters = SolverParameters.recommended(for: b.problem)
        parameters.routeEliminationIterations = 1
        parameters.routeEliminationShare = 1
        var elimination = RouteElimination(state: state, parameters: parameters)
        XCTAssertTrue(elimination.active)
        var rng = SeededGenerator(seed: 1)
        XCTAssertTrue(elimination.step(state: state, best: best, iteration: 0, progress: 0, rng: &rng))
        for failure in 1...RouteElimination.maxCloseFailures + 1 {
            XCTAssertTrue(elimination.isAttempting)
            // The attempt's outcome: the best plan with `out` requests of its longest route out.
            state.restore(best)
            let longest = (0..<best.count).max { best[$0].count < best[$1].count }!
            state.remove(requests: best[longest].prefix(out).map { Int(b.problem.requestOfStop[Int($0)]) })
            elimination.afterIteration(state)
            _ = elimination.step(state: state, best: best, iteration: failure, progress: 0, rng: &rng)
            if elimination.finished {
                XCTAssertEqual(state.routes, best, "the best plan comes back")
                XCTAssertEqual(state.maxRoutes, Int.max)
                return failure
            }
        }
        return Int.max
    }

    func testTwoFarFailuresEndThePhase() throws {
        XCTAssertEqual(try failuresUntilFinished(out: RouteElimination.closeOut + 3), RouteElimination.maxFailures)
    }

    func testNearMissesAreRetriedUpToFourTimes() throws {
        XCTAssertEqual(try failuresUntilFinished(out: RouteElimination.closeOut), RouteElimination.maxCloseFailures)
        XCTAssertEqual(try failuresUntilFinished(out: 1), RouteElimination.maxCloseFailures)
    }
}
