import DagrouteCore
@testable import Formats
import Routing
import XCTest

let sharedInstances = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/instances")

/// Expects `body` to throw an input error whose first diagnostic is at `line` (and `column`) and
/// mentions `text`.
func assertInputError(line: Int?, column: Int? = nil, containing text: String, file: StaticString = #filePath,
                      sourceLine: UInt = #line, _ body: () throws -> Void) {
    XCTAssertThrowsError(try body(), file: file, line: sourceLine) { error in
        guard case let DagrouteError.input(ds) = error, let d = ds.first else { return XCTFail("expected an input error, got \(error)", file: file, line: sourceLine) }
        XCTAssertEqual(d.line, line, "\(d)", file: file, line: sourceLine)
        if let column { XCTAssertEqual(d.column, column, "\(d)", file: file, line: sourceLine) }
        XCTAssertTrue(d.message.contains(text), "\(d)", file: file, line: sourceLine)
    }
}

final class CVRPLIBReaderTests: XCTestCase {
    /// Every shipped A and P solution, and a few X ones, recomputed through the reader's matrix and
    /// `.sol` numbering, equals the cost written in the `.sol` file (and known_values.csv).
    func testShippedSolutionsRecomputeToTheirCost() throws {
        let fm = FileManager.default
        var files: [String] = []
        for set in ["A", "P"] {
            let dir = sharedInstances.appendingPathComponent("cvrp/\(set)")
            files += try fm.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".vrp") }.sorted().map { "cvrp/\(set)/\($0)" }
        }
        files += ["cvrp/X/X-n101-k25.vrp", "cvrp/X/X-n148-k46.vrp"]
        XCTAssertGreaterThan(files.count, 25)
        for f in files {
            let b = try CVRPLIBReader.read(path: sharedInstances.appendingPathComponent(f).path)
            let solPath = sharedInstances.appendingPathComponent(f.replacingOccurrences(of: ".vrp", with: ".sol")).path
            let sol = try CVRPLIBSolution.parse(text: String(contentsOfFile: solPath, encoding: .utf8), file: solPath)
            let stopOfID = Dictionary(uniqueKeysWithValues: b.nodeIDs.enumerated().map { ($1, $0) })
            var served = Set<Int>()
            var routes: [PlannedRoute] = []
            for r in sol.routes {
                let stops = r.map { stopOfID[$0 + b.depotID]! }
                served.formUnion(stops)
                let load = stops.reduce(0) { $0 + b.problem.requests[$1].load.seats }
                XCTAssertLessThanOrEqual(load, b.problem.vehicleTypes[0].capacity.seats, f)
                routes.append(PlannedRoute(vehicleType: 0, stops: stops, serviceStart: stops.map { _ in 0 }, departure: 0, arrival: 0, distance: 0))
            }
            XCTAssertEqual(served.count, b.problem.stops.count, f)
            XCTAssertEqual(b.objective(routes), sol.cost, f)
            XCTAssertLessThanOrEqual(routes.count, b.problem.vehicleTypes[0].count, f)
            XCTAssertEqual(try CVRPLIBSolution.parse(text: b.solutionText(routes), file: "out").routes, sol.routes, f)
        }
    }

    func testA32Header() throws {
        let b = try CVRPLIBReader.read(path: sharedInstances.appendingPathComponent("cvrp/A/A-n32-k5.vrp").path)
        XCTAssertEqual(b.name, "A-n32-k5")
        XCTAssertEqual(b.problem.stops.count, 31)
        XCTAssertEqual(b.problem.vehicleTypes[0].capacity.seats, 100)
        XCTAssertEqual(b.problem.vehicleTypes[0].count, 5)
        XCTAssertEqual(b.nodeIDs.first, 2)
        // Node 1 (82, 76) to node 2 (96, 44): sqrt(14² + 32²) = 34.93 → 35.
        XCTAssertEqual(b.problem.distance(0, 1), 35)
    }

    func testErrorsNameLineAndColumn() {
        let good = "NAME : t\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nDEMAND_SECTION\n1 0\n2 5\n3 5\nDEPOT_SECTION\n1\n-1\nEOF\n"
        XCTAssertNoThrow(try CVRPLIBReader.parse(text: good, file: "t.vrp"))
        assertInputError(line: 8, column: 3, containing: "found 'x'") {
            _ = try CVRPLIBReader.parse(text: good.replacingOccurrences(of: "2 3 4", with: "2 x 4"), file: "t.vrp")
        }
        assertInputError(line: 4, containing: "EUC_2D") {
            _ = try CVRPLIBReader.parse(text: good.replacingOccurrences(of: "EUC_2D", with: "GEO"), file: "t.vrp")
        }
        assertInputError(line: 13, column: 3, containing: "non-negative demand") {
            _ = try CVRPLIBReader.parse(text: good.replacingOccurrences(of: "\n3 5\n", with: "\n3 -5\n"), file: "t.vrp")
        }
        assertInputError(line: nil, containing: "node 3") {
            _ = try CVRPLIBReader.parse(text: good.replacingOccurrences(of: "3 6 8\n", with: ""), file: "t.vrp")
        }
    }
}
