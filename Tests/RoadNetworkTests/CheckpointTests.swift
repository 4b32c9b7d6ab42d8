import DagrouteCore
import Foundation
@testable import RoadNetwork
import XCTest

/// The checkpoints through which Ctrl-C stops the contraction and the many-to-many searches.
final class CheckpointTests: XCTestCase {
    struct Stop: Error {}

    /// Counts calls and throws from the `limit`-th on (and keeps throwing, as a cancellation does).
    final class Countdown: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var calls = 0
        let limit: Int
        init(limit: Int) { self.limit = limit }
        func check() throws {
            let n = lock.withLock { calls += 1; return calls }
            if n >= limit { throw Stop() }
        }
    }

    func testContractionStopsAtTheCheckpoint() throws {
        let osm = try OSMExtract.read(RealExtractTests.osmFolder.appendingPathComponent("liechtenstein-latest.osm.pbf"), threads: 2)
        let graph = try RoadGraph(extract: osm)
        let countdown = Countdown(limit: 3)
        XCTAssertThrowsError(try ContractionHierarchy(graph: graph, checkpoint: countdown.check)) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(countdown.calls, 3)
        // A checkpoint that never throws is asked once per 1,024 nodes and the build completes.
        let passing = Countdown(limit: .max)
        let built = try ContractionHierarchy(graph: graph, checkpoint: passing.check)
        XCTAssertEqual(built.nodeCount, graph.nodeCount)
        XCTAssertEqual(passing.calls, (graph.nodeCount + 1023) / 1024)
    }

    func testManyToManyStopsAtTheCheckpointWithoutFurtherRows() throws {
        let (g, ch, index) = try RealExtractTests.load("liechtenstein-latest.osm.pbf")
        let points = RealExtractTests.snappedPoints(g, index, count: 200, seed: 8)
        for threads in [1, 2] {
            // Backward searches (200 targets in blocks of 16) pass; the 3rd block of sources stops it.
            let countdown = Countdown(limit: 13 + 3), rows = Countdown(limit: .max)
            XCTAssertThrowsError(try ch.manyToMany(from: points, to: points, threads: threads, checkpoint: countdown.check) { _, _ in
                try? rows.check()
            }) { XCTAssertTrue($0 is Stop) }
            // Two blocks of 8 sources passed their checkpoint; nothing after the failed one.
            XCTAssertLessThanOrEqual(rows.calls, 16, "threads \(threads)")
            // Stopped in the backward searches: no row at all.
            let none = Countdown(limit: .max)
            XCTAssertThrowsError(try ch.manyToMany(from: points, to: points, threads: threads,
                                                   checkpoint: Countdown(limit: 2).check) { _, _ in try? none.check() })
            XCTAssertEqual(none.calls, 0)
        }
    }
}
