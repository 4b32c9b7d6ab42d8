import Foundation
import XCTest

final class AssignCommandTests: XCTestCase {
    static let defaultInstance = CLIRunner.repositoryRoot.appendingPathComponent("Instances/gooi-en-vechtstreek")

    func testCloseL03MovesItsClientsAndWritesAssignment() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-assign-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let r = try CLIRunner.run(["assign", Self.defaultInstance.path, "--scenario", "close-L03", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Load / capacity"), r.stdout)
        XCTAssertFalse(r.stdout.contains("\nL03 "), "closed location not listed")
        XCTAssertTrue(r.stdout.contains("Moved clients:"), r.stdout)
        let rows = try String(contentsOf: out.appendingPathComponent("assignment.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.count, 601)
        XCTAssertEqual(rows[0], "client_id,provider,current_location,location,moved,status,reason,direct_min,direct_km")
        for row in rows.dropFirst() {
            let f = row.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertNotEqual(f[3], "L03")
            if f[2] == "L03" && f[5] == "placed" { XCTAssertEqual(f[4], "1") }
        }
    }

    func testWaitingListIsExitZeroWithWarning() throws {
        // Every location at capacity 1 on every day: most clients wait.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-assign-tight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for name in ["clients.csv", "locations.csv", "fleet.csv"] {
            try FileManager.default.copyItem(at: Self.defaultInstance.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let ids = try String(contentsOf: dir.appendingPathComponent("locations.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",")[0]) }
        let changes = ids.map { "{\"location\": \"\($0)\", \"capacity\": 1}" }.joined(separator: ", ")
        try Data("{\"scenarios\": [{\"name\": \"tight\", \"capacity_changes\": [\(changes)]}]}".utf8).write(to: dir.appendingPathComponent("settings.json"))
        let r = try CLIRunner.run(["assign", dir.path, "--scenario", "tight", "--time-limit", "3", "--out", dir.appendingPathComponent("out").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("waiting list"), r.stderr)
        XCTAssertTrue(r.stdout.contains("capacity_exhausted"), r.stdout)
    }

    func testUnknownScenarioIsAnInputError() throws {
        let r = try CLIRunner.run(["assign", Self.defaultInstance.path, "--scenario", "nope"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--scenario"), r.stderr)
    }
}
