import DagrouteCore
import Foundation
import XCTest

final class CoreValueTests: XCTestCase {
    func testSeededGeneratorIsDeterministicAndUniformEnough() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xa = (0..<100).map { _ in a.next() }
        XCTAssertEqual(xa, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(xa, (0..<100).map { _ in c.next() })
        var g = SeededGenerator(seed: 7)
        let mean = (0..<100_000).map { _ in g.nextUnit() }.reduce(0, +) / 100_000
        XCTAssertEqual(mean, 0.5, accuracy: 0.01)
    }

    func testGreatCircleHilversumToBussum() {
        // Independent value: spherical law of cosines with the same radius.
        let h = GeoPoint(lat: 52.224, lon: 5.176), b = GeoPoint(lat: 52.274, lon: 5.161)
        let r = Double.pi / 180
        let cosC = sin(h.lat * r) * sin(b.lat * r) + cos(h.lat * r) * cos(b.lat * r) * cos((b.lon - h.lon) * r)
        XCTAssertEqual(h.greatCircleMetres(to: b), acos(cosC) * GeoPoint.earthRadiusMetres, accuracy: 0.01)
        XCTAssertEqual(h.greatCircleMetres(to: h), 0)
    }

    func testEuroCentsFormatting() {
        XCTAssertEqual(EuroCents(euros: 8.2).description, "€ 8.20")
        XCTAssertEqual(EuroCents(-5).description, "-€ 0.05")
    }

    func testAtomicWriteReplacesWholeFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out/x.txt")
        try AtomicFile.write("first", to: url)
        try AtomicFile.write("second", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["x.txt"])
    }
}
