import Dispatch
import Formats
import GLPK
import SharedInstances
import XCTest

/// OR-Library GAP problems solved to their published optima, re-checked independently.
final class GLPKGAPTests: XCTestCase {
    func problems(_ file: String) throws -> [ORLibraryGAPProblem] {
        try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/\(file).txt"))
    }

    func assertSolvesToKnownOptimum(_ file: String, _ index: Int, _ sense: Sense, file f: StaticString = #filePath, line: UInt = #line) throws {
        let p = try problems(file)[index - 1]
        let family = sense == .maximize ? "gap_max" : "gap_min"
        let known = try XCTUnwrap(SharedInstances.value(family, "\(file)#\(index)"), "no known value for \(family) \(file)#\(index)", file: f, line: line)
        let gap = try GAPModel(p, sense: sense)
        let s = try gap.model.solveMIP(MIPParameters(timeLimit: 60))
        XCTAssertEqual(s.status, .optimal, "\(file)#\(index) \(sense)", file: f, line: line)
        XCTAssertEqual(s.objective, known, "\(file)#\(index) \(sense)", file: f, line: line)
        XCTAssertEqual(s.bestBound, known, file: f, line: line)
        let check = checkedGAPObjective(p, gap.assignment(s))
        XCTAssertEqual(Double(check.objective), known, "recomputed objective of \(file)#\(index)", file: f, line: line)
        XCTAssertEqual(check.violations, [], file: f, line: line)
    }

    func testGap1Gap3Gap5AllProblemsBothSensesReachPublishedOptima() throws {
        for file in ["gap1", "gap3", "gap5"] {
            for index in 1...5 {
                try assertSolvesToKnownOptimum(file, index, .maximize)
                try assertSolvesToKnownOptimum(file, index, .minimize)
            }
        }
    }

    func testLargerGapaProblemsReachPublishedOptima() throws {
        try assertSolvesToKnownOptimum("gapa", 1, .minimize)
        try assertSolvesToKnownOptimum("gapa", 3, .minimize)
    }

    func testWarmStartIsAcceptedAndKeepsTheOptimum() throws {
        let p = try problems("gap5")[0]
        let gap = try GAPModel(p, sense: .minimize)
        let first = try gap.model.solveMIP()
        // A feasible but not optimal point: the maximisation optimum, offered to the minimisation.
        let worse = try GAPModel(p, sense: .maximize).model.solveMIP()
        let s = try gap.model.solveMIP(MIPParameters(warmStart: worse.values))
        XCTAssertTrue(s.warmStartAccepted)
        XCTAssertEqual(s.status, .optimal)
        XCTAssertEqual(s.objective, first.objective)
        XCTAssertEqual(s.objective, SharedInstances.value("gap_min", "gap5#1"))
    }

    func testRootHeuristicSeesTheRelaxationAndItsPointBecomesTheIncumbent() throws {
        let p = try problems("gap3")[1]
        let gap = try GAPModel(p, sense: .minimize)
        let feasible = try GAPModel(p, sense: .maximize).model.solveMIP().values
        let count = gap.model.variableCount
        let s = try gap.model.solveMIP(MIPParameters(rootHeuristic: { relaxation in
            precondition(relaxation.count == count)
            return feasible
        }))
        XCTAssertTrue(s.warmStartAccepted)
        XCTAssertEqual(s.status, .optimal)
        XCTAssertEqual(s.objective, SharedInstances.value("gap_min", "gap3#2"))
        XCTAssertThrowsError(try gap.model.solveMIP(MIPParameters(rootHeuristic: { _ in Array(repeating: 0, count: count) })),
                             "an infeasible heuristic point is a caller error")
    }

    func testTinyTimeLimitOnHardProblemGivesIncumbentWithGapOrNoSolution() throws {
        let p = try problems("gapd")[0]
        let gap = try GAPModel(p, sense: .minimize)
        for presolve in [true, false] {
            let s = try gap.model.solveMIP(MIPParameters(timeLimit: 0.05, presolve: presolve))
            switch s.status {
            case .feasible(let g):
                XCTAssertGreaterThanOrEqual(g, 0)
                let check = checkedGAPObjective(p, gap.assignment(s))
                XCTAssertEqual(check.violations, [])
                XCTAssertEqual(Double(check.objective), s.objective)
                // d05100's optimum is 6353: an incumbent is no better, a bound no higher.
                XCTAssertGreaterThanOrEqual(s.objective!, 6353)
                if let b = s.bestBound { XCTAssertLessThanOrEqual(b, 6353 + 1e-6) }
            case .noSolutionWithinTimeLimit:
                XCTAssertTrue(s.values.isEmpty)
                XCTAssertNil(s.objective)
                if let b = s.bestBound { XCTAssertLessThanOrEqual(b, 6353 + 1e-6) }
            default:
                XCTFail("unexpected status \(s.status)")
            }
        }
    }

    func testSeparateModelsSolveConcurrentlyWithCorrectResults() throws {
        let cases: [(String, Int, Sense, String)] = [
            ("gap1", 1, .maximize, "gap_max"), ("gap1", 2, .minimize, "gap_min"), ("gap3", 3, .maximize, "gap_max"),
            ("gap3", 4, .minimize, "gap_min"), ("gap5", 2, .maximize, "gap_max"), ("gap5", 5, .minimize, "gap_min"),
            ("gap1", 5, .maximize, "gap_max"), ("gap3", 1, .minimize, "gap_min"),
        ]
        let models = try cases.map { try GAPModel(try problems($0.0)[$0.1 - 1], sense: $0.2).model }
        nonisolated(unsafe) var objectives = [Double?](repeating: nil, count: cases.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: cases.count) { k in
            let s = try? models[k].solveMIP()
            lock.lock(); objectives[k] = s?.status == .optimal ? s?.objective : nil; lock.unlock()
        }
        for (k, c) in cases.enumerated() {
            XCTAssertEqual(objectives[k], SharedInstances.value(c.3, "\(c.0)#\(c.1)"), "\(c)")
        }
    }
}
