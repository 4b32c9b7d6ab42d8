import CGLPK
import Foundation

extension Model {
    /// Solves the model as an LP with the simplex method (integrality ignored), on the calling thread.
    ///
    /// With presolve, GLPK reports infeasible or unbounded problems only as "no primal/dual feasible
    /// solution"; those answers are confirmed by a re-solve without presolve, so `.infeasible` and
    /// `.unbounded` are always told apart.
    /// - Throws: `GLPKError.invalidArgument` for a bad time limit or model name,
    ///   `GLPKError.solverFailed` when GLPK cannot finish for numerical reasons.
    public func solveLP(_ parameters: LPParameters = LPParameters()) throws -> Solution {
        try checkTimeLimit(parameters.timeLimit)
        let start = Date()
        let problem = try GLPKProblem(self)
        let p = problem.pointer
        // GLPK's simplex without presolve refuses a problem with no rows or no columns.
        let presolve = parameters.presolve || constraintCount == 0 || variableCount == 0
        var code = problem.simplex(presolve: presolve, timeLimit: parameters.timeLimit, longStepDual: parameters.dualSimplex)
        let settle = (presolve && (code == GLP_ENOPFS || code == GLP_ENODFS))
            || (parameters.dualSimplex && code == 0 && glp_get_status(p) != GLP_OPT) // dual may leave primal feasibility open
        if settle && constraintCount > 0 && variableCount > 0 {
            let remaining = parameters.timeLimit.map { $0 - Date().timeIntervalSince(start) }
            code = problem.simplex(presolve: false, timeLimit: remaining.map { max($0, 0.001) })
        }
        var solution = Solution(status: .infeasible, objective: nil, bestBound: nil, values: [],
                                seconds: 0, secondsToFirstFeasible: nil, warmStartAccepted: false)
        switch code {
        case 0:
            switch glp_get_status(p) {
            case GLP_OPT:
                solution.status = .optimal
                solution.objective = glp_get_obj_val(p)
                solution.bestBound = solution.objective
                solution.values = (0..<variableCount).map { glp_get_col_prim(p, Int32($0 + 1)) }
                solution.duals = (0..<constraintCount).map { glp_get_row_dual(p, Int32($0 + 1)) }
            case GLP_NOFEAS: solution.status = .infeasible
            case GLP_UNBND: solution.status = .unbounded
            default:
                let primal = glp_get_prim_stat(p), dual = glp_get_dual_stat(p)
                if primal == GLP_NOFEAS { solution.status = .infeasible }
                else if primal == GLP_FEAS && dual == GLP_NOFEAS { solution.status = .unbounded }
                else { throw GLPKError.solverFailed("simplex ended without a verdict (status \(glp_get_status(p))) on model \(name)") }
            }
        case GLP_ENOPFS: solution.status = .infeasible
        case GLP_ENODFS: solution.status = .unbounded
        case GLP_ETMLIM: solution.status = .noSolutionWithinTimeLimit
        default:
            throw GLPKError.solverFailed("glp_simplex returned \(code) on model \(name)")
        }
        solution.seconds = Date().timeIntervalSince(start)
        return solution
    }
}
