import DagrouteCore
@testable import Formats
import Routing
import XCTest

final class SolomonReaderTests: XCTestCase {
    /// The shipped C101 solution is feasible in the reader's integer model (times rounded up) and
    /// measures 828.94 (known_values.csv) in the set's double-precision convention.
    func testC101SolutionIsFeasibleAndMeasures82894() throws {
        let b = try SolomonReader.read(path: sharedInstances.appendingPathComponent("vrptw/solomon/C101.txt").path)
        XCTAssertEqual(b.name, "C101")
        XCTAssertEqual(b.problem.stops.count, 100)
        XCTAssertEqual(b.problem.vehicleTypes[0].count, 25)
        XCTAssertEqual(b.problem.stops[0].earliest, 912_000)
        let solPath = sharedInstances.appendingPathComponent("vrptw/solomon/C101.sol").path
        let sol = try CVRPLIBSolution.parse(text: String(contentsOfFile: solPath, encoding: .utf8), file: solPath)
        let routes = sol.routes.map { r in PlannedRoute(vehicleType: 0, stops: r.map { $0 - 1 }, serviceStart: [], departure: 0, arrival: 0, distance: 0) }
        XCTAssertEqual(Set(routes.flatMap(\.stops)).count, 100)
        XCTAssertEqual(b.objective(routes), 828.94, accuracy: 0.005)
        // Feasible by plain simulation of the integer model.
        let p = b.problem, v = p.vehicleTypes[0]
        for r in routes {
            var t = v.shiftStart, at = v.startLocation, load = 0
            for s in r.stops {
                t = max(t + p.duration(at, p.stops[s].location), p.stops[s].earliest)
                XCTAssertLessThanOrEqual(t, p.stops[s].latest)
                t += p.stops[s].service; at = p.stops[s].location; load += p.requests[s].load.seats
            }
            XCTAssertLessThanOrEqual(t + p.duration(at, v.endLocation), v.shiftEnd)
            XCTAssertLessThanOrEqual(load, v.capacity.seats)
        }
    }

    func testErrorsNameLineAndColumn() {
        let text = "T1\n\nVEHICLE\nNUMBER CAPACITY\n 2 10\n\nCUSTOMER\nCUST NO. XCOORD. YCOORD. DEMAND READY DUE SERVICE\n 0 0 0 0 0 100 0\n 1 3 4 5 10 5 1\n"
        assertInputError(line: 10, column: 10, containing: "ready time <= due date") { _ = try SolomonReader.parse(text: text, file: "t.txt") }
        assertInputError(line: 5, column: 2, containing: "at least one vehicle") {
            _ = try SolomonReader.parse(text: text.replacingOccurrences(of: " 2 10", with: " 0 10"), file: "t.txt")
        }
        assertInputError(line: 9, containing: "7 fields") {
            _ = try SolomonReader.parse(text: text.replacingOccurrences(of: " 0 0 0 0 0 100 0", with: " 0 0 0 0 0 100"), file: "t.txt")
        }
    }
}
