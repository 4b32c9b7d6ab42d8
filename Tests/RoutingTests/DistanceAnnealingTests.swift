@testable import Routing
import XCTest

/// The distance phase's annealing schedule (`DistanceAnnealing`) against its definition, stepped
/// over a grid of phase progress as the search steps over iterations.
final class DistanceAnnealingTests: XCTestCase {
    private let t0 = 10.0, tf = 2.0

    func testOneRunIsTheSingleGeometricCooling() {
        var schedule = DistanceAnnealing(runs: 1, stagnation: 0, reheat: 0.5)
        for i in 0...1000 {
            let phase = Double(i) / 1000
            XCTAssertFalse(schedule.restartsNow(at: phase))
            XCTAssertEqual(schedule.temperature(at: phase, t0: t0, tf: tf), t0 * pow(tf / t0, phase), accuracy: 1e-12)
        }
    }

    func testRunsRestartAtEqualSharesFromTheReheatedTemperature() {
        var schedule = DistanceAnnealing(runs: 4, stagnation: 0, reheat: 0.5)
        var restarts: [Int] = []
        for i in 0...1000 {
            let phase = Double(i) / 1000
            schedule.noteBest(at: phase)
            if schedule.restartsNow(at: phase) {
                restarts.append(i)
                XCTAssertEqual(schedule.temperature(at: phase, t0: t0, tf: tf), 0.5 * t0, accuracy: 1e-12)
            }
            let start = Double(restarts.last ?? 0) / 1000, hot = restarts.isEmpty ? t0 : 0.5 * t0
            XCTAssertEqual(schedule.temperature(at: phase, t0: t0, tf: tf), hot * pow(tf / hot, min(1, (phase - start) / 0.25)), accuracy: 1e-9)
        }
        XCTAssertEqual(restarts, [250, 500, 750])
    }

    func testStagnationEndsARunEarly() {
        var schedule = DistanceAnnealing(runs: 1, stagnation: 0.1, reheat: 1)
        var restarts: [Int] = []
        for i in 0...1000 {
            let phase = Double(i) / 1000
            if i < 305 { schedule.noteBest(at: phase) }     // improving until 0.304, then stuck
            if schedule.restartsNow(at: phase) { restarts.append(i) }
        }
        // Stuck from 0.304 on: a new run every tenth of the phase (from 0.404; one step later where
        // rounding puts the difference just below a tenth), each cooling to the end.
        XCTAssertEqual(restarts.count, 6, "\(restarts)")
        XCTAssertTrue(404...405 ~= restarts[0], "\(restarts)")
        for k in 1..<restarts.count { XCTAssertTrue(100...101 ~= restarts[k] - restarts[k - 1], "\(restarts)") }
    }
}
