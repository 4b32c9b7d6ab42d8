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

    /// One scenario and one weekday (what `routes` plans): three waves on three workers, solved
    /// one after another since they are coupled. The last one may use the time left, never a
    /// multiple of it (it once got workers × the time left: `routes --time-limit 300` ran 371 s on
    /// the default instance), and the first ones leave time for those waiting on them.
    func testLastJobsKeepTheTimeLimit() throws {
        let instance = Fixture.small
        let spec = try XCTUnwrap(ScenarioCatalog.all(instance.settings).first { $0.name == "pooled" })
        let options = RunOptions(timeLimit: 3, seed: 1, threads: 3, iterationsPerRide: 1_000_000, days: [.mon])
        let started = Date()
        _ = try ScenarioRunner.run(instance, scenarios: [spec], options: options)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, options.timeLimit + 1, "took \(elapsed) s")
    }
}
