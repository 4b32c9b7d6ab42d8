import GLPK
import XCTest

/// Arguments GLPK would abort the process on are rejected in Swift with a thrown error.
final class GLPKValidationTests: XCTestCase {
    func assertInvalid(_ body: () throws -> Void, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), message, file: file, line: line) { error in
            guard case GLPKError.invalidArgument = error else { return XCTFail("\(message): got \(error)", file: file, line: line) }
        }
    }

    func testBadVariablesAreRejected() {
        var m = Model()
        assertInvalid({ _ = try m.addVariable(lower: .nan) }, "NaN lower bound")
        assertInvalid({ _ = try m.addVariable(lower: 2, upper: 1) }, "inverted bounds")
        assertInvalid({ _ = try m.addVariable(lower: .infinity) }, "lower bound +inf")
        assertInvalid({ _ = try m.addVariable(upper: -.infinity) }, "upper bound -inf")
        assertInvalid({ _ = try m.addVariable(objective: .infinity) }, "infinite cost")
        assertInvalid({ _ = try m.addVariable(objective: .nan) }, "NaN cost")
        assertInvalid({ _ = try m.addVariable(.integer, lower: 0.5, upper: 3) }, "fractional integer bound")
        assertInvalid({ _ = try m.addVariable(name: String(repeating: "a", count: 256)) }, "name too long")
        assertInvalid({ _ = try m.addVariable(name: "a\nb") }, "control character in a name")
        XCTAssertEqual(m.variableCount, 0, "rejected variables are not added")
    }

    func testBadConstraintsAreRejected() throws {
        var m = Model()
        let x = try m.addVariable(), y = try m.addVariable()
        var other = Model()
        for _ in 0..<5 { _ = try other.addVariable() }
        let foreign = try other.addVariable()
        assertInvalid({ try m.addConstraint([(x, 1), (x, 2)], upper: 1) }, "duplicate index in a row")
        assertInvalid({ try m.addConstraint([(x, 1), (foreign, 2)], upper: 1) }, "out-of-range index")
        assertInvalid({ try m.addConstraint([(x, .nan)], upper: 1) }, "NaN coefficient")
        assertInvalid({ try m.addConstraint([(y, -.infinity)], upper: 1) }, "infinite coefficient")
        assertInvalid({ try m.addConstraint([(x, 1)], lower: 3, upper: 2) }, "inverted row bounds")
        assertInvalid({ try m.addConstraint([(x, 1)], lower: .nan) }, "NaN row bound")
        assertInvalid({ try m.setObjective(foreign, 1) }, "objective of an unknown variable")
        assertInvalid({ try m.setObjectiveConstant(.infinity) }, "infinite objective constant")
        XCTAssertEqual(m.constraintCount, 0)
    }

    func testBadSolveParametersAndWarmStartsAreRejected() throws {
        var m = Model()
        let b = try m.addVariable(.binary, objective: 1)
        let c = try m.addVariable(.integer, lower: 0, upper: 4, objective: 1)
        try m.addConstraint([(b, 1), (c, 1)], lower: 1)
        assertInvalid({ _ = try m.solveLP(LPParameters(timeLimit: 0)) }, "zero time limit")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(timeLimit: -1)) }, "negative time limit")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(timeLimit: .nan)) }, "NaN time limit")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(relativeGap: -0.1)) }, "negative gap")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(warmStart: [0.5, 1])) }, "non-binary warm start for a binary")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(warmStart: [1])) }, "warm start of the wrong length")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(warmStart: [0, 0])) }, "warm start violating a constraint")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(warmStart: [0, 1.5])) }, "fractional warm start for an integer")
        assertInvalid({ _ = try m.solveMIP(MIPParameters(warmStart: [0, 7])) }, "warm start outside a bound")
        m.name = ""
        assertInvalid({ _ = try m.solveLP() }, "empty model name")
        m.name = "ok"
        let s = try m.solveMIP(MIPParameters(warmStart: [1, 0]))
        XCTAssertEqual(s.status, .optimal)
        XCTAssertEqual(s.objective, 1)
    }
}
