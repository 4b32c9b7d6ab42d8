import GLPK
import XCTest

/// LP duals (`Solution.duals`) and a caller's proven bound (`MIPParameters.objectiveBound`).
final class GLPKObjectiveBoundTests: XCTestCase {
    func testLPDualsSatisfyStrongDualityAndReducedCosts() throws {
        // max x + y s.t. x + 2y <= 4, 3x + y <= 6: optimum (1.6, 1.2), duals 0.4 and 0.2 (by hand).
        var m = Model(sense: .maximize)
        let x = try m.addVariable(objective: 1), y = try m.addVariable(objective: 1)
        try m.addConstraint([(x, 1), (y, 2)], upper: 4)
        try m.addConstraint([(x, 3), (y, 1)], upper: 6)
        let s = try m.solveLP(LPParameters(presolve: false, dualSimplex: true))
        XCTAssertEqual(s.duals.count, 2)
        XCTAssertEqual(s.duals[0], 0.4, accuracy: 1e-9)
        XCTAssertEqual(s.duals[1], 0.2, accuracy: 1e-9)
        XCTAssertEqual(4 * s.duals[0] + 6 * s.duals[1], s.objective!, accuracy: 1e-9)
        // Both columns basic: reduced cost c - A^T y = 0.
        XCTAssertEqual(1 - s.duals[0] - 3 * s.duals[1], 0, accuracy: 1e-9)
        XCTAssertEqual(1 - 2 * s.duals[0] - s.duals[1], 0, accuracy: 1e-9)
    }

    /// A MIP whose warm start is optimal and whose LP bound is weak (3.5 against 4): with a proven
    /// bound of 3.2 (rounded up: 4) the answer is optimal and exact; with a continuous cost the bound
    /// proves nothing by rounding and the answer stays exact; a non-finite bound is refused.
    func testObjectiveBoundKeepsAnswersExactAndIsValidated() throws {
        // min Σ x_k s.t. Σ 2 x_k >= 7 over 6 binaries: LP 3.5, optimum 4.
        var m = Model(sense: .minimize)
        let xs = try (0..<6).map { _ in try m.addVariable(.binary, objective: 1) }
        try m.addConstraint(xs.map { ($0, 2) }, lower: 7)
        let start: [Double] = [1, 1, 1, 1, 0, 0]
        let s = try m.solveMIP(MIPParameters(cuts: false, warmStart: start, objectiveBound: 3.2))
        XCTAssertEqual(s.status, .optimal)
        XCTAssertEqual(s.objective, 4)
        // Not integral (a continuous cost): the bound is reported but proves nothing by rounding.
        var c = Model(sense: .minimize)
        let b = try c.addVariable(.binary, objective: 1)
        let z = try c.addVariable(lower: 0, upper: 10, objective: 0.5)
        try c.addConstraint([(b, 3), (z, 1)], lower: 2)
        let t = try c.solveMIP(MIPParameters(objectiveBound: 0.25))
        XCTAssertEqual(t.status, .optimal)
        XCTAssertEqual(t.objective!, 1, accuracy: 1e-9)
        XCTAssertThrowsError(try c.solveMIP(MIPParameters(objectiveBound: .nan)))
    }
}
