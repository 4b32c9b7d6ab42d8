/// Errors of the GLPK layer. GLPK itself aborts the process on bad arguments, so every argument is
/// checked in Swift first and rejected with `invalidArgument` before GLPK sees it.
public enum GLPKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A caller error: a NaN or infinite coefficient, inverted bounds, an unknown or repeated
    /// variable in a constraint, a bad name, a warm start that is not a feasible point, …
    case invalidArgument(String)
    /// GLPK stopped for a numerical or internal reason (e.g. a singular basis it could not repair).
    case solverFailed(String)

    public var description: String {
        switch self {
        case .invalidArgument(let m): return "invalid model argument: \(m)"
        case .solverFailed(let m): return "GLPK failed: \(m)"
        }
    }
}
