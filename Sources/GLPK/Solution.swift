/// How a solve ended.
public enum SolveStatus: Sendable, Equatable, CustomStringConvertible {
    /// Proven optimal (for a MIP: within GLPK's integrality tolerance, gap 0).
    case optimal
    /// A feasible point was found but not proven optimal (time limit or the requested relative gap
    /// was reached); `gap` is |objective − bound| / (|objective| + ε), `.infinity` when no bound is known.
    case feasible(gap: Double)
    /// No feasible point exists.
    case infeasible
    /// The objective is unbounded. For a MIP: its LP relaxation is feasible and unbounded.
    case unbounded
    /// The time limit passed before any feasible point was found.
    case noSolutionWithinTimeLimit

    /// Short machine-readable name: `optimal`, `feasible`, `infeasible`, `unbounded`, `time_limit`.
    public var name: String {
        switch self {
        case .optimal: return "optimal"
        case .feasible: return "feasible"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case .noSolutionWithinTimeLimit: return "time_limit"
        }
    }

    /// Whether `Solution.values` hold a feasible point.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: return true
        default: return false
        }
    }

    public var description: String {
        if case .feasible(let gap) = self { return "feasible (gap \(gap))" }
        return name
    }
}

/// The result of `Model.solveLP` or `Model.solveMIP`.
public struct Solution: Sendable {
    public var status: SolveStatus
    /// Objective value of `values` (constant included); nil without a solution.
    public var objective: Double?
    /// The best proven bound on the optimum (a lower bound when minimising, upper when maximising);
    /// equals `objective` when optimal, nil when unknown.
    public var bestBound: Double?
    /// One value per variable (indexed by `Variable.index`); integer variables are exactly
    /// integral. Empty without a solution.
    public var values: [Double]
    /// Wall-clock seconds spent in the solve.
    public var seconds: Double
    /// Wall-clock seconds until the first feasible point was known (MIP only; nil if none).
    public var secondsToFirstFeasible: Double?
    /// Whether GLPK accepted the supplied warm start as an incumbent (false without one).
    public var warmStartAccepted: Bool
    /// Wall-clock seconds until the returned point was found (MIP only; nil without a solution).
    public var secondsToIncumbent: Double? = nil
    /// One dual value (shadow price) per constraint, in constraint order, for an optimal LP
    /// (`solveLP`); empty otherwise. GLPK's convention: a variable's reduced cost is its objective
    /// coefficient minus Σ over its rows of coefficient × dual.
    public var duals: [Double] = []

    /// The value of a variable in this solution.
    public subscript(_ v: Variable) -> Double { values[v.index] }

    /// |objective − bestBound| / (|objective| + ε), the convention of GLPK; nil when either is missing.
    public var relativeGap: Double? {
        guard let objective, let bestBound else { return nil }
        return abs(objective - bestBound) / (abs(objective) + Double.ulpOfOne)
    }
}
