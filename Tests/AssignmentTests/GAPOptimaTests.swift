import Assignment
import Formats
import GLPK
import SharedInstances
import XCTest

/// `GeneralizedAssignment` (the engine behind `solve --format orlib-gap`) on more OR-Library
/// problems: gap6 whole, problems of gap8/10/11 that solve in about a second in a debug build, and
/// all of gapa (Chu & Beasley), gapc#3 and #5 — each to its known value, the assignment re-checked
/// from the file. A short run on gapc#1 / gapd#1 must stay consistent with their known values;
/// the proofs of gapd#4 and gapd#5 are opt-in (several minutes).
final class GAPOptimaTests: XCTestCase {
    func problem(_ file: String, _ index: Int) throws -> ORLibraryGAPProblem {
        try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/\(file).txt"))[index - 1]
    }

    func solve(_ p: ORLibraryGAPProblem, _ sense: Sense, timeLimit: Double = 60, threads: Int = 1) throws -> GeneralizedAssignmentResult {
        try GeneralizedAssignment.solve(GeneralizedAssignmentProblem(cost: p.cost.map { $0.map(Double.init) },
                                                                     resource: p.resource.map { $0.map(Double.init) },
                                                                     capacity: p.capacity.map(Double.init), sense: sense),
                                        parameters: MIPParameters(timeLimit: timeLimit), threads: threads)
    }

    func testKnownOptimaOfGap6To11AndGapa() throws {
        var cases: [(String, Int, Sense)] = []
        for k in 1...5 { cases += [("gap6", k, .maximize), ("gap6", k, .minimize)] }
        cases += [("gap8", 1, .minimize), ("gap8", 3, .maximize), ("gap8", 3, .minimize), ("gap10", 1, .maximize),
                  ("gap10", 1, .minimize), ("gap11", 2, .maximize), ("gap11", 2, .minimize), ("gap11", 3, .maximize)]
        for k in 1...6 { cases.append(("gapa", k, .minimize)) }
        for (file, k, sense) in cases {
            let name = "\(file)#\(k) \(sense)"
            let known = try XCTUnwrap(SharedInstances.value(sense == .maximize ? "gap_max" : "gap_min", "\(file)#\(k)"), name)
            let p = try problem(file, k)
            let r = try solve(p, sense)
            XCTAssertEqual(r.status, .optimal, name)
            XCTAssertEqual(r.objective, known, name)
            let check = checkedGAPObjective(p, try XCTUnwrap(r.agentOfJob, name))
            XCTAssertEqual(Double(check.objective), known, name)
            XCTAssertEqual(check.violations, [], name)
        }
    }

    /// Chu–Beasley type C with 10 and 20 agents: the Lagrangian bound and branching prove the
    /// known optimum (about 1.5 s each in a release build).
    func testGapc3AndGapc5AreProvenAtTheirKnownOptima() throws {
        for k in [3, 5] {
            let known = try XCTUnwrap(SharedInstances.value("gap_min", "gapc#\(k)"))
            let p = try problem("gapc", k)
            let r = try solve(p, .minimize, timeLimit: 300)
            XCTAssertEqual(r.status, .optimal, "gapc#\(k)")
            XCTAssertEqual(r.bestBound, known, "gapc#\(k)")
            let check = checkedGAPObjective(p, try XCTUnwrap(r.agentOfJob))
            XCTAssertEqual(check.violations, [], "gapc#\(k)")
            XCTAssertEqual(Double(check.objective), known, "gapc#\(k)")
            let lagrangian = try XCTUnwrap(r.lagrangianBound, "gapc#\(k)")
            XCTAssertLessThanOrEqual(lagrangian, known + 1e-6, "gapc#\(k)")
        }
    }

    /// gapd#4 (10 × 200, type D) proven at its known optimum 12,430 on every core, the assignment
    /// re-checked from the file: 78.8 s in a release build on the quiet 2-core machine (session 11),
    /// so opt-in with DAGROUTE_GAPD4_TEST=1 (`swift test -c release --filter GAPOptimaTests/testGapd4`).
    func testGapd4IsProvenAtItsKnownOptimum() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["DAGROUTE_GAPD4_TEST"] == "1", "opt-in: DAGROUTE_GAPD4_TEST=1")
        try assertProvenAtKnownOptimum("gapd", 4, timeLimit: 900)
    }

    /// gapd#5 (20 × 100, type D) proven at its optimum 6,185 on every core, the assignment
    /// re-checked from the file: 175.6 s in a release build on the quiet 2-core machine (session 11),
    /// so opt-in with DAGROUTE_GAPD5_TEST=1
    /// (`swift test -c release --filter GAPOptimaTests/testGapd5`).
    func testGapd5IsProvenAtItsKnownOptimum() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["DAGROUTE_GAPD5_TEST"] == "1", "opt-in: DAGROUTE_GAPD5_TEST=1")
        try assertProvenAtKnownOptimum("gapd", 5, timeLimit: 1_800)
    }

    /// Solves the file's problem `k` (minimisation) on every core and checks the proof: optimal,
    /// bound and objective at the known value, the assignment within the capacities recomputed from
    /// the file.
    func assertProvenAtKnownOptimum(_ file: String, _ k: Int, timeLimit: Double) throws {
        let known = try XCTUnwrap(SharedInstances.value("gap_min", "\(file)#\(k)"))
        let p = try problem(file, k)
        let r = try solve(p, .minimize, timeLimit: timeLimit, threads: ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(r.bestBound, known)
        let check = checkedGAPObjective(p, try XCTUnwrap(r.agentOfJob))
        XCTAssertEqual(check.violations, [])
        XCTAssertEqual(Double(check.objective), known)
    }

    func testShortRunsOnGapcAndGapdStayConsistentWithTheirKnownValues() throws {
        for (file, k) in [("gapc", 1), ("gapd", 1)] {
            let known = try XCTUnwrap(SharedInstances.value("gap_min", "\(file)#\(k)"))
            let p = try problem(file, k)
            let r = try solve(p, .minimize, timeLimit: 2)
            if let bound = r.bestBound { XCTAssertLessThanOrEqual(bound, known + 1e-6, file) }
            guard let agentOfJob = r.agentOfJob else {
                XCTAssertEqual(r.status, .noSolutionWithinTimeLimit, file)
                continue
            }
            let check = checkedGAPObjective(p, agentOfJob)
            XCTAssertEqual(Double(check.objective), r.objective, file)
            XCTAssertEqual(check.violations, [], file)
            XCTAssertGreaterThanOrEqual(Double(check.objective), known, file)
        }
    }
}
