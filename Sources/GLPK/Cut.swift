import CGLPK

/// A valid inequality `Σ coefficient × variable ≤ upper` produced by a separation routine
/// (`MIPParameters.separator`). Valid means every feasible point of the model with integral
/// integer variables satisfies it, so adding it never cuts off a solution — it only tightens
/// the LP relaxation (a `≥` inequality is passed with all signs flipped).
public struct Cut: Sendable {
    public var terms: [(Variable, Double)]
    public var upper: Double

    public init(_ terms: [(Variable, Double)], upper: Double) {
        self.terms = terms
        self.upper = upper
    }

    /// A cut is added only when a point violates it by more than this, relative to max(1, |upper|).
    static let tolerance = 1e-6

    /// Left-hand side minus `upper` at a point (positive: the point violates the cut); the cut's
    /// variables must index into `x`.
    public func violation(at x: [Double]) -> Double {
        var s = -upper
        for (v, a) in terms { s += a * x[v.index] }
        return s
    }
}

extension Cut {
    /// GLPK's 1-based sparse row (element 0 unused), checked like `Model.addConstraint`.
    /// - Throws: `GLPKError.invalidArgument` for an unknown or repeated variable, a non-finite
    ///   coefficient or bound.
    func glpkRow(columns: Int) throws -> (index: [Int32], value: [Double]) {
        guard upper.isFinite else { throw GLPKError.invalidArgument("cut: expected a finite right-hand side, found \(upper)") }
        try Model.checkTerms(terms, columns: columns, "cut")
        var index: [Int32] = [0], value: [Double] = [0]
        for (v, a) in terms where a != 0 { index.append(Int32(v.index + 1)); value.append(a) }
        return (index, value)
    }
}

extension GLPKProblem {
    /// Appends cut rows (`Cut.glpkRow`) with their right-hand sides as ordinary rows; their slacks
    /// are basic, so an optimal basis stays dual feasible and the dual simplex re-optimises from it.
    func addRows(_ rows: [(upper: Double, row: (index: [Int32], value: [Double]))]) {
        guard !rows.isEmpty else { return }
        let first = glp_add_rows(pointer, Int32(rows.count))
        for (k, r) in rows.enumerated() {
            let i = first + Int32(k)
            glp_set_row_bnds(pointer, i, GLP_UP, 0, r.upper)
            glp_set_mat_row(pointer, i, Int32(r.row.index.count - 1), r.row.index, r.row.value)
        }
    }

    /// The primal values of the columns of the current basic solution.
    func columnPrimals(_ columns: Int) -> [Double] {
        (0..<columns).map { glp_get_col_prim(pointer, Int32($0 + 1)) }
    }
}
