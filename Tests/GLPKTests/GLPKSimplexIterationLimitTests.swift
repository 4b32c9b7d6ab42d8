import Dispatch
import Foundation
import Formats
import GLPK
import SharedInstances
import XCTest

/// `solveMIP(_:simplexIterationLimit:)`: branch-and-cut stops on a budget of simplex iterations,
/// long before its time limit and before the optimum, at the same point whatever the machine's
/// load (the routing's set-partitioning solves under an iteration budget rely on it).
final class GLPKSimplexIterationLimitTests: XCTestCase {
    func testSearchStopsOnTheBudgetAtTheSamePointUnderLoad() throws {
        // gapd#1 (5 agents × 100 jobs) is far from solved by GLPK within the budget; no presolve,
        // as in the routing.
        let p = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gapd.txt"))[0]
        let gap = try GAPModel(p, sense: .minimize)
        let parameters = MIPParameters(timeLimit: 600, presolve: false)
        let started = Date()
        let first = try gap.model.solveMIP(parameters, simplexIterationLimit: Self.budget)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "stopped by the budget, not the time limit")
        XCTAssertNotEqual(first.status, .optimal)
        // Again while two other threads keep the cores busy: the same stop, the same point.
        let done = Flag(), busy = DispatchGroup()
        for _ in 0..<2 { DispatchQueue.global().async(group: busy) { var x = 1.0; while !done.isSet { x = x * 1.000001 + 1e-9 }; _ = x } }
        let loaded = try gap.model.solveMIP(parameters, simplexIterationLimit: Self.budget)
        done.set(); busy.wait()
        XCTAssertEqual(loaded.status, first.status)
        XCTAssertEqual(loaded.values, first.values)
        XCTAssertEqual(loaded.objective, first.objective)
        // A larger budget goes further: its incumbent is no worse.
        let longer = try gap.model.solveMIP(parameters, simplexIterationLimit: 4 * Self.budget)
        if let a = first.objective { XCTAssertLessThanOrEqual(try XCTUnwrap(longer.objective), a) }
    }

    static let budget = 3_000

    /// A flag shared with the load threads.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock(); private var v = false
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return v }
        func set() { lock.lock(); v = true; lock.unlock() }
    }
}
