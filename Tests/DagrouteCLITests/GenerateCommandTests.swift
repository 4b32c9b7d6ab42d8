import Foundation
import XCTest

final class GenerateCommandTests: XCTestCase {
    func temporaryFolder() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-generate-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testGeneratesTheCommittedDefaultInstanceByteForByte() throws {
        let dir = temporaryFolder()
        let r = try CLIRunner.run(["generate", "--clients", "600", "--seed", "1", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("600 clients, 27 locations, 8 providers"), r.stdout)
        for name in ["clients.csv", "locations.csv", "fleet.csv", "settings.json"] {
            let committed = try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Instances/gooi-en-vechtstreek/\(name)"))
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent(name)), committed, name)
        }
        XCTAssertEqual(try CLIRunner.run(["validate", dir.path]).status, 0)
    }

    func testRefusesANonEmptyFolderUnlessForced() throws {
        let dir = temporaryFolder()
        XCTAssertEqual(try CLIRunner.run(["generate", "--clients", "50", dir.path]).status, 0)
        let before = try Data(contentsOf: dir.appendingPathComponent("clients.csv"))
        let refused = try CLIRunner.run(["generate", "--clients", "50", "--seed", "2", dir.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("expected an empty or new folder, found 4 entries (use --force"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("clients.csv")), before, "nothing overwritten")
        let forced = try CLIRunner.run(["generate", "--clients", "50", "--seed", "2", "--force", dir.path])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertNotEqual(try Data(contentsOf: dir.appendingPathComponent("clients.csv")), before)
    }

    func testRejectsAnImpossibleClientCount() throws {
        let r = try CLIRunner.run(["generate", "--clients", "0", temporaryFolder().path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--clients must be from 1 to 100000"), r.stderr)
    }
}
