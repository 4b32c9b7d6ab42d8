/// Options of an LP solve (`Model.solveLP`).
public struct LPParameters: Sendable {
    /// Wall-clock limit in seconds (positive), nil for none.
    public var timeLimit: Double?
    /// Use GLPK's LP presolver. Infeasible/unbounded answers found by it are confirmed by a
    /// re-solve without it.
    public var presolve: Bool
    /// Use the dual simplex with the long-step ratio test (falling back to the primal simplex),
    /// often much faster on assignment models; without it the primal simplex is used.
    public var dualSimplex: Bool

    public init(timeLimit: Double? = nil, presolve: Bool = true, dualSimplex: Bool = false) {
        self.timeLimit = timeLimit
        self.presolve = presolve
        self.dualSimplex = dualSimplex
    }
}

/// Options of a MIP solve (`Model.solveMIP`).
public struct MIPParameters: Sendable {
    /// Wall-clock limit in seconds for the whole solve (positive), nil for none.
    public var timeLimit: Double?
    /// Stop when |incumbent − bound| / (|incumbent| + ε) ≤ this (0 = prove optimality).
    public var relativeGap: Double
    /// Use GLPK's MIP presolver. Ignored with a warm start (the presolver renumbers columns, so
    /// it could not receive the incumbent). Without it the root LP is solved by the long-step
    /// dual simplex, which is often faster on large assignment models.
    public var presolve: Bool
    /// Generate Gomory, MIR, cover and clique cuts.
    public var cuts: Bool
    /// Use GLPK's feasibility pump heuristic.
    public var feasibilityPump: Bool
    /// A feasible point (one value per variable) handed to branch-and-cut as the first incumbent
    /// through the heuristic callback. Must satisfy every bound, integrality and constraint.
    public var warmStart: [Double]?
    /// Called once with the root LP solution (one value per variable) before branch-and-cut
    /// starts; a returned feasible point better than `warmStart` becomes the first incumbent
    /// (e.g. LP rounding). Its time counts against `timeLimit`. Bypasses the MIP presolver like a
    /// warm start; a returned point that is not feasible makes `solveMIP` throw.
    public var rootHeuristic: (@Sendable ([Double]) -> [Double]?)?
    /// Separation routine for model-specific valid inequalities (`Cut`): called with an LP
    /// solution (one value per variable), it returns cuts; those the point violates are added.
    /// At the root it is called in rounds until it returns no violated cut (before
    /// `rootHeuristic`; no new round starts after half the time limit, so that the heuristic and
    /// branch-and-cut get the other half); in branch-and-cut at every node whose LP solution is
    /// fractional. This lets
    /// a model start from a small formulation and add the many rows of a strong one only where
    /// the LP needs them. Bypasses the MIP presolver like a warm start. A cut with an unknown or
    /// repeated variable or a non-finite number makes `solveMIP` throw.
    public var separator: (@Sendable ([Double]) -> [Cut])?
    /// A bound on the optimum that the caller has proved by other means (a lower bound when
    /// minimising, an upper bound when maximising; e.g. a Lagrangian bound): `Solution.bestBound`
    /// is never weaker than it, and with an integral objective (`Model.hasIntegralObjective`) the
    /// search stops as optimal once the incumbent reaches it rounded. Must be finite.
    public var objectiveBound: Double?

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true, cuts: Bool = true,
                feasibilityPump: Bool = false, warmStart: [Double]? = nil, rootHeuristic: (@Sendable ([Double]) -> [Double]?)? = nil,
                separator: (@Sendable ([Double]) -> [Cut])? = nil, objectiveBound: Double? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.warmStart = warmStart
        self.rootHeuristic = rootHeuristic
        self.separator = separator
        self.objectiveBound = objectiveBound
    }
}

/// GLPK takes time limits as whole milliseconds in an `Int32`.
func milliseconds(_ seconds: Double) -> Int32 {
    Int32(max(1, min(Double(Int32.max), (seconds * 1000).rounded(.up))))
}

func checkTimeLimit(_ t: Double?) throws {
    if let t, !(t > 0 && t.isFinite) {
        throw GLPKError.invalidArgument("expected a positive, finite time limit in seconds, found \(t)")
    }
}
