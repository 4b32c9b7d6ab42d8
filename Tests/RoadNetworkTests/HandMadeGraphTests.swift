import DagrouteCore
import Foundation
@testable import RoadNetwork
import XCTest

/// Small graphs built by hand, where the right answer is known or checked by Dijkstra.
final class HandMadeGraphTests: XCTestCase {
    /// A position `east`, `north` metres from a reference point in the Netherlands.
    static func at(_ east: Double, _ north: Double) -> GeoPoint {
        let metresPerDegree = GeoPoint.earthRadiusMetres * Double.pi / 180
        return GeoPoint(lat: 52 + north / metresPerDegree, lon: 5 + east / (metresPerDegree * cos(52 * Double.pi / 180)))
    }

    static func segment(_ g: [GeoPoint], _ u: Int32, _ v: Int32, kmh: Double, forward: Bool = true, backward: Bool = true) -> RoadGraph.Segment {
        let w = PathWeight.driving(metres: g[Int(u)].greatCircleMetres(to: g[Int(v)]), kmh: kmh)
        return RoadGraph.Segment(from: u, to: v, forward: forward ? w : nil, backward: backward ? w : nil)
    }

    /// Node positions as nodes themselves (snapped exactly onto a node).
    static func nodePoints(_ g: RoadGraph, _ index: SegmentIndex) -> [SnappedPoint] {
        (0..<g.nodeCount).map { index.snap(g.position($0), radius: 1)! }
    }

    func assertHierarchyEqualsDijkstra(_ g: RoadGraph, _ points: [SnappedPoint], file: StaticString = #filePath, line: UInt = #line) {
        let ch = ContractionHierarchy(graph: g)
        for threads in [1, 3] {
            var got = [[UInt64]](repeating: [], count: points.count)
            ch.manyToMany(from: points, to: points, threads: threads) { i, w in got[i] = Array(w) }
            for (i, s) in points.enumerated() {
                let d = DijkstraOracle.distances(g, from: s.departures)
                for (j, t) in points.enumerated() {
                    XCTAssertEqual(got[i][j], DijkstraOracle.weight(g, from: s, to: t, distances: d), "\(i)→\(j)", file: file, line: line)
                }
            }
        }
    }

    func testOneWayStreetIsNotDrivenBackwards() {
        // 0 → 1 one-way (100 m); back from 1 to 0 only round 1 → 2 → 3 → 0 (400 m, two-way).
        let p = [Self.at(0, 0), Self.at(100, 0), Self.at(100, 100), Self.at(0, 100)]
        let g = RoadGraph(positions: p, segments: [
            Self.segment(p, 0, 1, kmh: 36, backward: false),
            Self.segment(p, 1, 2, kmh: 36), Self.segment(p, 2, 3, kmh: 36), Self.segment(p, 3, 0, kmh: 36),
        ])
        let index = SegmentIndex(g)
        let points = Self.nodePoints(g, index)
        let ch = ContractionHierarchy(graph: g)
        XCTAssertEqual(PathWeight.seconds(ch.query(from: points[0], to: points[1])), 10)   // 100 m at 10 m/s
        XCTAssertEqual(PathWeight.seconds(ch.query(from: points[1], to: points[0])), 30)   // round the block
        // Mid-segment: a quarter and three quarters along the one-way street.
        let a = index.snap(Self.at(25, 0), radius: 5)!, b = index.snap(Self.at(75, 0), radius: 5)!
        XCTAssertEqual(PathWeight.seconds(ch.query(from: a, to: b)), 5)
        XCTAssertEqual(PathWeight.seconds(ch.query(from: b, to: a)), 35)                  // 2.5 + 30 + 2.5
        XCTAssertEqual(PathWeight.metres(ch.query(from: b, to: a)), 350)
        assertHierarchyEqualsDijkstra(g, points + [a, b])
    }

    func testUnreachableIslandStaysUnreachable() {
        // Two separate squares; the hierarchy must not invent a connection.
        let p = [Self.at(0, 0), Self.at(100, 0), Self.at(100, 100), Self.at(5000, 0), Self.at(5100, 0)]
        let g = RoadGraph(positions: p, segments: [
            Self.segment(p, 0, 1, kmh: 50), Self.segment(p, 1, 2, kmh: 50), Self.segment(p, 3, 4, kmh: 50),
        ])
        let points = Self.nodePoints(g, SegmentIndex(g))
        let ch = ContractionHierarchy(graph: g)
        XCTAssertEqual(ch.query(from: points[0], to: points[4]), PathWeight.infinity)
        XCTAssertEqual(ch.query(from: points[4], to: points[2]), PathWeight.infinity)
        XCTAssertNotEqual(ch.query(from: points[3], to: points[4]), PathWeight.infinity)
        assertHierarchyEqualsDijkstra(g, points)
        // The largest strongly connected component drops the island.
        XCTAssertEqual(g.largestStronglyConnectedComponent().nodeCount, 3)
    }

    func testZeroLengthEdges() {
        // Nodes 1 and 2 share a position (a zero-length connector), as do 3 and 4.
        let p = [Self.at(0, 0), Self.at(200, 0), Self.at(200, 0), Self.at(400, 0), Self.at(400, 0), Self.at(400, 300)]
        let g = RoadGraph(positions: p, segments: [
            Self.segment(p, 0, 1, kmh: 50), Self.segment(p, 1, 2, kmh: 50), Self.segment(p, 2, 3, kmh: 50),
            Self.segment(p, 3, 4, kmh: 30, backward: false), Self.segment(p, 4, 5, kmh: 50), Self.segment(p, 5, 0, kmh: 20),
        ])
        XCTAssertEqual(g.weight.filter { $0 == 0 }.count, 3)
        let ch = ContractionHierarchy(graph: g)
        let points = Self.nodePoints(g, SegmentIndex(g))
        XCTAssertEqual(ch.query(from: points[1], to: points[2]), 0)
        XCTAssertEqual(PathWeight.metres(ch.query(from: points[0], to: points[3])), 400)
        assertHierarchyEqualsDijkstra(g, points)
    }

    func testCoincidentNodesAreBothUsable() {
        // Nodes 1 and 2 are drawn on the same spot but not joined (say, a bridge over a road).
        let p = [Self.at(0, 0), Self.at(200, 0), Self.at(200, 0), Self.at(200, 300)]
        let g = RoadGraph(positions: p, segments: [
            Self.segment(p, 0, 1, kmh: 36), Self.segment(p, 2, 3, kmh: 36, backward: false), Self.segment(p, 3, 0, kmh: 36),
        ])
        let index = SegmentIndex(g)
        let spot = index.snap(Self.at(200, 0), radius: 5)!, top = index.snap(p[3], radius: 1)!
        XCTAssertEqual(Set(spot.departures.filter { $0.weight == 0 }.map(\.node)), [1, 2])
        // Straight up the one-way road from node 2 (30 s), not round through node 0.
        XCTAssertEqual(PathWeight.seconds(ContractionHierarchy(graph: g).query(from: spot, to: top)), 30)
    }

    func testRandomGridEqualsDijkstra() {
        // A 9 × 9 grid with random speeds, random one-way streets and some missing streets.
        var rng = SeededGenerator(seed: 42)
        let side = 9
        let p = (0..<(side * side)).map { Self.at(Double($0 % side) * 150 + rng.nextUnit() * 40, Double($0 / side) * 150 + rng.nextUnit() * 40) }
        var segments: [RoadGraph.Segment] = []
        for u in 0..<(side * side) {
            for v in [u + 1, u + side] where v < side * side && (v != u + 1 || v % side != 0) {
                let roll = rng.nextUnit()
                if roll < 0.1 { continue }
                let kmh = [15.0, 30, 50, 80][Int(rng.next() % 4)]
                segments.append(Self.segment(p, Int32(u), Int32(v), kmh: kmh, forward: roll > 0.25, backward: roll < 0.25 || roll > 0.4))
            }
        }
        let g = RoadGraph(positions: p, segments: segments)
        let index = SegmentIndex(g)
        var points = Self.nodePoints(g, index)
        for _ in 0..<30 {
            points.append(index.snap(Self.at(rng.nextUnit() * 1300, rng.nextUnit() * 1300), radius: 400)!)
        }
        assertHierarchyEqualsDijkstra(g, points)
    }

    func testSameSegmentDirectDrive() {
        // A long two-way street: two points on it are connected along it, not via its ends.
        let p = [Self.at(0, 0), Self.at(1000, 0), Self.at(1000, 500), Self.at(0, 500)]
        let g = RoadGraph(positions: p, segments: [
            Self.segment(p, 0, 1, kmh: 36), Self.segment(p, 1, 2, kmh: 36), Self.segment(p, 2, 3, kmh: 36), Self.segment(p, 3, 0, kmh: 36),
        ])
        let index = SegmentIndex(g)
        let a = index.snap(Self.at(400, 10), radius: 50)!, b = index.snap(Self.at(600, -10), radius: 50)!
        XCTAssertEqual(a.snapMetres, 10, accuracy: 0.01)
        let ch = ContractionHierarchy(graph: g)
        XCTAssertEqual(PathWeight.seconds(ch.query(from: a, to: b)), 20)
        XCTAssertEqual(PathWeight.seconds(ch.query(from: b, to: a)), 20)
        XCTAssertNil(index.snap(Self.at(500, 300), radius: 100))
    }
}
