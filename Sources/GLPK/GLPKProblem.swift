import CGLPK
import DagrouteCore
import Foundation

/// A GLPK problem object built from a `Model`, owned by the thread that created it.
///
/// GLPK's environment is thread-local in Debian's build, so the object is created, solved and
/// deleted on one thread; `init` switches GLPK's terminal output off for that thread.
final class GLPKProblem {
    let pointer: OpaquePointer

    init(_ model: Model) throws {
        try Model.checkName(model.name, "model name")
        glp_term_out(GLP_OFF)
        let p = glp_create_prob()!
        pointer = p
        glp_set_prob_name(p, model.name)
        glp_set_obj_dir(p, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(p, 0, model.objectiveConstant)
        let n = model.variableCount, m = model.constraintCount
        if n > 0 { glp_add_cols(p, Int32(n)) }
        if m > 0 { glp_add_rows(p, Int32(m)) }
        for j in 0..<n {
            let col = Int32(j + 1)
            if let name = model.variableNames[j] { glp_set_col_name(p, col, name) }
            switch model.kinds[j] {
            case .continuous: glp_set_col_kind(p, col, GLP_CV)
            case .integer: glp_set_col_kind(p, col, GLP_IV)
            case .binary: glp_set_col_kind(p, col, GLP_BV)
            }
            if model.kinds[j] != .binary {
                let (type, lo, up) = GLPKProblem.boundType(model.lowerBounds[j], model.upperBounds[j])
                glp_set_col_bnds(p, col, type, lo, up)
            }
            glp_set_obj_coef(p, col, model.objective[j])
        }
        for i in 0..<m {
            let row = Int32(i + 1)
            if let name = model.constraintNames[i] { glp_set_row_name(p, row, name) }
            let (type, lo, up) = GLPKProblem.boundType(model.rowLower[i], model.rowUpper[i])
            glp_set_row_bnds(p, row, type, lo, up)
        }
        let nz = model.nonzeroCount
        if nz > 0 {
            // Triplets, 1-based with an unused element 0 (GLPK's convention).
            var ia = [Int32](repeating: 0, count: nz + 1), ja = [Int32](repeating: 0, count: nz + 1)
            var ar = [Double](repeating: 0, count: nz + 1)
            for i in 0..<m {
                for k in model.rowStart[i]..<model.rowStart[i + 1] {
                    ia[k + 1] = Int32(i + 1); ja[k + 1] = model.entryColumn[k] + 1; ar[k + 1] = model.entryValue[k]
                }
            }
            glp_load_matrix(p, Int32(nz), ia, ja, ar)
        }
    }

    deinit { glp_delete_prob(pointer) }

    static func boundType(_ lo: Double, _ up: Double) -> (Int32, Double, Double) {
        switch (lo.isFinite, up.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lo, 0)
        case (false, true): return (GLP_UP, 0, up)
        case (true, true): return (lo == up ? GLP_FX : GLP_DB, lo, up)
        }
    }

    /// A simplex solve of the LP (relaxation); returns GLPK's return code. `longStepDual` selects
    /// the dual simplex with the long-step (flip) ratio test, falling back to the primal simplex
    /// if the dual fails: on assignment models with open/close decisions this solved the root LP
    /// in 1–13 s where the primal simplex took 30 to over 60 s.
    ///
    /// Without presolve the simplex runs in slices of at most `sliceIterations` iterations, each
    /// resuming from the basis the previous one left, so that Ctrl-C (`Cancellation.isRequested`)
    /// is honoured between slices (GLPK's simplex has no callback); cancellation then returns
    /// `GLP_ETMLIM`, like the time limit. Slices end at iteration counts, not times, so the pivots —
    /// and the vertex reached — do not depend on the machine's load. With presolve GLPK restarts
    /// from scratch on every call, so that solve is one uninterruptible call.
    func simplex(presolve: Bool, timeLimit: Double?, longStepDual: Bool = false) -> Int32 {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        if longStepDual { parm.meth = GLP_DUALP; parm.r_test = GLP_RT_FLIP }
        if presolve {
            if let timeLimit { parm.tm_lim = milliseconds(timeLimit) }
            return glp_simplex(pointer, &parm)
        }
        let deadline = timeLimit.map { Date().addingTimeInterval($0) }
        parm.it_lim = GLPKProblem.sliceIterations
        while true {
            if let deadline { parm.tm_lim = milliseconds(deadline.timeIntervalSinceNow) }
            let code = glp_simplex(pointer, &parm)
            guard code == GLP_EITLIM else { return code }
            if Cancellation.isRequested || deadline.map({ Date() >= $0 }) == true { return GLP_ETMLIM }
        }
    }

    /// Most simplex iterations per uninterrupted call (see `simplex`).
    static let sliceIterations: Int32 = 1_000
}
