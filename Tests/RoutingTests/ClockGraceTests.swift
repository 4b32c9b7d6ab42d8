import DagrouteCore
import Foundation
@testable import Routing
import XCTest

/// The clock's grace (`SolverParameters.clockGrace`): beside an iteration budget, the time
/// budget's fraction advances a search's progress only from the grace on, so that a search its
/// iteration budget stops does not depend on how much of the clock construction (or a loaded
/// machine) used first.
final class ClockGraceTests: XCTestCase {
    func testTheTimeFractionCountsOnlyFromTheGraceOn() {
        let stop = StopCriterion.anyOf([.maxIterations(1000), .maxRuntime(10)])
        XCTAssertEqual(stop.progress(iteration: 50, elapsed: 0.9), 0.09, accuracy: 1e-12, "no grace: the larger fraction")
        XCTAssertEqual(stop.progress(iteration: 50, elapsed: 0.9, clockGrace: 0.1), 0.05, accuracy: 1e-12, "within the grace: iterations alone")
        XCTAssertEqual(stop.progress(iteration: 50, elapsed: 1.0, clockGrace: 0.1), 0.1, accuracy: 1e-12, "at the grace the clock counts")
        XCTAssertEqual(stop.progress(iteration: 500, elapsed: 2, clockGrace: 0.1), 0.5, accuracy: 1e-12)
        XCTAssertEqual(stop.progress(iteration: 100, elapsed: 6, clockGrace: 0.1), 0.6, accuracy: 1e-12, "a clock-bound search follows the clock")
        XCTAssertEqual(stop.progress(iteration: 100, elapsed: 12, clockGrace: 0.1), 1)
        XCTAssertEqual(StopCriterion.maxIterations(10).progress(iteration: 5, elapsed: 100, clockGrace: 0.1), 0.5)
    }

    /// A care-shaped wave under an iteration budget and a generous time budget: a search that
    /// starts with 8 % of its time budget already gone (as when construction or a loaded machine
    /// took it) gives exactly the plan of one that starts fresh when the grace covers those 8 %;
    /// without the grace the clock warms its first iterations and the plan differs.
    func testWithinTheGraceTheClockDoesNotSteerTheSearch() throws {
        let p = try RouteEjectionTests.careWave(homes: 30, seed: 3)
        let excluded = Set(RoutingSolver.impossibleRequests(p).keys)
        let neighbours = NeighbourLists(p, size: min(100, p.stops.count - 1))
        let stop = StopCriterion.anyOf([.maxIterations(1500), .maxRuntime(1000)])
        func run(startedAgo: Double, grace: Double) -> ThreadOutcome {
            var parameters = SolverParameters.recommended(for: p)
            parameters.clockGrace = grace
            return Search(problem: p, excluded: excluded, neighbours: neighbours, parameters: parameters, stop: stop,
                          seed: 7, initial: [], started: Date(timeIntervalSinceNow: -startedAgo), progress: .silent).run()
        }
        let fresh = run(startedAgo: 0, grace: 0.1), late = run(startedAgo: 80, grace: 0.1)
        XCTAssertEqual(fresh.iterations, 1500)
        XCTAssertEqual(fresh.routes, late.routes, "the grace hides the 8 % the clock had run")
        XCTAssertEqual(fresh.objective, late.objective)
        XCTAssertNotEqual(run(startedAgo: 0, grace: 0).routes, run(startedAgo: 80, grace: 0).routes,
                          "without the grace the clock steers the first iterations")
    }
}
