import DagrouteCore
import Foundation
import RoadNetwork
import TravelMatrix
import XCTest

final class RoadSourceTests: XCTestCase {
    static let liechtenstein = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/instances/osm/liechtenstein-latest.osm.pbf")

    func testBitIdenticalWhateverTheThreadCountAndNeverShorterThanGreatCircle() throws {
        let source = try RoadSource(extract: Self.liechtenstein, threads: 2)
        var rng = SeededGenerator(seed: 12)
        // Within about 150 m of random road nodes (the extract's roads do not cover every hillside).
        let points = (0..<60).map { k in
            let node = source.graph.position(Int(rng.next() % UInt64(source.graph.nodeCount)))
            return MatrixPoint(id: "p\(k)", position: GeoPoint(lat: node.lat + (rng.nextUnit() - 0.5) * 0.002,
                                                               lon: node.lon + (rng.nextUnit() - 0.5) * 0.003))
        }
        let one = try source.matrix(from: points, to: points, threads: 1, progress: .silent)
        for threads in [2, 3] {
            XCTAssertEqual(try source.matrix(from: points, to: points, threads: threads, progress: .silent), one)
        }
        // Rows and columns may differ: a sub-matrix equals the corresponding block.
        let block = try source.matrix(from: Array(points[10..<20]), to: Array(points[30..<45]), threads: 2, progress: .silent)
        for i in 0..<10 { for j in 0..<15 { XCTAssertEqual(block.seconds(i, j), one.seconds(10 + i, 30 + j)) } }
        let snaps = try source.snap(points)
        for i in points.indices {
            XCTAssertEqual(one.seconds(i, i), Seconds(0))
            for j in points.indices where i != j {
                let gc = points[i].position.greatCircleMetres(to: points[j].position)
                XCTAssertGreaterThanOrEqual(Double(one.metres(i, j)!.value) + 1, gc - snaps[i].snapMetres - snaps[j].snapMetres)
            }
        }
    }

    func testPointsOutOfReachAreNamed() throws {
        let source = try RoadSource(extract: Self.liechtenstein, snapRadiusMetres: 200)
        let points = [MatrixPoint(id: "ok", position: GeoPoint(lat: 47.1410, lon: 9.5215)),
                      MatrixPoint(id: "lake", position: GeoPoint(lat: 47.6, lon: 9.4)),
                      MatrixPoint(id: "alps", position: GeoPoint(lat: 46.9, lon: 9.6))]
        XCTAssertThrowsError(try source.matrix(from: points, to: points, threads: 1, progress: .silent)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ds.map(\.field), ["lake", "alps"])
            XCTAssertTrue(ds[0].message.contains("within 200 m of point lake"), ds[0].message)
        }
    }
}
