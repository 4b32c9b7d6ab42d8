import DagrouteCore
import Foundation
@testable import RoadNetwork
import XCTest

final class HierarchyCacheTests: XCTestCase {
    func testRoundTripAnswersLikeTheOriginalAndDamageIsRejected() throws {
        let data = try Data(contentsOf: PBFErrorTests.liechtenstein)
        let graph = try RoadGraph(extract: OSMExtract.decode(data, file: "li.osm.pbf"))
        let ch = ContractionHierarchy(graph: graph)
        let key = HierarchyCache.key(extractBytes: data)
        let file = HierarchyCache.encode(ch, key: key)
        let back = try XCTUnwrap(HierarchyCache.decode(file, key: key, graph: graph))
        XCTAssertEqual(back.rank, ch.rank)
        XCTAssertEqual(back.shortcutCount, ch.shortcutCount)
        let index = SegmentIndex(graph)
        let points = RealExtractTests.snappedPoints(graph, index, count: 30, seed: 4)
        var a: [[UInt64]] = Array(repeating: [], count: 30), b = a
        ch.manyToMany(from: points, to: points, threads: 1) { a[$0] = Array($1) }
        back.manyToMany(from: points, to: points, threads: 2) { b[$0] = Array($1) }
        XCTAssertEqual(a, b)
        // Another extract (key), a truncated file or a single changed byte: not used.
        XCTAssertNil(HierarchyCache.decode(file, key: key &+ 1, graph: graph))
        XCTAssertNil(HierarchyCache.decode(file.prefix(file.count / 2), key: key, graph: graph))
        for offset in [5, 40, file.count / 2, file.count - 20] {
            var damaged = file
            damaged[offset] ^= 0x10
            XCTAssertNil(HierarchyCache.decode(damaged, key: key, graph: graph), "byte \(offset)")
        }
        XCTAssertNotEqual(key, HierarchyCache.key(extractBytes: data.prefix(data.count - 1)))
    }
}
