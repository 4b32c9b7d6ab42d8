import DagrouteCore
@testable import Instance
import XCTest

final class InstanceReaderTests: XCTestCase {
    func testReadsAValidInstanceWithEveryFormatOption() throws {
        let dir = try Fixture.folder(Fixture.valid)
        defer { Fixture.remove(dir) }
        let i = try InstanceReader.read(folder: dir)
        XCTAssertEqual(i.warnings, [])
        XCTAssertEqual(i.clients.map(\.id), ["A1", "A2"])
        let a1 = i.clients[0], a2 = i.clients[1]
        XCTAssertEqual(a1.position, GeoPoint(lat: 52.224, lon: 5.176))
        XCTAssertEqual(a1.days, [.mon, .wed])
        XCTAssertEqual(a1.dayPart, .day)
        XCTAssertFalse(a1.needsTransport)
        XCTAssertNil(a1.maxRide)
        // RD (141000, 470000) → pyproj reference (52.217910017, 5.182339364).
        XCTAssertLessThan(a2.position.greatCircleMetres(to: GeoPoint(lat: 52.217910017, lon: 5.182339364)), 0.05)
        XCTAssertEqual(a2.days, [.mon, .fri])
        XCTAssertTrue(a2.wheelchair)
        XCTAssertTrue(a2.needsTransport, "needs_transport defaults to 1")
        XCTAssertEqual(a2.maxRide, Seconds(2700))
        XCTAssertEqual(a2.boarding, Seconds(270), "4,5 minutes with a decimal comma")
        XCTAssertEqual(a2.product, .extra)

        let l1 = try XCTUnwrap(i.location(id: "L1"))
        XCTAssertEqual(l1.name, "Centrum, Hilversum")
        XCTAssertEqual(l1.capacity(on: .mon), 12)
        XCTAssertEqual(l1.capacity(on: .fri), 6)
        XCTAssertEqual(l1.targetGroups, [.pg, .vg])
        XCTAssertEqual(l1.fixedCostPerDay, EuroCents(25050))
        XCTAssertEqual(l1.start.description, "09:30")
        XCTAssertEqual(i.location(id: "L2")?.status, .candidate)
        XCTAssertEqual(i.providers, ["p1"])

        XCTAssertEqual(i.fleet.map(\.id), ["van", "pool"])
        XCTAssertEqual(i.fleet[0].depot, .location("L1"))
        XCTAssertEqual(i.depotPosition(of: i.fleet[0]), l1.position)
        XCTAssertNil(i.fleet[1].provider)
        XCTAssertEqual(i.fleet[1].depot, .position(GeoPoint(lat: 52.238, lon: 5.193)))
        XCTAssertEqual(i.fleet[1].costPerHour, EuroCents(3650))
        XCTAssertEqual(i.fleet[1].costPerKm, EuroCents(30))
        XCTAssertEqual(i.fleet[1].maxShift, Seconds(540 * 60))

        XCTAssertEqual(i.settings.rideTime, RideTimePolicy(floor: .zero, factor: 1, extra: .minutes(10), cap: .minutes(50)))
        XCTAssertEqual(i.settings.arrivalWindow, .minutes(15), "absent members take their defaults")
        XCTAssertEqual(i.settings.scenarios.map(\.name), ["close-L1", "open-L2"])
        XCTAssertEqual(i.settings.scenarios[1].transport, .perProvider)
        XCTAssertEqual(i.settings.scenarios[1].capacityChanges, [CapacityChange(location: "L1", capacity: 20, day: .fri)])
    }

    /// Every kind of error in every file, all reported in one go with exact places.
    func testReportsEveryErrorOfEveryFileWithLineAndColumn() throws {
        var files = Fixture.valid
        files["clients.csv"] = """
            id,lat,lon,municipality,target_group,product,wheelchair,days,daypart,provider,current_location
            B1,52.22,5.17,Hilversum,pg,basis,0,mon;xyz,day,p1,L1
            B2,52.22,5.17,Hilversum,pg,basis,0,mon,evening,p1,L1
            B3,52.2a,5.17,Hilversum,pg,basis,0,mon,day,p1,L1
            B4,52.22,5.17,Hilversum,pg,basis,0,mon,day,p1,L9
            B4,52.22,5.17,Hilversum,pg,basis,0,mon,day,p1,L1
            B7,52.22,5.17,Hilversum,pg,basis,0,tue,day
            B8,5.17,52.22,Hilversum,pg,basis,0,tue,day,p1,L1
            B9,52.22,5.17,Hilversum,pg,basis,2,tue,day,p2,L1

            """
        files["locations.csv"] = """
            id,name,provider,lat,lon,capacity,target_groups,products,wheelchair_accessible,start,end
            L1,One,p1,52.23,5.17,10,pg,basis,1,09:30,15:30
            L2,Two,p1,52.23,5.17,-3,pg;xx,basis,1,09:30,25:61
            L3,Three,p1,52.23,5.17,4,pg,basis,1,15:00,09:00

            """
        files["fleet.csv"] = "id,count,wheelchair_places,depot,provider,cost_per_hour,cost_per_km,fixed_cost_per_day,max_shift_min\nv,1,0,L1,p1,38,0.3,45,600\n"
        files["settings.json"] = """
            {
              "ride_time": {"extra_min": "15"},
              "colour": 1,
              "scenarios": [{"name": "x", "close_locations": ["L1", "L77"], "exit_providers": ["nobody"]}]
            }
            """
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ds.map(\.description), [
                "clients.csv:2:8: error [days]: expected weekdays such as mon;wed;fri (mon, tue, wed, thu, fri, sat, sun), found unknown day \"xyz\"",
                "clients.csv:3:9: error [daypart]: expected one of morning, afternoon, day, found \"evening\"",
                "clients.csv:4:2: error [lat]: expected a number of degrees, found \"52.2a\"",
                "clients.csv:5:11: error [current_location]: expected a location id from locations.csv, found \"L9\"",
                "clients.csv:6:1: error [id]: expected a unique client id, found \"B4\" again (first on line 5)",
                "clients.csv:7:10: error [provider]: expected 11 fields as in the header, found 9",
                "clients.csv:8:2: warning [lat]: expected a position in the Netherlands (lat 50.75–53.7, lon 3.2–7.25), found (5.170000, 52.220000) (lat and lon look swapped)",
                "clients.csv:9:7: error [wheelchair]: expected 1 or 0, found \"2\"",
                "locations.csv:3:6: error [capacity]: expected a whole number from 0 to 100000, found \"-3\"",
                "locations.csv:3:7: error [target_groups]: expected target groups such as pg;vg (pg, vg, ggz, lg), found unknown target group \"xx\"",
                "locations.csv:3:11: error [end]: expected a time HH:MM (00:00 to 23:59), found \"25:61\"",
                "locations.csv:4:11: error [end]: expected an end time after the start 15:00, found \"09:00\"",
                "fleet.csv:1: error [seats]: expected a column \"seats\" in the header, found none (header: id,count,wheelchair_places,depot,provider,cost_per_hour,cost_per_km,fixed_cost_per_day,max_shift_min)",
                "settings.json:2:30: error [ride_time.extra_min]: expected a number, found \"15\"",
                "settings.json:3:13: error [colour]: expected one of ride_time, arrival_window_min, departure_window_min, boarding_min, wheelchair_boarding_min, alighting_min, wheelchair_alighting_min, tariffs, costs, travel_time, working_days_per_year, scenarios, care_tariffs, found unknown member \"colour\"",
                "settings.json:4:57: error [scenarios[0].close_locations[1]]: expected a location id from locations.csv, found \"L77\"",
                "settings.json:4:84: error [scenarios[0].exit_providers[0]]: expected a provider that has a location in locations.csv, found \"nobody\"",
            ])
        }
    }

    func testClientWithoutACompatibleLocationIsAnError() throws {
        var files = Fixture.valid
        files["clients.csv"] = "id,lat,lon,municipality,target_group,product,wheelchair,days,daypart,provider\nG1,52.22,5.17,Hilversum,lg,basis,0,mon,day,p1\n"
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ds.map(\.description), [
                "clients.csv:2:5: error [target_group]: expected at least one open or candidate location for target group lg, product basis, found none",
            ])
        }
    }

    func testWarningsDoNotFailAndAreReturned() throws {
        var files = Fixture.valid
        files["clients.csv"] = "id,lat,lon,municipality,target_group,product,wheelchair,days,daypart,provider,remarks\nW1,48.85,2.35,Paris,pg,basis,0,mon,day,p1,hello\n"
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        let i = try InstanceReader.read(folder: dir)
        XCTAssertEqual(i.clients.count, 1)
        XCTAssertEqual(i.warnings.map(\.description), [
            "clients.csv:1:11: warning [remarks]: expected one of the columns id, lat, lon, x_rd, y_rd, postcode, municipality, target_group, product, wheelchair, days, daypart, provider, current_location, needs_transport, max_ride_min, boarding_min, found \"remarks\" (column ignored)",
            "clients.csv:2:2: warning [lat]: expected a position in the Netherlands (lat 50.75–53.7, lon 3.2–7.25), found (48.850000, 2.350000)",
        ])
    }

    func testUnquotedListInASemicolonFileGetsAHint() throws {
        var files = Fixture.valid
        files["clients.csv"] = "id;lat;lon;municipality;target_group;product;wheelchair;days;daypart;provider\nQ1;52,22;5,17;Hilversum;pg;basis;0;mon;wed;day;p1\n"
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            XCTAssertEqual((error as? DagrouteError)?.description,
                           "clients.csv:2:11: error: expected 10 fields as in the header, found 11 (in a ';'-separated file a list such as mon;wed must be quoted: \"mon;wed\")")
        }
    }

    func testStatusQuoOverCapacityIsAWarningOnTheLocation() throws {
        var files = Fixture.valid
        files["clients.csv"] = "id,lat,lon,municipality,target_group,product,wheelchair,days,daypart,provider,current_location\n"
            + (1...7).map { "O\($0),52.22,5.17,Hilversum,pg,basis,0,mon;fri,day,p1,L1\n" }.joined()
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        let i = try InstanceReader.read(folder: dir)
        XCTAssertEqual(i.warnings.map(\.description), [
            "locations.csv:2:6: warning [capacity]: expected at most 6 current clients per slot, found 7 on fri morning and 1 more slots over capacity (the status quo exceeds capacity)",
        ])
    }

    func testJSONSyntaxErrorNamesLineAndColumn() throws {
        var files = Fixture.valid
        files["settings.json"] = "{\n  \"working_days_per_year\": 250,,\n}\n"
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ds.map(\.description), ["settings.json:2:32: error: expected a quoted member name, found ',\n}\n'"])
        }
    }

    func testMissingFilesAndFolderAreInputErrors() throws {
        var files = Fixture.valid
        files["fleet.csv"] = nil
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            XCTAssertEqual((error as? DagrouteError)?.description, "fleet.csv: error: expected a readable file, found none")
        }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir.appendingPathComponent("nope"))) { error in
            XCTAssertEqual((error as? DagrouteError)?.exitCode, 2)
        }
    }

    func testMissingLocationsFileDoesNotCascadeIntoReferenceErrors() throws {
        var files = Fixture.valid
        files["locations.csv"] = nil
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            XCTAssertEqual((error as? DagrouteError)?.description, "locations.csv: error: expected a readable file, found none")
        }
    }
}
