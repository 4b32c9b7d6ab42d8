import DagrouteCore
import Foundation
import Instance
import Routing
import XCTest
@testable import Scenario

/// Warm starts across weekdays: the solving order of the days, which wave starts from which
/// day's plan (against a brute-force choice), and determinism of a run that uses them.
final class CrossDayWarmStartTests: XCTestCase {
    /// Jobs of the small region for every weekday: pooled `morning-in` and `afternoon-out`, and
    /// one provider's `morning-in`, in the runner's solving order.
    private func jobs() throws -> [ScenarioRunner.Job] {
        let instance = Fixture.small, table = TravelTable(instance)
        let spec = ScenarioCatalog.pooled
        let assignment = try CareAssignmentBuilder.solve(instance, spec, table: table, timeLimit: 30, gap: 0)
        let provider = try XCTUnwrap(instance.providers.first)
        var jobs: [ScenarioRunner.Job] = []
        for day in Weekday.workingDays {
            for (wave, owner) in [(TripWave.morningIn, nil), (.afternoonOut, nil), (.morningIn, provider)] as [(TripWave, String?)] {
                let rides = WaveProblem.rides(instance, assignment, spec, table, day: day, wave: wave) {
                    owner == nil || instance.locations[$0].provider == owner
                }
                if rides.isEmpty { continue }
                jobs.append(ScenarioRunner.Job(scenario: 0, provider: owner,
                                               problem: try WaveProblem(instance, table, day: day, wave: wave, rides: rides, rows: Array(instance.fleet.indices)),
                                               label: "\(day.rawValue) \(wave.rawValue) \(owner ?? "pool")"))
            }
        }
        let days = ScenarioRunner.dayOrder(jobs, Weekday.workingDays)
        return jobs.enumerated().sorted { (days.firstIndex(of: $0.element.problem.day)!, $0.offset) < (days.firstIndex(of: $1.element.problem.day)!, $1.offset) }.map(\.element)
    }

    func testDaysWithMostRidesComeFirst() throws {
        let jobs = try jobs()
        let days = ScenarioRunner.dayOrder(jobs, Weekday.workingDays)
        XCTAssertEqual(Set(days), Set(Weekday.workingDays))
        let rides = { (d: Weekday) in jobs.filter { $0.problem.day == d }.reduce(0) { $0 + $1.problem.rides.count } }
        for (a, b) in zip(days, days.dropFirst()) {
            XCTAssertTrue(rides(a) > rides(b) || (rides(a) == rides(b) && Weekday.workingDays.firstIndex(of: a)! < Weekday.workingDays.firstIndex(of: b)!))
        }
    }

    /// The base of every job equals the brute-force choice: over all earlier jobs of the pooled
    /// `morning-in` on another day, the one sharing the largest share of rides (by client,
    /// direction, location and ride limit, counted here without `shareOfSameRides`), at least
    /// half, the earliest on ties.
    func testBaseIsTheMostSimilarEarlierDay() throws {
        let jobs = try jobs()
        func share(_ a: WaveProblem, _ b: WaveProblem) -> Double {
            let theirs = b.rides.map { "\($0.client)/\($0.inbound)/\($0.location)/\($0.limit)" }
            let same = a.rides.filter { theirs.contains("\($0.client)/\($0.inbound)/\($0.location)/\($0.limit)") }.count
            return Double(same) / Double(a.rides.count)
        }
        var withBase = 0
        for j in jobs.indices {
            var expected: Int?
            if jobs[j].provider == nil && jobs[j].problem.wave == .morningIn {
                var best = -1.0
                for i in 0..<j where jobs[i].provider == nil && jobs[i].problem.wave == .morningIn && jobs[i].problem.day != jobs[j].problem.day {
                    let s = share(jobs[j].problem, jobs[i].problem)
                    if s >= 0.5 && s > best { best = s; expected = i }
                }
            }
            let base = ScenarioRunner.crossDayBase(of: j, in: jobs)
            XCTAssertEqual(base, expected, jobs[j].label)
            if let base { XCTAssertLessThan(base, j); withBase += 1 }
        }
        XCTAssertGreaterThan(withBase, 0, "no wave starts from another day: the choice is not exercised")
    }

    /// With cross-day bases the plans are the same for a seed on one and two threads (a wave waits
    /// for its base day), and every ride is planned or reported unrouted.
    func testRunAcrossDaysIsTheSameOnOneAndTwoThreads() throws {
        let instance = Fixture.small
        var options = Fixture.options
        options.days = [.mon, .tue, .wed]
        let scenarios = [ScenarioCatalog.pooled]
        let mornings = try jobs().filter { $0.provider == nil && $0.problem.wave == .morningIn && options.days.contains($0.problem.day) }
        XCTAssertTrue(mornings.contains { a in mornings.contains { b in a.problem.day != b.problem.day && a.problem.shareOfSameRides(as: b.problem) >= ScenarioRunner.crossDayShare } },
                      "no two of the days share enough rides: the run has no cross-day warm start")
        let a = try ScenarioRunner.run(instance, scenarios: scenarios, options: options)
        options.threads = 1
        let b = try ScenarioRunner.run(instance, scenarios: scenarios, options: options)
        XCTAssertEqual(ScenarioWriters.routesCSV(a[0].days), ScenarioWriters.routesCSV(b[0].days))
        let table = TravelTable(instance)
        for day in a[0].days {
            for wave in day.waves {
                let rides = WaveProblem.rides(instance, a[0].assignment, scenarios[0], table, day: day.day, wave: wave.wave) { _ in true }
                XCTAssertEqual(wave.rides.count + wave.unrouted.count, rides.count, "\(day.day) \(wave.wave)")
            }
        }
    }
}
