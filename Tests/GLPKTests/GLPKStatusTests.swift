import CGLPK
import Foundation
import GLPK
import XCTest

/// Infeasible, unbounded and plain LP/MIP answers, with and without presolve; MPS export.
final class GLPKStatusTests: XCTestCase {
    /// max x + y s.t. x + 2y <= 4, 3x + y <= 6, x, y >= 0: optimum (1.6, 1.2), objective 2.8.
    func smallLP() throws -> (Model, Variable, Variable) {
        var m = Model(name: "small", sense: .maximize)
        let x = try m.addVariable(objective: 1, name: "x"), y = try m.addVariable(objective: 1, name: "y")
        try m.addConstraint([(x, 1), (y, 2)], upper: 4)
        try m.addConstraint([(x, 3), (y, 1)], upper: 6)
        return (m, x, y)
    }

    func testLPOptimumAndMIPOptimum() throws {
        var (m, x, y) = try smallLP()
        for (presolve, dual) in [(true, false), (false, false), (true, true), (false, true)] {
            let s = try m.solveLP(LPParameters(presolve: presolve, dualSimplex: dual))
            XCTAssertEqual(s.status, .optimal)
            XCTAssertEqual(s.objective!, 2.8, accuracy: 1e-9)
            XCTAssertEqual(s[x], 1.6, accuracy: 1e-9)
            XCTAssertEqual(s[y], 1.2, accuracy: 1e-9)
        }
        // Integer version: best integer points have objective 2, e.g. (2, 0), (1, 1), (0, 2).
        m = Model(name: "int", sense: .maximize)
        let xi = try m.addVariable(.integer, objective: 1), yi = try m.addVariable(.integer, objective: 1)
        try m.addConstraint([(xi, 1), (yi, 2)], upper: 4)
        try m.addConstraint([(xi, 3), (yi, 1)], upper: 6)
        try m.setObjectiveConstant(10)
        for presolve in [true, false] {
            let s = try m.solveMIP(MIPParameters(presolve: presolve))
            XCTAssertEqual(s.status, .optimal)
            XCTAssertEqual(s.objective, 12)
            XCTAssertEqual(s[xi] + s[yi], 2)
            XCTAssertNil(m.violation(of: s.values))
        }
    }

    func testInfeasibleModelReportsInfeasible() throws {
        var m = Model()
        let x = try m.addVariable(.integer, lower: 0, upper: 10, objective: 1)
        let y = try m.addVariable(lower: 0, upper: 10, objective: 1)
        try m.addConstraint([(x, 1), (y, 1)], lower: 25)
        for presolve in [true, false] {
            XCTAssertEqual(try m.solveLP(LPParameters(presolve: presolve)).status, .infeasible)
            XCTAssertEqual(try m.solveMIP(MIPParameters(presolve: presolve)).status, .infeasible)
        }
        // Integer infeasible although the relaxation is feasible: 2x = 1.
        var n = Model()
        let z = try n.addVariable(.integer, lower: 0, upper: 5, objective: 1)
        try n.addConstraint([(z, 2)], lower: 1, upper: 1)
        XCTAssertEqual(try n.solveLP().status, .optimal)
        for presolve in [true, false] {
            XCTAssertEqual(try n.solveMIP(MIPParameters(presolve: presolve)).status, .infeasible)
        }
    }

    func testUnboundedModelReportsUnbounded() throws {
        var m = Model(sense: .maximize)
        let x = try m.addVariable(objective: 1)
        let y = try m.addVariable(.integer, objective: 1)
        try m.addConstraint([(x, 1), (y, -1)], upper: 3)
        for presolve in [true, false] {
            XCTAssertEqual(try m.solveLP(LPParameters(presolve: presolve)).status, .unbounded)
            XCTAssertEqual(try m.solveMIP(MIPParameters(presolve: presolve)).status, .unbounded)
            XCTAssertEqual(try m.solveMIP(MIPParameters(presolve: presolve, warmStart: [0, 0])).status, .unbounded)
        }
        // Infeasible and dual infeasible at once is infeasible, not unbounded.
        var n = Model(sense: .maximize)
        let a = try n.addVariable(objective: 1), b = try n.addVariable(objective: 0)
        try n.addConstraint([(b, 1)], lower: 2, upper: 1.5 + 0.5)
        try n.addConstraint([(b, 1)], upper: 1)
        _ = a
        for presolve in [true, false] {
            XCTAssertEqual(try n.solveLP(LPParameters(presolve: presolve)).status, .infeasible)
            XCTAssertEqual(try n.solveLP(LPParameters(presolve: presolve, dualSimplex: true)).status, .infeasible)
            XCTAssertEqual(try m.solveLP(LPParameters(presolve: presolve, dualSimplex: true)).status, .unbounded)
            XCTAssertEqual(try n.solveMIP(MIPParameters(presolve: presolve)).status, .infeasible)
        }
    }

    func testMPSExportReadsBackToTheSameOptimum() throws {
        var (m, _, _) = try smallLP()
        try m.setObjectiveConstant(100)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-test-\(UUID().uuidString).mps")
        defer { try? FileManager.default.removeItem(at: url) }
        try m.writeMPS(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("ROWS") && text.contains("COLUMNS") && text.contains("RHS"), text)
        glp_term_out(GLP_OFF)
        let p = glp_create_prob()
        defer { glp_delete_prob(p) }
        XCTAssertEqual(glp_read_mps(p, GLP_MPS_FILE, nil, url.path), 0)
        XCTAssertEqual(glp_get_num_cols(p), 3, "x, y and the fixed objective_constant column")
        glp_set_obj_dir(p, GLP_MAX) // free MPS carries no sense; HiGHS is told it separately
        var parm = glp_smcp(); glp_init_smcp(&parm); parm.msg_lev = GLP_MSG_OFF
        XCTAssertEqual(glp_simplex(p, &parm), 0)
        XCTAssertEqual(glp_get_obj_val(p), 102.8, accuracy: 1e-9)
    }
}
