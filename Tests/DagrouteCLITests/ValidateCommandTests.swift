import Foundation
import XCTest

final class ValidateCommandTests: XCTestCase {
    static let defaultInstance = CLIRunner.repositoryRoot.appendingPathComponent("Instances/gooi-en-vechtstreek")

    /// A copy of the default instance in a temporary folder, with `edit` applied to its files.
    func plantedCopy(_ edit: (inout [String: [String]]) -> Void) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var files: [String: [String]] = [:]
        for name in ["clients.csv", "locations.csv", "fleet.csv", "settings.json"] {
            files[name] = try String(contentsOf: Self.defaultInstance.appendingPathComponent(name), encoding: .utf8)
                .components(separatedBy: "\n")
        }
        edit(&files)
        for (name, lines) in files { try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent(name)) }
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Replaces field `column` (1-based) of line `line` (1-based) of a comma-separated file.
    static func setField(_ lines: inout [String], line: Int, column: Int, to value: String) {
        var fields = lines[line - 1].components(separatedBy: ",")
        fields[column - 1] = value
        lines[line - 1] = fields.joined(separator: ",")
    }

    func testDefaultInstanceIsValidAndSummarised() throws {
        let r = try CLIRunner.run(["validate", Self.defaultInstance.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "", "no warnings on the default instance")
        XCTAssertTrue(r.stdout.contains("valid"), r.stdout)
        XCTAssertTrue(r.stdout.contains("clients: 600"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Hilversum 203"), r.stdout)
        XCTAssertTrue(r.stdout.contains("locations: 25 open, 0 closed, 2 candidate; 8 providers"), r.stdout)
        XCTAssertTrue(r.stdout.contains("mon morning"), r.stdout)
        XCTAssertTrue(r.stdout.contains("scenarios: close-L03, exit-vechtstroom, strict-ride, open-L26"), r.stdout)
    }

    func testJSONSummaryOfAValidInstance() throws {
        let r = try CLIRunner.run(["validate", Self.defaultInstance.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["valid"] as? Bool, true)
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["clients"] as? Int, 600)
        XCTAssertEqual(summary["open_locations"] as? Int, 25)
    }

    /// Issue 2's done-when: five planted errors, all named with exact line and column, exit 2.
    func testFivePlantedErrorsAreAllNamedWithExactLineAndColumn() throws {
        let dir = try plantedCopy { files in
            Self.setField(&files["locations.csv"]!, line: 4, column: 6, to: "2x")          // bad number (capacity)
            Self.setField(&files["clients.csv"]!, line: 6, column: 8, to: "mon;frd")      // unknown day
            Self.setField(&files["clients.csv"]!, line: 10, column: 11, to: "L99")        // unknown location id
            Self.setField(&files["clients.csv"]!, line: 13, column: 1, to: "C0002")       // duplicate client id
            files["fleet.csv"] = files["fleet.csv"]!.map { line in                        // missing column (seats)
                var f = line.components(separatedBy: ","); if f.count > 2 { f.remove(at: 2) }; return f.joined(separator: ",")
            }
        }
        let r = try CLIRunner.run(["validate", dir.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr.split(separator: "\n").map(String.init), [
            "clients.csv:6:8: error [days]: expected weekdays such as mon;wed;fri (mon, tue, wed, thu, fri, sat, sun), found unknown day \"frd\"",
            "clients.csv:10:11: error [current_location]: expected a location id from locations.csv, found \"L99\"",
            "clients.csv:13:1: error [id]: expected a unique client id, found \"C0002\" again (first on line 3)",
            "locations.csv:4:6: error [capacity]: expected a whole number, found \"2x\"",
            "fleet.csv:1: error [seats]: expected a column \"seats\" in the header, found none (header: id,count,wheelchair_places,depot,depot_lat,depot_lon,provider,cost_per_hour,cost_per_km,fixed_cost_per_day,max_shift_min)",
        ])
    }

    func testErrorsAsJSONObjects() throws {
        let dir = try plantedCopy { files in
            Self.setField(&files["clients.csv"]!, line: 2, column: 9, to: "evening")
            Self.setField(&files["locations.csv"]!, line: 2, column: 16, to: "25:61")
        }
        let r = try CLIRunner.run(["validate", "--format", "json", dir.path])
        XCTAssertEqual(r.status, 2)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let error = try XCTUnwrap(object["error"] as? [String: Any])
        XCTAssertEqual(error["kind"] as? String, "input")
        XCTAssertEqual(error["exit_code"] as? Int, 2)
        let diagnostics = try XCTUnwrap(error["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!)" }, ["clients.csv:2:9", "locations.csv:2:16"])
        XCTAssertEqual(diagnostics.map { $0["message"] as? String }, [
            "expected one of morning, afternoon, day, found \"evening\"",
            "expected a time HH:MM (00:00 to 23:59), found \"25:61\"",
        ])
    }

    func testWarningsGoToStderrAndDoNotFail() throws {
        let dir = try plantedCopy { files in
            Self.setField(&files["clients.csv"]!, line: 2, column: 2, to: "48.850000")
            Self.setField(&files["clients.csv"]!, line: 2, column: 3, to: "2.350000")
        }
        let r = try CLIRunner.run(["validate", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "clients.csv:2:2: warning [lat]: expected a position in the Netherlands (lat 50.75–53.7, lon 3.2–7.25), found (48.850000, 2.350000)\n")
        XCTAssertTrue(r.stdout.contains("warnings: 1"), r.stdout)
    }

    func testHelpShowsEveryFileHeader() throws {
        let r = try CLIRunner.run(["validate", "--help"])
        XCTAssertEqual(r.status, 0)
        for header in ["id,lat,lon,municipality,target_group", "id,name,provider,lat,lon,capacity",
                       "id,count,seats,wheelchair_places,depot", "\"ride_time\""] {
            XCTAssertTrue(r.stdout.contains(header), header)
        }
    }
}
