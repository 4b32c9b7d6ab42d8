import DagrouteCore
import Foundation
import Instance
import XCTest
@testable import Scenario

/// The time limit bounds the whole run: with an iteration budget that would take hours, the runner
/// still returns about when the limit says, with a generous margin for a debug build on a loaded
/// machine (per-problem set-up and the assignments are not cut short).
final class TimeLimitTests: XCTestCase {
    func testRunStopsWithinItsTimeLimit() throws {
        let instance = Fixture.small
        let options = RunOptions(timeLimit: 4, seed: 1, threads: 2, iterationsPerRide: 1_000_000)
        let started = Date()
        let results = try ScenarioRunner.run(instance, scenarios: ScenarioCatalog.all(instance.settings), options: options)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, options.timeLimit + 3, "took \(elapsed) s")
        XCTAssertEqual(results.count, ScenarioCatalog.all(instance.settings).count)
    }
}
