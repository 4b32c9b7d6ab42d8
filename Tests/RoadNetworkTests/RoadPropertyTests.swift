import DagrouteCore
import Foundation
@testable import RoadNetwork
import XCTest

/// Properties every road matrix must have, on the real Liechtenstein extract.
final class RoadPropertyTests: XCTestCase {
    static let liechtenstein: (RoadGraph, ContractionHierarchy, SegmentIndex)? = try? RealExtractTests.load("liechtenstein-latest.osm.pbf")

    func testRoadDistanceIsAtLeastGreatCircleAndTriangleInequalityHolds() throws {
        let (g, ch, index) = try XCTUnwrap(Self.liechtenstein)
        var rng = SeededGenerator(seed: 9)
        // Random positions anywhere in the country's bounding box that have a road within 1 km.
        var points: [(GeoPoint, SnappedPoint)] = []
        while points.count < 40 {
            let p = GeoPoint(lat: 47.05 + 0.22 * rng.nextUnit(), lon: 9.47 + 0.17 * rng.nextUnit())
            if let s = index.snap(p, radius: 1000) { points.append((p, s)) }
        }
        let snapped = points.map(\.1)
        var w = [[UInt64]](repeating: [], count: points.count)
        ch.manyToMany(from: snapped, to: snapped, threads: 2) { i, row in w[i] = Array(row) }
        for i in points.indices {
            XCTAssertEqual(PathWeight.milliseconds(w[i][i]), 0)
            for j in points.indices {
                XCTAssertNotEqual(w[i][j], PathWeight.infinity)
                let metres = Double(PathWeight.centimetres(w[i][j])) / 100
                let floor = points[i].0.greatCircleMetres(to: points[j].0) - points[i].1.snapMetres - points[j].1.snapMetres
                // Edge lengths are rounded to whole centimetres: allow a metre over a path.
                XCTAssertGreaterThanOrEqual(metres + 1, floor, "\(i)→\(j)")
            }
        }
        for _ in 0..<2000 {
            let a = Int(rng.next() % 40), b = Int(rng.next() % 40), c = Int(rng.next() % 40)
            // Exact in the packed weight: going via b is a path from a to c.
            XCTAssertLessThanOrEqual(PathWeight.milliseconds(w[a][c]), PathWeight.milliseconds(w[a][b]) + PathWeight.milliseconds(w[b][c]))
            XCTAssertLessThanOrEqual(w[a][c], w[a][b] + w[b][c])
        }
        _ = g
    }

    func testOneWayStreetsAreNotDrivenBackwards() throws {
        let (g, ch, index) = try XCTUnwrap(Self.liechtenstein)
        let oneWays = g.segments.enumerated().filter { $0.element.forward != nil && $0.element.backward == nil
            && g.position(Int($0.element.from)).greatCircleMetres(to: g.position(Int($0.element.to))) > 30 }
        XCTAssertGreaterThan(oneWays.count, 10)
        var checked = 0
        for (k, s) in oneWays.prefix(40) {
            let a = g.position(Int(s.from)), b = g.position(Int(s.to))
            func along(_ f: Double) -> SnappedPoint {
                let p = GeoPoint(lat: a.lat + f * (b.lat - a.lat), lon: a.lon + f * (b.lon - a.lon))
                return index.snap(p, radius: 1)!
            }
            let early = along(0.25), late = along(0.75)
            guard early.segment == k, late.segment == k else { continue }   // another road crosses here
            let forward = ch.query(from: early, to: late)
            let backward = ch.query(from: late, to: early)
            // Forward along the street; backward only by leaving at its end and coming round.
            XCTAssertEqual(forward, early.direct(to: late))
            XCTAssertNil(late.direct(to: early))
            let round = DijkstraOracle.distances(g, from: [.init(node: s.to, weight: 0)])[Int(s.from)]
            XCTAssertEqual(backward, late.departures[0].weight + round + early.arrivals[0].weight, "segment \(k)")
            XCTAssertGreaterThan(PathWeight.milliseconds(backward), PathWeight.milliseconds(s.forward!) / 2)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 10)
    }
}
