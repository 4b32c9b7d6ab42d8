import DagrouteCore
import Foundation
@testable import RoadNetwork
import XCTest

/// The real OpenStreetMap extracts in ../shared/instances/osm.
final class RealExtractTests: XCTestCase {
    static let osmFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/instances/osm")

    static func load(_ name: String) throws -> (RoadGraph, ContractionHierarchy, SegmentIndex) {
        let osm = try OSMExtract.read(osmFolder.appendingPathComponent(name), threads: 2)
        let g = try RoadGraph(extract: osm)
        return (g, ContractionHierarchy(graph: g), SegmentIndex(g))
    }

    /// Random positions near random graph nodes (within about 300 m), snapped.
    static func snappedPoints(_ g: RoadGraph, _ index: SegmentIndex, count: Int, seed: UInt64) -> [SnappedPoint] {
        var rng = SeededGenerator(seed: seed)
        var out: [SnappedPoint] = []
        while out.count < count {
            let u = Int(rng.next() % UInt64(g.nodeCount))
            let p = GeoPoint(lat: g.latitudes[u] + (rng.nextUnit() - 0.5) * 0.005, lon: g.longitudes[u] + (rng.nextUnit() - 0.5) * 0.007)
            if let s = index.snap(p, radius: 1000) { out.append(s) }
        }
        return out
    }

    func checkAgainstDijkstra(_ name: String, sources: Int, targets: Int) throws {
        let (g, ch, index) = try Self.load(name)
        let from = Self.snappedPoints(g, index, count: sources, seed: 1)
        let to = Self.snappedPoints(g, index, count: targets, seed: 2)
        var got = [[UInt64]](repeating: [], count: sources)
        ch.manyToMany(from: from, to: to, threads: 2) { i, w in got[i] = Array(w) }
        var compared = 0
        for i in 0..<sources {
            let d = DijkstraOracle.distances(g, from: from[i].departures)
            for j in 0..<targets {
                let want = DijkstraOracle.weight(g, from: from[i], to: to[j], distances: d)
                XCTAssertNotEqual(want, PathWeight.infinity, "the strongly connected graph reaches every point")
                XCTAssertEqual(got[i][j], want, "\(name) pair \(i)→\(j)")
                compared += 1
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 500)
    }

    func testAmsterdamHierarchyEqualsDijkstra() throws {
        try checkAgainstDijkstra("amsterdam.osm.pbf", sources: 25, targets: 25)
    }

    func testLiechtensteinHierarchyEqualsDijkstra() throws {
        try checkAgainstDijkstra("liechtenstein-latest.osm.pbf", sources: 20, targets: 30)
    }
}
