import Assignment
import Formats
import GLPK
import SharedInstances
import XCTest

/// The GAP and CFLP models of the Assignment module against OR-Library optima, re-checked here.
final class BenchmarkModelTests: XCTestCase {
    func testGAPModelReachesPublishedOptima() throws {
        let problems = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gap3.txt"))
        for (k, p) in problems.enumerated() {
            for (sense, family) in [(Sense.maximize, "gap_max"), (.minimize, "gap_min")] {
                let problem = GeneralizedAssignmentProblem(cost: p.cost.map { $0.map(Double.init) }, resource: p.resource.map { $0.map(Double.init) },
                                                           capacity: p.capacity.map(Double.init), sense: sense)
                let r = try GeneralizedAssignment.solve(problem)
                let known = try XCTUnwrap(SharedInstances.value(family, "gap3#\(k + 1)"))
                XCTAssertEqual(r.status, .optimal)
                XCTAssertEqual(r.objective, known)
                // Independent re-check from the file's data.
                let check = checkedGAPObjective(p, try XCTUnwrap(r.agentOfJob))
                XCTAssertEqual(Double(check.objective), known)
                XCTAssertEqual(check.violations, [])
            }
        }
    }

    func testJobThatFitsNoAgentIsInfeasibleWithoutSolving() throws {
        let p = GeneralizedAssignmentProblem(cost: [[1, 2]], resource: [[1, 9]], capacity: [5], sense: .minimize)
        XCTAssertEqual(try GeneralizedAssignment.solve(p).status, .infeasible)
    }

    /// Every 50-customer OR-Library CFLP file with a value in known_values.csv (cap41 … cap133).
    func testCFLPModelReachesPublishedOptima() throws {
        let rows = SharedInstances.knownValues.filter { $0.family == "cflp" && !$0.instance.contains("@") }
        XCTAssertGreaterThanOrEqual(rows.count, 22)
        for row in rows {
            let f = try ORLibraryCFLP.read(SharedInstances.root.appendingPathComponent("cflp/orlib/\(row.instance).txt"))
            let r = try FacilityLocation.solve(cflp(f), parameters: MIPParameters(timeLimit: 60))
            XCTAssertEqual(r.status, .optimal, row.instance)
            XCTAssertEqual(try XCTUnwrap(r.objective), row.value, accuracy: 1e-6 * row.value, row.instance)
            XCTAssertEqual(try recheckedCFLPCost(f, r, row.instance), row.value, accuracy: 1e-6 * row.value, row.instance)
        }
    }

    /// capa with capacity 8000 (100 warehouses × 1,000 customers): several minutes, so opt-in with
    /// DAGROUTE_CAPA_TEST=1. Whatever the time limit leaves, the answer is consistent with the
    /// published optimum: a re-checked plan no cheaper than it, a bound no higher; equal when optimal.
    func testCapaWithCapacity8000() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["DAGROUTE_CAPA_TEST"] == "1", "opt-in: DAGROUTE_CAPA_TEST=1")
        let (known, r, cost) = try solveCapa8000(timeLimit: 600)
        if let bound = r.bestBound { XCTAssertLessThanOrEqual(bound, known * (1 + 1e-9)) }
        if r.status == .optimal { XCTAssertEqual(cost, known, accuracy: 1e-6 * known) }
    }

    /// capa@8000 stopped after 2 s, long before the root LP: the warm start (greedy, then
    /// `FacilityLocationLocalSearch`) still gives a re-checked plan within 6 % of the published optimum
    /// (3.6 % above it in a release build; the greedy alone was 5.0 %; before the greedy start the
    /// answer at such limits was every facility the weak LP touched, 8× the optimum).
    func testCapaUnderAShortLimitStillGetsAGoodPlan() throws {
        let (known, _, cost) = try solveCapa8000(timeLimit: 2)
        XCTAssertLessThanOrEqual(cost, known * 1.06)
    }

    /// Solves capa with capacity 8000 and checks what holds at any limit: a plan, its cost
    /// re-checked from the file equal to the reported objective and no cheaper than the optimum.
    func solveCapa8000(timeLimit: Double) throws -> (known: Double, result: FacilityLocationResult, cost: Double) {
        let known = try XCTUnwrap(SharedInstances.value("cflp", "capa@capacity=8000"))
        let f = try ORLibraryCFLP.read(SharedInstances.root.appendingPathComponent("cflp/orlib/capa.txt"), capacity: 8000)
        let r = try FacilityLocation.solve(cflp(f), parameters: MIPParameters(timeLimit: timeLimit))
        XCTAssertTrue(r.status.hasSolution, "\(r.status)")
        let cost = try recheckedCFLPCost(f, r, "capa@8000")
        XCTAssertEqual(cost, try XCTUnwrap(r.objective), accuracy: 1e-6 * known)
        XCTAssertGreaterThanOrEqual(cost, known * (1 - 1e-9))
        return (known, r, cost)
    }

    func cflp(_ f: ORLibraryCFLPProblem) -> FacilityLocationProblem {
        FacilityLocationProblem(capacity: f.capacity, fixedCost: f.fixedCost, demand: f.demand, allocationCost: f.allocationCost)
    }

    /// Independent re-check: allocations only at open facilities, demand met, capacities kept;
    /// returns the cost recomputed from the file's data.
    func recheckedCFLPCost(_ f: ORLibraryCFLPProblem, _ r: FacilityLocationResult, _ name: String) throws -> Double {
        XCTAssertEqual(r.fraction.count, f.customers, name)
        return Self.recheckedCFLPCost(f, open: r.open, fraction: r.fraction, name)
    }

    /// The re-check for any CFLP plan given as open facilities and each customer's fractions per
    /// facility (also used for the warm-start plans in `FacilityLocationLocalSearchTests`).
    static func recheckedCFLPCost(_ f: ORLibraryCFLPProblem, open: some Collection<Int>, fraction: [[Double]],
                                  _ name: String) -> Double {
        var total = open.reduce(0) { $0 + f.fixedCost[$1] }
        var load = [Double](repeating: 0, count: f.warehouses)
        for j in 0..<f.customers {
            XCTAssertEqual(fraction[j].reduce(0, +), 1, accuracy: 1e-6, name)
            for i in 0..<f.warehouses where fraction[j][i] > 1e-9 {
                XCTAssertTrue(open.contains(i), "\(name): customer \(j) served by closed \(i)")
                load[i] += f.demand[j] * fraction[j][i]
                total += f.allocationCost[j][i] * fraction[j][i]
            }
        }
        for i in 0..<f.warehouses { XCTAssertLessThanOrEqual(load[i], f.capacity[i] * (1 + 1e-6), name) }
        return total
    }
}
