import DagrouteCore
@testable import Instance
import XCTest

final class SettingsFileTests: XCTestCase {
    func read(_ json: String) throws -> Instance {
        var files = Fixture.valid
        files["settings.json"] = json
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        return try InstanceReader.read(folder: dir)
    }

    func messages(_ json: String) -> [String] {
        do { _ = try read(json); return [] } catch DagrouteError.input(let ds) { return ds.map(\.description) } catch { return ["\(error)"] }
    }

    func testEmptyObjectGivesTheDocumentedDefaults() throws {
        XCTAssertEqual(try read("{}").settings, Settings())
        XCTAssertNil(try read(#"{"ride_time": {"cap_min": null}}"#).settings.rideTime.cap)
        XCTAssertEqual(Settings().rideTime.maxRide(direct: .minutes(10)), .minutes(25), "DOMAIN.md: direct + 15 min")
    }

    func testWrittenSettingsReadBackEqual() throws {
        let s = try RegionGenerator(clients: 30, seed: 2).generate().settings
        let text = SettingsCoding.encode(s).render()
        var positions: JSONPositions = [:]
        let sink = DiagnosticSink()
        let back = SettingsCoding.decode(try JSONNode.parse(Array(text.utf8), file: "settings.json"), sink: sink, positions: &positions)
        XCTAssertEqual(sink.items, [])
        XCTAssertEqual(back, s)
    }

    func testBadValuesAreReportedWithTheirPath() {
        XCTAssertEqual(messages("""
            {"ride_time": {"factor": 0.5}, "travel_time": {"detour_factor": 1.2, "speed_long_kmh": 10},
             "scenarios": [{"name": "a", "transport": "bus"}, {"name": "a", "reassign": "yes"}, {"description": "no name"},
                           {"name": "b", "open_locations": ["L1"], "capacity_changes": [{"location": "L2", "capacity": -1, "day": "someday"}]}]}
            """), [
            "settings.json:1:26: error [ride_time.factor]: expected a number from 1 to 10, found 0.5",
            "settings.json:1:88: error [travel_time.speed_long_kmh]: expected a number from 25 to 200, found 10",
            "settings.json:2:43: error [scenarios[0].transport]: expected \"pooled\" or \"per_provider\", found \"bus\"",
            "settings.json:2:60: error [scenarios[1].name]: expected a unique scenario name, found \"a\" again",
            "settings.json:2:77: error [scenarios[1].reassign]: expected true or false, found \"yes\"",
            "settings.json:2:85: error [scenarios[2].name]: expected a member \"name\", found none",
            "settings.json:3:49: error [scenarios[3].open_locations[0]]: expected a candidate or closed location to open, found open location \"L1\"",
            "settings.json:3:108: error [scenarios[3].capacity_changes[0].capacity]: expected a number from 0 to 100000, found -1",
            "settings.json:3:119: error [scenarios[3].capacity_changes[0].day]: expected a weekday (mon, tue, wed, thu, fri, sat, sun), found \"someday\"",
        ])
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertEqual(messages(deep), ["settings.json:1:65: error: expected at most 64 nested objects and lists, found more"])
    }
}
