import RoadNetwork
import XCTest

final class CarProfileTests: XCTestCase {
    func testClassesDirectionsAndAccess() {
        XCTAssertEqual(CarProfile.use(["highway": "residential"]), .init(kmh: 25, forward: true, backward: true))
        XCTAssertNil(CarProfile.use(["highway": "footway"]))
        XCTAssertNil(CarProfile.use(["highway": "cycleway"]))
        XCTAssertEqual(CarProfile.use(["highway": "primary", "oneway": "yes"]), .init(kmh: 65, forward: true, backward: false))
        XCTAssertEqual(CarProfile.use(["highway": "primary", "oneway": "-1"]), .init(kmh: 65, forward: false, backward: true))
        XCTAssertEqual(CarProfile.use(["highway": "motorway"])?.backward, false)
        XCTAssertEqual(CarProfile.use(["highway": "motorway", "oneway": "no"])?.backward, true)
        XCTAssertEqual(CarProfile.use(["highway": "tertiary", "junction": "roundabout"])?.backward, false)
        XCTAssertNil(CarProfile.use(["highway": "service", "access": "private"]))
        XCTAssertNil(CarProfile.use(["highway": "residential", "motor_vehicle": "no"]))
        XCTAssertNotNil(CarProfile.use(["highway": "residential", "access": "no", "motorcar": "yes"]))
        XCTAssertNil(CarProfile.use(["highway": "residential", "oneway": "reversible"]))
        XCTAssertNil(CarProfile.use(["highway": "service", "area": "yes"]))
    }

    func testMaxspeed() {
        XCTAssertEqual(CarProfile.maxspeed("50"), 50)
        XCTAssertEqual(CarProfile.maxspeed("60 km/h"), 60)
        XCTAssertEqual(CarProfile.maxspeed("30 mph")!, 48.28, accuracy: 0.01)
        XCTAssertEqual(CarProfile.maxspeed("NL:urban"), 50)
        XCTAssertEqual(CarProfile.maxspeed("NL:rural"), 80)
        XCTAssertEqual(CarProfile.maxspeed("NL:zone30"), 30)
        XCTAssertEqual(CarProfile.maxspeed("walk"), 7)
        XCTAssertNil(CarProfile.maxspeed("signals"))
        XCTAssertEqual(CarProfile.use(["highway": "secondary", "maxspeed": "NL:urban"])?.kmh, 40)
    }
}
