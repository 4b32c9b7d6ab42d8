import DagrouteCore
@testable import Instance
import XCTest

final class InstanceWriterTests: XCTestCase {
    /// Generated values → files → reader gives the same values back.
    func testWriteThenReadGivesTheSameInstance() throws {
        let original = try RegionGenerator(clients: 120, seed: 5).generate()
        let dir = try Fixture.folder([:])
        defer { Fixture.remove(dir) }
        try InstanceWriter.write(original, to: dir)
        let back = try InstanceReader.read(folder: dir)
        XCTAssertEqual(back.clients, original.clients)
        XCTAssertEqual(back.locations, original.locations)
        XCTAssertEqual(back.fleet, original.fleet)
        XCTAssertEqual(back.settings, original.settings)
        XCTAssertEqual(back.warnings, [])
    }

    /// A hand-written instance read and written again reads back to the same values, with the
    /// options the writer normalises (RD positions, `;`, Dutch days) turned into the canonical form.
    func testReadWriteReadIsStableForHandWrittenFiles() throws {
        let dir = try Fixture.folder(Fixture.valid)
        defer { Fixture.remove(dir) }
        let first = try InstanceReader.read(folder: dir)
        let out = try Fixture.folder([:])
        defer { Fixture.remove(out) }
        try InstanceWriter.write(first, to: out)
        let second = try InstanceReader.read(folder: out)
        XCTAssertEqual(second.clients.map(\.id), first.clients.map(\.id))
        for (a, b) in zip(first.clients, second.clients) {
            XCTAssertLessThan(a.position.greatCircleMetres(to: b.position), 0.1, "6 decimals ≈ 0.1 m")
            XCTAssertEqual(a.days, b.days); XCTAssertEqual(a.maxRide, b.maxRide); XCTAssertEqual(a.boarding, b.boarding)
            XCTAssertEqual(a.needsTransport, b.needsTransport)
        }
        XCTAssertEqual(second.locations, first.locations)
        XCTAssertEqual(second.fleet, first.fleet)
        XCTAssertEqual(second.settings, first.settings)
        let clients = try String(contentsOf: out.appendingPathComponent("clients.csv"), encoding: .utf8)
        XCTAssertTrue(clients.contains(",mon;fri,morning,"), clients)
        let locations = try String(contentsOf: out.appendingPathComponent("locations.csv"), encoding: .utf8)
        XCTAssertTrue(locations.contains("L1,\"Centrum, Hilversum\",p1,"), locations)
    }
}
