import DagrouteCore
@testable import Formats
import Routing
import XCTest

final class CordeauReaderTests: XCTestCase {
    func testA216Structure() throws {
        let b = try CordeauReader.read(path: sharedInstances.appendingPathComponent("darp/cordeau2006/a2-16.txt").path)
        let p = b.problem
        XCTAssertEqual(b.name, "a2-16")
        XCTAssertEqual(p.requests.count, 16)
        XCTAssertEqual(p.stops.count, 32)
        XCTAssertEqual(p.vehicleTypes[0].count, 2)
        XCTAssertEqual(p.vehicleTypes[0].capacity.seats, 3)
        XCTAssertEqual(p.vehicleTypes[0].maxDuration, 480_000)
        XCTAssertEqual(p.vehicleTypes[0].endLocation, 33)
        XCTAssertEqual(p.requests[0].kind, .pickupDelivery(pickup: 0, delivery: 16))
        XCTAssertEqual(p.requests[0].maxRideTime, 30_000)
        XCTAssertEqual(b.nodeIDs[16], 17)
        // Node 9 has the window [276, 291].
        XCTAssertEqual(p.stops[8].earliest, 276_000)
        XCTAssertEqual(p.stops[8].latest, 291_000)
    }

    func testErrorsNameLineAndColumn() {
        let text = "1 1 480 3 30\n0 0 0 0 0 0 480\n1 1 1 3 1 0 1440\n2 2 2 3 -1 0 1440\n3 0 0 0 0 0 480\n"
        XCTAssertNoThrow(try CordeauReader.parse(text: text, file: "t.txt"))
        assertInputError(line: 4, column: 9, containing: "drop-off load") {
            _ = try CordeauReader.parse(text: text.replacingOccurrences(of: "2 2 2 3 -1", with: "2 2 2 3 -2"), file: "t.txt")
        }
        assertInputError(line: 3, column: 1, containing: "node id 1") {
            _ = try CordeauReader.parse(text: text.replacingOccurrences(of: "1 1 1 3 1", with: "7 1 1 3 1"), file: "t.txt")
        }
        assertInputError(line: 1, containing: "5 header fields") {
            _ = try CordeauReader.parse(text: text.replacingOccurrences(of: "1 1 480 3 30", with: "1 1 480 3"), file: "t.txt")
        }
        assertInputError(line: 4, containing: "4 node lines") {
            _ = try CordeauReader.parse(text: text.replacingOccurrences(of: "3 0 0 0 0 0 480\n", with: ""), file: "t.txt")
        }
    }
}
