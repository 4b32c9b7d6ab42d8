import DagrouteCore
@testable import Instance
import XCTest

final class DomainValueTests: XCTestCase {
    func testClockTimeParsesOnlyValidTimes() {
        XCTAssertEqual(ClockTime(parsing: "09:30")?.minutes, 570)
        XCTAssertEqual(ClockTime(parsing: "9:05")?.description, "09:05")
        XCTAssertEqual(ClockTime(parsing: "23:59")?.secondsSinceMidnight, Seconds(86_340))
        for bad in ["25:61", "24:00", "12:60", "9.30", "930", "", "1:5", "-1:30", "ab:cd"] {
            XCTAssertNil(ClockTime(parsing: bad), bad)
        }
    }

    func testWeekdayNamesInEnglishAndDutch() {
        XCTAssertEqual(Weekday(name: "Mon"), .mon)
        XCTAssertEqual(Weekday(name: "woensdag"), .wed)
        XCTAssertEqual(Weekday(name: "vr"), .fri)
        XCTAssertNil(Weekday(name: "xyz"))
    }

    func testRideTimePolicy() {
        let direct = Seconds.minutes(20)
        XCTAssertEqual(RideTimePolicy.directPlus15.maxRide(direct: direct), .minutes(35))
        let p = RideTimePolicy(floor: .minutes(30), factor: 1.5, extra: .minutes(5), cap: .minutes(45))
        XCTAssertEqual(p.maxRide(direct: .minutes(4)), .minutes(30), "floor")
        XCTAssertEqual(p.maxRide(direct: .minutes(20)), .minutes(35), "factor × direct + extra")
        XCTAssertEqual(p.maxRide(direct: .minutes(40)), .minutes(45), "cap")
        XCTAssertEqual(p.maxRide(direct: .minutes(50)), .minutes(50), "never below the direct drive")
    }

    func testTravelTimeModelGrowsWithDistanceAndMatchesItsFormula() {
        let m = TravelTimeModel()
        XCTAssertEqual(m.seconds(crowFly: 0), .zero)
        // 5 km crow-fly: 6.5 km at 25 + 45 × 5/11 km/h.
        let speed = 25 + 45 * 5.0 / 11
        XCTAssertEqual(m.seconds(crowFly: 5000), Seconds(Int((6.5 / speed * 3600).rounded())))
        XCTAssertEqual(m.roadMetres(crowFly: 1000), Metres(1300))
        var last = Seconds.zero
        for d in stride(from: 500.0, through: 40_000, by: 500) {
            let t = m.seconds(crowFly: d)
            XCTAssertGreaterThan(t, last); last = t
        }
    }

    func testTariffDoublesAboveTenKilometres() {
        let s = Settings()
        let c = Client(id: "x", position: GeoPoint(lat: 52.2, lon: 5.1), municipality: "m", targetGroup: .lg, product: .basis,
                       wheelchair: true, days: [.mon], dayPart: .day, provider: "p", currentLocation: nil, needsTransport: true)
        XCTAssertEqual(s.tariff(for: c, distance: Metres(9_000)), EuroCents(1980))
        XCTAssertEqual(s.tariff(for: c, distance: Metres(11_000)), EuroCents(3960))
        XCTAssertEqual(s.boardingTime(for: c), .minutes(3))
    }

    func testProgrammeSplitsAtMidday() {
        let l = Location(id: "L", name: "L", provider: "p", position: GeoPoint(lat: 52.2, lon: 5.1), capacity: 1,
                         targetGroups: [.pg], products: [.basis], wheelchairAccessible: true,
                         start: ClockTime(hours: 9, minutes: 30)!, end: ClockTime(hours: 15, minutes: 30)!, status: .open, fixedCostPerDay: .zero)
        XCTAssertEqual(l.programme(.morning).leave.description, "12:30")
        XCTAssertEqual(l.programme(.afternoon).arrive.description, "12:30")
        XCTAssertEqual(l.programme(.day).leave.description, "15:30")
    }

    func testInstanceBuiltInCodeIsCheckedToo() {
        let l = Location(id: "L", name: "L", provider: "p", position: GeoPoint(lat: 52.2, lon: 5.1), capacity: 1,
                         targetGroups: [.pg], products: [.basis], wheelchairAccessible: true,
                         start: ClockTime(hours: 9, minutes: 30)!, end: ClockTime(hours: 15, minutes: 30)!, status: .open, fixedCostPerDay: .zero)
        let c = Client(id: "c1", position: GeoPoint(lat: 52.2, lon: 5.1), municipality: "m", targetGroup: .pg, product: .basis,
                       wheelchair: false, days: [.mon], dayPart: .day, provider: "p", currentLocation: "nope", needsTransport: true)
        XCTAssertThrowsError(try Instance(clients: [c, c], locations: [l], fleet: [], settings: Settings())) { error in
            XCTAssertEqual((error as? DagrouteError)?.description, """
                clients.csv: error [current_location]: row "c1": expected a location id from locations.csv, found "nope"
                clients.csv: error [id]: row 2: expected a unique client id, found "c1" again
                clients.csv: error [current_location]: row "c1": expected a location id from locations.csv, found "nope"
                """)
        }
    }
}
