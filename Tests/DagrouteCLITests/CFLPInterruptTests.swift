import Foundation
import XCTest

extension LimitsTests {
    /// capa (100 × 1,000 CFLP) interrupted after 8 s — reading and building the model take about 4 s
    /// in a debug build, the root LP and its cut rounds well over a minute — so GLPK is in the
    /// simplex, which has no callback (it runs in short slices that poll Ctrl-C): exit 130 within
    /// a few seconds, one JSON object, no optimality claimed.
    func testInterruptedCFLPStopsDuringTheRootLP() throws {
        let capa = Self.shared.appendingPathComponent("cflp/orlib/capa.txt")
        let started = Date()
        let r = try runInterrupted(["solve", capa.path, "--format", "orlib-cap", "--capacity", "8000", "--time-limit", "600", "--json"],
                                   afterSeconds: 8)
        let wall = Date().timeIntervalSince(started)
        XCTAssertEqual(r.status, 130, r.stderr)
        XCTAssertLessThan(wall, 8 + 3, "stopped \(wall - 8) s after Ctrl-C")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout)
        XCTAssertNotEqual(json["status"] as? String, "optimal")
        XCTAssertEqual(json["instance"] as? String, "capa@capacity=8000")
    }
}
