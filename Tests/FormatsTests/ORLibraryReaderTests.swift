import DagrouteCore
import Formats
import XCTest

final class ORLibraryReaderTests: XCTestCase {
    static let instances = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/instances")

    /// The diagnostics of an input error, or a failure.
    func diagnostics(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            try body()
            XCTFail("expected an input error", file: file, line: line)
        } catch DagrouteError.input(let ds) {
            return ds
        } catch {
            XCTFail("expected an input error, got \(error)", file: file, line: line)
        }
        return []
    }

    func testReadsOrLibraryGAPFiles() throws {
        let gap1 = try ORLibraryGAP.read(Self.instances.appendingPathComponent("gap/orlib/gap1.txt"))
        XCTAssertEqual(gap1.count, 5)
        XCTAssertEqual(gap1[0].agents, 5)
        XCTAssertEqual(gap1[0].jobs, 15)
        XCTAssertEqual(gap1[0].cost[0].prefix(3), [17, 21, 22])
        XCTAssertEqual(gap1[0].resource[0].prefix(3), [8, 15, 14])
        XCTAssertEqual(gap1[0].capacity, [36, 34, 38, 27, 33])
        let gapa = try ORLibraryGAP.read(Self.instances.appendingPathComponent("gap/orlib/gapa.txt"))
        XCTAssertEqual(gapa.map(\.jobs), [100, 200, 100, 200, 100, 200])
        XCTAssertEqual(gapa.map(\.agents), [5, 5, 10, 10, 20, 20])
    }

    func testGAPErrorsNameLineAndColumn() {
        // 1 problem, 2 agents, 2 jobs; a bad cost (line 3 column 4) and a negative capacity (line 7 column 4).
        let text = "1\n2 2\n 1 x\n 3 4\n 1 1\n 1 1\n 5 -2\n"
        let ds = diagnostics { _ = try ORLibraryGAP.parse(text, file: "bad.txt") }
        XCTAssertEqual(ds.count, 2)
        XCTAssertEqual(ds.first?.line, 3); XCTAssertEqual(ds.first?.column, 4)
        XCTAssertTrue(ds.first?.message.contains("expected an integer (cost of agent 1, job 2 in problem 1), found 'x'") ?? false, "\(ds)")
        XCTAssertEqual(ds.last?.line, 7); XCTAssertEqual(ds.last?.column, 4)
        XCTAssertTrue(ds.last?.description.hasPrefix("bad.txt:7:4: error:") ?? false, "\(ds)")

        let truncated = diagnostics { _ = try ORLibraryGAP.parse("1\n2 2\n1 2 3 4\n1 1 1\n", file: "short.txt") }
        XCTAssertEqual(truncated.last?.line, 4)
        XCTAssertTrue(truncated.last?.message.hasSuffix("found end of file") ?? false, "\(truncated)")

        let trailing = diagnostics { _ = try ORLibraryGAP.parse("1\n1 1\n5\n2\n3\n9\n", file: "t.txt") }
        XCTAssertEqual(trailing.map(\.line), [6])
        XCTAssertTrue(trailing[0].message.contains("expected end of file, found '9'"))

        let zeroAgents = diagnostics { _ = try ORLibraryGAP.parse("1\r\n0 3\r\n", file: "z.txt") }
        XCTAssertEqual(zeroAgents.first?.line, 2); XCTAssertEqual(zeroAgents.first?.column, 1)
    }

    func testReadsCFLPFilesIncludingTrailingDotNumbers() throws {
        let cap41 = try ORLibraryCFLP.read(Self.instances.appendingPathComponent("cflp/orlib/cap41.txt"))
        XCTAssertEqual(cap41.warehouses, 16)
        XCTAssertEqual(cap41.customers, 50)
        XCTAssertEqual(cap41.capacity[0], 5000)
        XCTAssertEqual(cap41.fixedCost[0], 7500)
        XCTAssertEqual(cap41.demand[0], 146)
        XCTAssertEqual(cap41.allocationCost[0][0], 6739.725)
        XCTAssertEqual(cap41.allocationCost[0].count, 16)
    }

    func testCapaNeedsACapacityAndUsesTheOneGiven() throws {
        let url = Self.instances.appendingPathComponent("cflp/orlib/capa.txt")
        let ds = diagnostics { _ = try ORLibraryCFLP.read(url, displayName: "capa.txt") }
        XCTAssertEqual(ds.count, ORLibraryCFLP.maximumReportedErrors, "one per warehouse, up to the limit")
        XCTAssertEqual(ds.first?.line, 2); XCTAssertEqual(ds.first?.column, 2)
        XCTAssertTrue(ds.first?.message.contains("--capacity") ?? false)
        let capa = try ORLibraryCFLP.read(url, capacity: 8000)
        XCTAssertEqual(capa.warehouses, 100)
        XCTAssertEqual(capa.customers, 1000)
        XCTAssertEqual(Set(capa.capacity), [8000])
    }

    func testCFLPErrorsNameLineAndColumn() {
        let text = "2 2\n10 5.\n-3 4\n 7 1 2\n 3 1 abc\n"
        let ds = diagnostics { _ = try ORLibraryCFLP.parse(text, file: "c.txt") }
        XCTAssertEqual(ds.map { "\($0.line!):\($0.column!)" }, ["3:1", "5:6"])
        XCTAssertTrue(ds[0].message.contains("positive capacity of warehouse 2"))
        XCTAssertTrue(ds[1].message.contains("allocation cost of customer 2 at warehouse 2"))
    }
}
