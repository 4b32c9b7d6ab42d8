import GLPK
import XCTest

/// `MIPParameters.separator`: cuts from the caller tighten the LP at the root and in
/// branch-and-cut without changing the optimum; a malformed cut is an error, not a crash.
final class GLPKSeparatorTests: XCTestCase {
    /// A small facility location model in its weak form (aggregated capacity rows only), with the
    /// strong rows x(i, j) ≤ y(i) offered as cuts, against the same model with all strong rows.
    func weakFacilityModel(strong: Bool) throws -> (Model, [Variable], [[Variable]]) {
        let capacity = [10.0, 8, 7], fixed = [30.0, 18, 20], demand = [4.0, 3, 5, 2]
        let cost: [[Double]] = [[2, 9, 5], [6, 3, 8], [7, 4, 1], [3, 8, 6]]
        var m = Model(name: "weak", sense: .minimize)
        let y = try fixed.map { try m.addVariable(.binary, objective: $0) }
        let x = try cost.map { row in try row.map { try m.addVariable(lower: 0, upper: 1, objective: $0 * 4) } }
        for j in x.indices { try m.addConstraint(x[j].map { ($0, 1) }, lower: 1, upper: 1) }
        for i in y.indices { try m.addConstraint(x.indices.map { (x[$0][i], demand[$0]) } + [(y[i], -capacity[i])], upper: 0) }
        if strong { for j in x.indices { for i in y.indices { try m.addConstraint([(x[j][i], 1), (y[i], -1)], upper: 0) } } }
        return (m, y, x)
    }

    func testSeparatedCutsGiveTheStrongOptimumAndAreCalledWithLPPoints() throws {
        let (strong, _, _) = try weakFacilityModel(strong: true)
        let reference = try strong.solveMIP(MIPParameters(presolve: false, cuts: false))
        let (weak, y, x) = try weakFacilityModel(strong: false)
        final class Calls: @unchecked Sendable { var points: [[Double]] = []; let lock = NSLock() }
        let calls = Calls()
        let s = try weak.solveMIP(MIPParameters(cuts: false, separator: { point in
            calls.lock.withLock { calls.points.append(point) }
            return x.indices.flatMap { j in y.indices.map { i in Cut([(x[j][i], 1), (y[i], -1)], upper: 0) } }
        }))
        XCTAssertEqual(reference.status, .optimal)
        XCTAssertEqual(s.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(s.objective), try XCTUnwrap(reference.objective), accuracy: 1e-9)
        XCTAssertNil(strong.violation(of: s.values), "the weak model's optimum satisfies the strong rows")
        XCTAssertFalse(calls.points.isEmpty)
        XCTAssertTrue(calls.points.allSatisfy { $0.count == weak.variableCount })
        // The first call sees the weak LP: some client is served beyond its facility's y.
        let first = calls.points[0]
        XCTAssertTrue(x.indices.contains { j in y.indices.contains { i in first[x[j][i].index] > first[y[i].index] + 1e-6 } })
    }

    func testMalformedCutThrows() throws {
        let (weak, y, _) = try weakFacilityModel(strong: false)
        let count = weak.variableCount
        for bad in [Cut([(y[0], 1), (y[0], -1)], upper: 0), Cut([(y[1], .nan)], upper: 0), Cut([(y[1], 1)], upper: .infinity)] {
            XCTAssertThrowsError(try weak.solveMIP(MIPParameters(separator: { _ in [bad] })), "\(bad.terms) ≤ \(bad.upper)")
        }
        // A variable of another (larger) model.
        var other = Model()
        for _ in 0...count { try other.addVariable() }
        let foreign = try other.addVariable()
        XCTAssertThrowsError(try weak.solveMIP(MIPParameters(separator: { _ in [Cut([(foreign, 1)], upper: -1)] })))
    }
}
