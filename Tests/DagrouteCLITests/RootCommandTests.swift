import XCTest

final class RootCommandTests: XCTestCase {
    func testVersionPrintsTheVersionAndExitsZero() throws {
        let r = try CLIRunner.run(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }

    func testHelpTeachesExitCodes() throws {
        let r = try CLIRunner.run(["--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("Exit codes"), r.stdout)
    }

    func testUnknownOptionIsAnInputErrorWithExitCode2() throws {
        let r = try CLIRunner.run(["--no-such-option"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no-such-option"), r.stderr)
    }
}
