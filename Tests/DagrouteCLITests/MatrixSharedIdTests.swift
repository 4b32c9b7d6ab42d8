import Foundation
import XCTest

/// `dagroute matrix <instance>` with a client id that is also a location id: exit 2 naming
/// clients.csv, the client's line and the id column.
final class MatrixSharedIdTests: XCTestCase {
    func testSharedIdNamesFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-shared-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try CLIRunner.run(["generate", "--clients", "12", "--seed", "3", folder.path]).status, 0)
        let clientsURL = folder.appendingPathComponent("clients.csv")
        var lines = try String(contentsOf: clientsURL, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        let idColumn = try XCTUnwrap(header.firstIndex(of: "id"))
        let locations = try String(contentsOf: folder.appendingPathComponent("locations.csv"), encoding: .utf8)
            .components(separatedBy: "\n")
        let locationId = try XCTUnwrap(locations.dropFirst().first?.components(separatedBy: ",").first)
        // The fifth client (line 6) takes the first location's id.
        var fields = lines[5].components(separatedBy: ",")
        fields[idColumn] = locationId
        lines[5] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: clientsURL, atomically: true, encoding: .utf8)

        let r = try CLIRunner.run(["matrix", folder.path, "--out", folder.appendingPathComponent("m.csv").path])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("clients.csv:6:\(idColumn + 1)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("found \(locationId) in both"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.csv").path))
    }
}
