import CGLPK
import DagrouteCore
import Foundation

extension Model {
    /// Solves the model with GLPK's branch-and-cut (`glp_intopt`) on the calling thread.
    ///
    /// The best bound is tracked from the search tree in the branch-and-cut callback; a warm start
    /// (`parameters.warmStart`) is offered there as the first incumbent (`glp_ios_heur_sol`).
    /// When the objective takes only integral values at integral points (`hasIntegralObjective`),
    /// only points at least one unit better than the incumbent are of interest: a node whose LP
    /// bound is less than one unit better gets the objective cut (objective ≤ incumbent − 1, ≥ for
    /// maximisation), which makes its LP infeasible and prunes it (GLPK by itself prunes only nodes
    /// no better than the incumbent), and the search stops as soon as the global bound, rounded
    /// towards the incumbent, reaches it: the incumbent is then optimal.
    /// - Throws: `GLPKError.invalidArgument` for a bad time limit or gap, or a warm start of the
    ///   wrong length, with non-finite or non-integral values, or violating a bound or constraint;
    ///   `GLPKError.solverFailed` when GLPK cannot finish for numerical reasons.
    /// - Parameter simplexIterationLimit: when set, branch-and-cut stops once the simplex has made
    ///   this many iterations on the model (root LP included, `glp_get_it_cnt`), and the incumbent
    ///   comes back as at a time limit: a budget that does not depend on the clock, so the same
    ///   model and parameters stop at the same point however loaded the machine is (as long as
    ///   `timeLimit` does not come first).
    public func solveMIP(_ parameters: MIPParameters = MIPParameters(), simplexIterationLimit: Int? = nil) throws -> Solution {
        try checkTimeLimit(parameters.timeLimit)
        guard parameters.relativeGap >= 0, parameters.relativeGap.isFinite else {
            throw GLPKError.invalidArgument("expected a relative gap >= 0, found \(parameters.relativeGap)")
        }
        if let b = parameters.objectiveBound, !b.isFinite {
            throw GLPKError.invalidArgument("expected a finite objective bound, found \(b)")
        }
        let warmStart = try parameters.warmStart.map(checkedWarmStart)
        let start = Date()
        let problem = try GLPKProblem(self)
        let p = problem.pointer
        let context = BranchAndCutContext(start: start, warmStart: warmStart, timeLimit: parameters.timeLimit,
                                          separator: parameters.separator, columns: variableCount)
        if hasIntegralObjective {
            context.objectiveRow = (0..<variableCount).filter { objective[$0] != 0 }.map { (Int32($0 + 1), objective[$0]) }
        }
        context.minimize = sense == .minimize
        context.iterationLimit = simplexIterationLimit
        context.knownBound = parameters.objectiveBound
        context.bestBound = parameters.objectiveBound
        context.objectiveConstant = objectiveConstant
        var solution = Solution(status: .infeasible, objective: nil, bestBound: nil, values: [],
                                seconds: 0, secondsToFirstFeasible: nil, warmStartAccepted: false)
        defer { _ = context }

        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.mip_gap = parameters.relativeGap
        let cuts = parameters.cuts ? GLP_ON : GLP_OFF
        parm.gmi_cuts = cuts; parm.mir_cuts = cuts; parm.cov_cuts = cuts; parm.clq_cuts = cuts
        parm.fp_heur = parameters.feasibilityPump ? GLP_ON : GLP_OFF
        parm.flip = GLP_ON // long-step dual ratio test in node LPs too (as glpsol --flip)
        parm.cb_func = branchAndCutCallback
        parm.cb_info = Unmanaged.passUnretained(context).toOpaque()
        // GLPK's MIP presolver renumbers columns, so a warm start needs the unpresolved problem;
        // with no rows or columns GLPK's simplex needs the presolver too.
        let emptyProblem = constraintCount == 0 || variableCount == 0
        let usePresolve = emptyProblem
            || (parameters.presolve && warmStart == nil && parameters.rootHeuristic == nil && parameters.separator == nil)
        parm.presolve = usePresolve ? GLP_ON : GLP_OFF

        var code: Int32
        if usePresolve {
            if let t = parameters.timeLimit { parm.tm_lim = milliseconds(t) }
            code = glp_intopt(p, &parm)
        } else {
            // The root LP by the long-step dual simplex, without the LP presolver (slower here).
            var lpCode = problem.simplex(presolve: false, timeLimit: parameters.timeLimit, longStepDual: true)
            if lpCode == 0 && glp_get_status(p) != GLP_OPT {
                // The dual simplex may stop at dual infeasibility with primal feasibility unknown:
                // the primal simplex settles infeasible versus unbounded.
                lpCode = problem.simplex(presolve: false, timeLimit: parameters.timeLimit.map { max(0.001, $0 - Date().timeIntervalSince(start)) })
            }
            if lpCode == 0 && glp_get_status(p) == GLP_OPT, let separator = parameters.separator {
                // New rounds start only in the first half of the time limit, leaving the rest to
                // the root heuristic and branch-and-cut (which keeps separating at its nodes).
                let lastRound = parameters.timeLimit.map { start.addingTimeInterval($0 / 2) }
                lpCode = try separationRounds(problem, separator, lastRound: lastRound, deadline: context.deadline)
            }
            guard lpCode == 0 || lpCode == GLP_ETMLIM else {
                throw GLPKError.solverFailed("glp_simplex returned \(lpCode) on the root LP of model \(name)")
            }
            let lpStatus = glp_get_status(p)
            if lpCode == GLP_ETMLIM || lpStatus != GLP_OPT {
                if lpCode == GLP_ETMLIM { solution.status = .noSolutionWithinTimeLimit }
                else if lpStatus == GLP_NOFEAS || glp_get_prim_stat(p) == GLP_NOFEAS { solution.status = .infeasible }
                else if lpStatus == GLP_UNBND || glp_get_dual_stat(p) == GLP_NOFEAS { solution.status = .unbounded }
                else { throw GLPKError.solverFailed("root LP ended without a verdict (status \(lpStatus)) on model \(name)") }
                if solution.status == .noSolutionWithinTimeLimit, let warmStart {
                    // The caller's point is feasible; it is the best known.
                    solution.values = Array(warmStart.dropFirst())
                    solution.objective = objectiveValue(solution.values)
                    solution.bestBound = context.bestBound
                    solution.status = .feasible(gap: solution.relativeGap ?? .infinity)
                    solution.secondsToFirstFeasible = 0
                    solution.secondsToIncumbent = 0
                }
                solution.seconds = Date().timeIntervalSince(start)
                return solution
            }
            if let heuristic = parameters.rootHeuristic {
                let relaxation = (0..<variableCount).map { glp_get_col_prim(p, Int32($0 + 1)) }
                if let point = heuristic(relaxation) {
                    let checked = try checkedWarmStart(point)
                    let better = { (a: [Double], b: [Double]) -> Bool in
                        let (va, vb) = (objectiveValue(Array(a.dropFirst())), objectiveValue(Array(b.dropFirst())))
                        return sense == .minimize ? va < vb : va > vb
                    }
                    if context.warmStart.map({ better(checked, $0) }) ?? true {
                        context.warmStart = checked
                        if warmStart == nil { context.firstFeasible = Date().timeIntervalSince(start) }
                        context.incumbentFound = Date().timeIntervalSince(start)
                    }
                }
            }
            if let t = parameters.timeLimit { parm.tm_lim = milliseconds(t - Date().timeIntervalSince(start)) }
            code = glp_intopt(p, &parm)
        }
        if let error = context.separationError { throw error }

        let mipStatus = glp_mip_status(p)
        switch code {
        case 0, GLP_ETMLIM, GLP_EMIPGAP, GLP_ESTOP:  // GLP_ESTOP: time limit or Ctrl-C, via the callback
            if (mipStatus == GLP_OPT && code == 0) || (mipStatus == GLP_FEAS && context.provenByIntegrality) {
                solution.status = .optimal
            } else if mipStatus == GLP_OPT || mipStatus == GLP_FEAS {
                solution.status = .feasible(gap: .infinity)
            } else if mipStatus == GLP_NOFEAS && code == 0 {
                solution.status = .infeasible
            } else if code == GLP_ETMLIM || code == GLP_ESTOP {
                solution.status = .noSolutionWithinTimeLimit
            } else {
                throw GLPKError.solverFailed("glp_intopt returned \(code) with MIP status \(mipStatus) on model \(name)")
            }
        case GLP_ENOPFS:
            solution.status = .infeasible
        case GLP_ENODFS:
            // The presolver found the relaxation dual infeasible: tell infeasible from unbounded.
            let lpCode = problem.simplex(presolve: false, timeLimit: nil)
            let lpStatus = glp_get_status(p)
            if lpCode == 0 && (lpStatus == GLP_UNBND || (glp_get_prim_stat(p) == GLP_FEAS && glp_get_dual_stat(p) == GLP_NOFEAS)) {
                solution.status = .unbounded
            } else if lpCode == 0 && (lpStatus == GLP_NOFEAS || glp_get_prim_stat(p) == GLP_NOFEAS) {
                solution.status = .infeasible
            } else {
                throw GLPKError.solverFailed("relaxation of model \(name) is dual infeasible but the re-solve gave code \(lpCode), status \(lpStatus)")
            }
        default:
            throw GLPKError.solverFailed("glp_intopt returned \(code) on model \(name)")
        }

        if solution.status.hasSolution {
            solution.values = (0..<variableCount).map { j in
                let v = glp_mip_col_val(p, Int32(j + 1))
                return kinds[j] == .continuous ? v : v.rounded()
            }
            // Recomputed from the rounded values: exact for integral data, unlike GLPK's sum.
            solution.objective = objectiveValue(solution.values)
            if solution.status != .optimal, let bound = context.bestBound, let objective = solution.objective,
               context.provesByIntegrality(bound: bound, incumbent: objective) {
                solution.status = .optimal // e.g. a warm start already at the caller's bound, rounded
            }
            if solution.status == .optimal {
                solution.bestBound = solution.objective
            } else {
                solution.bestBound = context.bestBound
                solution.status = .feasible(gap: solution.relativeGap ?? .infinity)
            }
            solution.secondsToFirstFeasible = context.firstFeasible ?? Date().timeIntervalSince(start)
            solution.secondsToIncumbent = context.incumbentFound ?? solution.secondsToFirstFeasible
        } else if solution.status == .noSolutionWithinTimeLimit {
            solution.bestBound = context.bestBound
            if let warmStart = context.warmStart {
                // Stopped before GLPK asked for a heuristic point: the warm start (or the root
                // heuristic's point) is feasible and the best known.
                solution.values = Array(warmStart.dropFirst())
                solution.objective = objectiveValue(solution.values)
                solution.status = .feasible(gap: solution.relativeGap ?? .infinity)
                solution.secondsToFirstFeasible = context.firstFeasible ?? 0
                solution.secondsToIncumbent = context.incumbentFound ?? solution.secondsToFirstFeasible
            }
        }
        solution.warmStartAccepted = context.warmStartAccepted
        solution.seconds = Date().timeIntervalSince(start)
        return solution
    }

    /// Cutting-plane loop on the root LP: adds the separator's cuts that the LP point violates and
    /// re-optimises by the dual simplex, until none is violated, `lastRound` passes (no new round
    /// starts; a started one may run to `deadline`) or Ctrl-C. Returns the last simplex code (0 with
    /// an optimal basis, as `glp_intopt` needs).
    private func separationRounds(_ problem: GLPKProblem, _ separator: @Sendable ([Double]) -> [Cut],
                                  lastRound: Date?, deadline: Date?) throws -> Int32 {
        while !Cancellation.isRequested {
            if let lastRound, Date() >= lastRound { return 0 }
            let remaining = deadline.map { $0.timeIntervalSinceNow } ?? .infinity
            let x = problem.columnPrimals(variableCount)
            let cuts = try separator(x).compactMap { cut in
                let row = try cut.glpkRow(columns: variableCount)
                return cut.violation(at: x) > Cut.tolerance * max(1, abs(cut.upper)) ? (cut.upper, row) : nil
            }
            guard !cuts.isEmpty else { return 0 }
            problem.addRows(cuts)
            let code = problem.simplex(presolve: false, timeLimit: remaining.isFinite ? remaining : nil, longStepDual: true)
            guard code == 0 && glp_get_status(problem.pointer) == GLP_OPT else { return code }
        }
        return 0
    }

    /// Whether every integral point has an integral objective value: only integer and binary
    /// variables carry objective coefficients, and those and the constant are whole numbers.
    public var hasIntegralObjective: Bool {
        objectiveConstant == objectiveConstant.rounded()
            && (0..<variableCount).allSatisfy { objective[$0] == 0 || (kinds[$0] != .continuous && objective[$0] == objective[$0].rounded()) }
    }

    /// Validates a warm start and returns it 1-based (element 0 unused), integers exactly integral.
    private func checkedWarmStart(_ x: [Double]) throws -> [Double] {
        guard x.count == variableCount else {
            throw GLPKError.invalidArgument("warm start: expected \(variableCount) values, found \(x.count)")
        }
        for j in 0..<variableCount where kinds[j] == .binary && x[j] != 0 && x[j] != 1 {
            throw GLPKError.invalidArgument("warm start: binary variable #\(j) must be 0 or 1, found \(x[j])")
        }
        if let problem = violation(of: x) { throw GLPKError.invalidArgument("warm start is not feasible: \(problem)") }
        return [0] + (0..<variableCount).map { kinds[$0] == .continuous ? x[$0] : x[$0].rounded() }
    }
}

/// State shared with GLPK's branch-and-cut callback (accessed only on the solving thread).
final class BranchAndCutContext {
    let start: Date
    var warmStart: [Double]?
    var warmStartOffered = false
    var warmStartAccepted = false
    var bestBound: Double?
    /// The caller's proven bound (`MIPParameters.objectiveBound`): `bestBound` is never weaker.
    var knownBound: Double?
    var firstFeasible: Double?
    /// Seconds from the start until the current incumbent was found.
    var incumbentFound: Double?
    /// The incumbent's objective value when the callback last ran.
    var lastIncumbent: Double?
    /// Set by `solveMIP` when the objective is integral at integral points: its nonzero terms
    /// (1-based column, coefficient), nil otherwise.
    var objectiveRow: [(Int32, Double)]?
    var objectiveConstant = 0.0
    var minimize = true
    /// The bound rounded towards the incumbent reached it (integral objective): optimal.
    var provenByIntegrality = false
    /// GLPK checks its own time limit only between some steps (root cuts can overrun it by many
    /// seconds), so the callback also stops the search at this wall-clock deadline.
    let deadline: Date?
    let separator: (@Sendable ([Double]) -> [Cut])?
    let columns: Int
    /// A bad cut from the separator: the search is stopped and `solveMIP` throws this.
    var separationError: GLPKError?
    /// Simplex iterations after which the search stops (`solveMIP(_:simplexIterationLimit:)`).
    var iterationLimit: Int?

    init(start: Date, warmStart: [Double]?, timeLimit: Double?, separator: (@Sendable ([Double]) -> [Cut])?, columns: Int) {
        self.start = start
        self.warmStart = warmStart
        deadline = timeLimit.map { start.addingTimeInterval($0) }
        self.separator = separator
        self.columns = columns
    }

    /// At a node with a fractional LP solution: hands the separator's violated cuts to GLPK's
    /// cut pool (they become rows of the node's LP and of its subtree).
    func separate(_ tree: OpaquePointer) {
        guard let separator, separationError == nil else { return }
        let prob = glp_ios_get_prob(tree)
        let x = (0..<columns).map { glp_get_col_prim(prob, Int32($0 + 1)) }
        for cut in separator(x) {
            do {
                let row = try cut.glpkRow(columns: columns)
                guard cut.violation(at: x) > Cut.tolerance * max(1, abs(cut.upper)) else { continue }
                _ = glp_ios_add_row(tree, nil, 0, 0, Int32(row.index.count - 1), row.index, row.value, GLP_UP, cut.upper)
            } catch let error as GLPKError {
                separationError = error
                glp_ios_terminate(tree)
                return
            } catch { return }
        }
    }
}

extension BranchAndCutContext {
    /// Whether `bound`, rounded towards the incumbent, reaches it: with an integral objective the
    /// incumbent is then optimal. False when the objective is not integral.
    func provesByIntegrality(bound: Double, incumbent: Double) -> Bool {
        guard objectiveRow != nil else { return false }
        let slack = 1e-6 * max(1, abs(bound))
        let rounded = minimize ? (bound - slack).rounded(.up) : (bound + slack).rounded(.down)
        return minimize ? rounded >= incumbent - 0.5 : rounded <= incumbent + 0.5
    }

    /// At a fractional node of a model with an integral objective and an incumbent: when the node's
    /// LP value is less than one unit better than the incumbent, adds the objective cut
    /// (objective ≤ incumbent − 1 when minimising), which no point of the node's LP satisfies.
    func cutOffByIntegrality(_ tree: OpaquePointer) {
        let prob = glp_ios_get_prob(tree)
        guard let objectiveRow, !objectiveRow.isEmpty, glp_mip_status(prob) == GLP_FEAS else { return }
        let incumbent = glp_mip_obj_val(prob), value = glp_get_obj_val(prob)
        let slack = 1e-6 * max(1, abs(incumbent))
        let limit = minimize ? incumbent - 1 + slack : incumbent + 1 - slack
        guard minimize ? value > limit + slack : value < limit - slack else { return }
        let index = [0] + objectiveRow.map(\.0), coefficient = [0] + objectiveRow.map(\.1)
        _ = glp_ios_add_row(tree, nil, 0, 0, Int32(objectiveRow.count), index, coefficient,
                            minimize ? GLP_UP : GLP_LO, limit - objectiveConstant)
    }
}

/// GLPK calls this at each branch-and-cut event: track the best bound and the first incumbent,
/// and offer the warm start at the first heuristic request.
private func branchAndCutCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    let context = Unmanaged<BranchAndCutContext>.fromOpaque(info).takeUnretainedValue()
    let best = glp_ios_best_node(tree)
    // GLPK reports ∓DBL_MAX while a node's bound is unknown.
    if best != 0, case let b = glp_ios_node_bound(tree, best), abs(b) < 1e300 {
        context.bestBound = context.knownBound.map { context.minimize ? max($0, b) : min($0, b) } ?? b
    }
    if glp_ios_reason(tree) == GLP_ICUTGEN {
        context.separate(tree)
        context.cutOffByIntegrality(tree)
    }
    if glp_ios_reason(tree) == GLP_IHEUR, !context.warmStartOffered, let x = context.warmStart {
        context.warmStartOffered = true
        context.warmStartAccepted = x.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
    }
    let prob = glp_ios_get_prob(tree)
    if context.firstFeasible == nil, glp_mip_status(prob) == GLP_FEAS {
        context.firstFeasible = Date().timeIntervalSince(context.start)
    }
    // A new incumbent may come from a node LP or from GLPK's own heuristics (not all report
    // GLP_IBINGO): watch its value.
    if glp_mip_status(prob) == GLP_FEAS, case let value = glp_mip_obj_val(prob), value != context.lastIncumbent {
        if context.lastIncumbent != nil || context.incumbentFound == nil { context.incumbentFound = Date().timeIntervalSince(context.start) }
        context.lastIncumbent = value
    }
    if glp_mip_status(prob) == GLP_FEAS, let bound = context.bestBound,
       context.provesByIntegrality(bound: bound, incumbent: glp_mip_obj_val(prob)) {
        context.provenByIntegrality = true
        glp_ios_terminate(tree)
    }
    if let deadline = context.deadline, Date() >= deadline { glp_ios_terminate(tree) }
    if let limit = context.iterationLimit, glp_get_it_cnt(prob) >= limit { glp_ios_terminate(tree) }
    // Ctrl-C (DagrouteCore.Cancellation): stop with the incumbent, reported like a time limit.
    if Cancellation.isRequested { glp_ios_terminate(tree) }
}
