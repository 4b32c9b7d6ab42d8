import Foundation
import GLPK

/// A generalized assignment problem: give every job to exactly one agent, within each agent's
/// capacity, at least (or most, when maximising) total cost. The textbook model behind client →
/// location assignment, used to check the machinery against OR-Library optima.
public struct GeneralizedAssignmentProblem: Sendable {
    /// `cost[i][j]`: cost (profit when maximising) of job j at agent i; agents × jobs, finite.
    public var cost: [[Double]]
    /// `resource[i][j]`: capacity job j uses at agent i (≥ 0, finite); agents × jobs.
    public var resource: [[Double]]
    /// Capacity of each agent (≥ 0, finite).
    public var capacity: [Double]
    public var sense: Sense

    public init(cost: [[Double]], resource: [[Double]], capacity: [Double], sense: Sense) {
        self.cost = cost; self.resource = resource; self.capacity = capacity; self.sense = sense
    }

    public var agents: Int { capacity.count }
    public var jobs: Int { cost.first?.count ?? 0 }
}

/// The outcome of `GeneralizedAssignment.solve`.
public struct GeneralizedAssignmentResult: Sendable {
    /// GLPK's verdict (`.infeasible` directly when some job fits no agent at all).
    public var status: SolveStatus
    /// Total cost of `agentOfJob`, nil without a solution.
    public var objective: Double?
    public var bestBound: Double?
    /// The 0-based agent of every job, nil without a solution.
    public var agentOfJob: [Int]?
    /// Wall-clock seconds.
    public var seconds: Double
    /// Objective of the heuristics' point offered to branch-and-cut as its first incumbent, nil
    /// when they found none (or the time limit ended the LP first).
    public var heuristicObjective: Double?
    /// Wall-clock seconds from the start until the heuristics (and the Lagrangian ascent) ended,
    /// nil when they did not run.
    public var heuristicSeconds: Double?
    /// Wall-clock seconds from the start until the final incumbent was known, nil without one.
    public var secondsToIncumbent: Double?
    /// The Lagrangian bound (`GAPLagrangian`, in the problem's sense), nil when it was not computed
    /// (data not whole numbers, tables too large, or the first incumbent was already proven by the LP).
    public var lagrangianBound: Double?
    /// Knapsack evaluations of the subgradient ascent.
    public var lagrangianIterations = 0
    /// Pairs (agent, job) with a variable before and after Lagrangian fixing; 0 when not counted.
    public var pairs = 0
    public var pairsAfterFixing = 0
    /// Targets of the growing-target phase (each asks for an assignment of value ≤ a target) and
    /// the nodes of `GAPLagrangianBranching` over all of them.
    public var targetRounds = 0
    public var branchingNodes = 0
}

/// Builds and solves the GAP MIP: binary x(i, j) only for pairs where the job fits the agent's
/// capacity on its own; Σ_i x(i, j) = 1 per job; Σ_j resource(i, j) x(i, j) ≤ capacity(i).
///
/// The steps (steps 2–4 within `preMIPShare` of the time limit):
/// 1. the LP relaxation (long-step dual simplex), whose values start the tabu search and whose
///    duals of the job rows start the Lagrangian multipliers;
/// 2. `GAPTabuSearch` from the LP point (each job at the agent its LP value favours);
/// 3. with whole resources and capacities, `GAPLagrangian`: subgradient ascent on the relaxation
///    of the job rows (a knapsack per agent), a bound at least the LP's; the tabu search again
///    from the knapsacks' assignment at the best multipliers;
/// 4. Lagrangian fixing against the incumbent (`GAPLagrangianBranching.reduce`: pairs whose forced
///    bound exceeds incumbent − 1 dropped, ascent and fixing repeated on what is left), then on the
///    pairs left and the incumbent's own: with integral costs `GAPAgentSubsetSearch` (every job of
///    a few agents re-solved by small Lagrangian trees; with more than `suspectJobsAgents` agents
///    every second round re-solves the `GAPSuspectJobs` over all agents instead), otherwise
///    `GAPSubproblemSearch` (GLPK sub-MIPs over a few agents' jobs);
/// 5. with integral costs and an incumbent: when the incumbent is more than `oneTreeGap` above the
///    bound, first one `GAPLagrangianBranching` tree below the incumbent (cut-off falling with every
///    better incumbent it meets; an exhausted tree proves the incumbent); when it is then still more
///    than `agentSubsetGap` above, `GAPAgentSubsetSearch` again for up to `agentSubsetShare` of the
///    time left or `agentSubsetLateStallRounds` rounds without improvement; then growing targets
///    T = ⌈bound⌉, ⌈bound⌉ + 1, … below the incumbent, each answered by `GAPLagrangianBranching`:
///    the first assignment of value ≤ T is optimal, every "none" raises the bound to T + 1 (each
///    tree on `threads` workers, with the one-worker answer; every node also runs a short tabu
///    search on its pairs, `targetTabuMovesPerJob`). Both take the assignments their nodes'
///    Lagrangian heuristic and leaves meet as incumbents;
/// 6. otherwise (no Lagrangian, fractional costs, no incumbent) GLPK's branch-and-cut from the
///    incumbent with the bound as `MIPParameters.objectiveBound`.
/// Every step stops once the incumbent reaches the bound (rounded up with integral costs): it is
/// then optimal. The time limit can end any step; the result then holds the incumbent and the bound.
public enum GeneralizedAssignment {
    /// Move budget of the tabu search: 100 per job (on the 200-job Chu–Beasley problems 2–7 s in a
    /// release build on the shared development machine; more moves did not find better points).
    public static func heuristicIterations(jobs: Int) -> Int { 100 * jobs }

    /// Knapsack evaluations of the subgradient ascent.
    static let lagrangianIterations = 2_000
    /// Share of the time limit for the heuristics and the root ascent (steps 2–4); the exact search
    /// needs the rest more: at 60 s gapd#3 was proven with 0.1 in 55.7 s, not with 0.25.
    static let preMIPShare = 0.1
    /// The one-tree search below the incumbent (step 5a) runs when the incumbent is more than
    /// `oneTreeGap` (relative) above the bound, and ends at `oneTreeShare` of the time left or after
    /// `oneTreeStallNodes` nodes without a better incumbent. Shared machine, 60 s, same runs: on
    /// gapd#5 (1.4 % above) it ended at 6,209 against 6,275 without it, the bound the same 6,180;
    /// run on gapd#2 (0.2 % above) it cost the proof (52 s without it), and on gapc#4 2–3 s.
    static let oneTreeGap = 0.005
    static let oneTreeShare = 0.3
    static let oneTreeStallNodes = 200
    /// Sub-MIPs `GAPSubproblemSearch` solves after the tabu search (fractional data).
    static let subproblemRounds = 300
    /// Rounds of `GAPAgentSubsetSearch` after the tabu search (whole data), and rounds in a row
    /// without improvement after which it stops.
    static let agentSubsetRounds = 2_000
    static let agentSubsetStallRounds = 300
    /// After the one-tree phase, `GAPAgentSubsetSearch` runs again when the incumbent is still more
    /// than `agentSubsetGap` above the bound, until `agentSubsetShare` of the time left. The growing
    /// targets close gaps of about 0.2 % within a minute (gapd#1–3), not wider ones: those need a
    /// better incumbent first (shared machine, 60 s: gapd#4 12,464 → 12,451, gapd#5 6,205 → 6,199
    /// against main in the same minutes; BENCHMARKS.md "GAP gapc / gapd").
    static let agentSubsetGap = 0.0025
    static let agentSubsetShare = 0.5
    /// Rounds without improvement that end the second run: every idle round delays the targets
    /// (with 300, gapd#1's proof took 44.6 s against main's 18.2 s, shared machine).
    static let agentSubsetLateStallRounds = 50
    /// Problems of more than this many agents alternate the agent-subset rounds with rounds over
    /// `GAPSuspectJobs` (steps 4 and 5b). Shared machine, 60 s, the same minutes: gapd#5 (20 agents)
    /// 6,203 → 6,190, gapd#6 (20) 12,269 → 12,254, but gapd#4 (10) 12,451 → 12,462 and gapd#3's proof
    /// 25.6 → 55.0 s (BENCHMARKS.md "GAP gapc / gapd").
    static let suspectJobsAgents = 10
    /// Tabu moves per job each node of the growing-target trees (step 5c) runs from its knapsacks,
    /// on its own pairs (`GAPLagrangianBranching.tabuMovesPerJob`; 10 moves on 200 jobs). Shared
    /// machine, 60 s: gapd#4 12,451 → **12,433** (found in the target 12,428 tree, against the greedy
    /// repair's 12,454; the same with 0.1, 0.25 and 1 move per job), the bound the same 12,429;
    /// gapd#5 / gapd#6 unchanged (6,190 / 12,254); gapc#1–6 and gapd#1–3 proven as fast. More moves
    /// cost the proof: gapd#4 at 300 s took 211 s of CPU with 0.25, 195 s with 0.05, against 180 s
    /// without (single runs; 0 gives main's trees exactly; BENCHMARKS.md "GAP gapc / gapd").
    static let targetTabuMovesPerJob = 0.05

    /// - Parameters:
    ///   - parameters: the time limit covers everything; a caller's `rootHeuristic` replaces all of
    ///     the steps before branch-and-cut (plain GLPK with that heuristic).
    ///   - seed: the tabu search's random tenures and restarts and the subproblems' random choices.
    ///   - threads: workers of the growing-target trees (step 5c); the result does not depend on it
    ///     when the time limit does not end the search.
    /// - Throws: `GLPKError.invalidArgument` for ragged matrices or non-finite or negative data.
    public static func solve(_ p: GeneralizedAssignmentProblem, parameters: MIPParameters = MIPParameters(),
                             seed: UInt64 = 1, threads: Int = 1) throws -> GeneralizedAssignmentResult {
        try validate(p)
        let started = Date()
        guard parameters.rootHeuristic == nil else {
            return try solve(p, parameters, started: started, allowed: nil, incumbent: nil)
        }
        let (m, n) = (p.agents, p.jobs)
        let sign = p.sense == .minimize ? 1.0 : -1.0
        let integral = p.cost.joined().allSatisfy { $0 == $0.rounded() }
        let allowed = (0..<m).flatMap { i in (0..<n).map { p.resource[i][$0] <= p.capacity[i] } }
        if (0..<n).contains(where: { j in !(0..<m).contains { allowed[$0 * n + j] } }) {
            return GeneralizedAssignmentResult(status: .infeasible, objective: nil, bestBound: nil, agentOfJob: nil, seconds: 0)
        }
        let deadline = parameters.timeLimit.map { started.addingTimeInterval($0 * preMIPShare) }
        var result = GeneralizedAssignmentResult(status: .noSolutionWithinTimeLimit, objective: nil, bestBound: nil,
                                                 agentOfJob: nil, seconds: 0)
        result.pairs = allowed.filter { $0 }.count

        // 1. The LP relaxation (job rows first, then agent rows).
        let built = try model(p, allowed: allowed)
        let lp = try built.model.solveLP(LPParameters(timeLimit: parameters.timeLimit, presolve: false, dualSimplex: true))
        switch lp.status {
        case .infeasible: result.status = .infeasible; result.seconds = Date().timeIntervalSince(started); return result
        case .optimal: break
        default: result.seconds = Date().timeIntervalSince(started); return result // the time limit ended the LP
        }
        let weight = built.variableOfPair.map { $0.map { lp.values[$0] } ?? 0 }
        // `bound` is in minimisation form (sign × objective) throughout.
        var bound = sign * lp.objective!
        var incumbent: [Int]?
        var incumbentValue = Double.infinity
        func offer(_ a: [Int]?, foundAt: Date = Date()) {
            guard let a, case let v = sign * objective(p, a), v < incumbentValue else { return }
            (incumbent, incumbentValue) = (a, v)
            result.secondsToIncumbent = foundAt.timeIntervalSince(started)
        }
        func proven() -> Bool {
            let slack = 1e-6 * max(1, abs(bound))
            return integral ? (bound - slack).rounded(.up) >= incumbentValue - 0.5 : bound >= incumbentValue - slack
        }
        func target() -> Double { sign * (integral ? (bound - 1e-6 * max(1, abs(bound))).rounded(.up) : bound) }

        // 2. Tabu search from the LP point.
        let search = GAPTabuSearch(p)
        if let start = search.start(weight: weight) {
            offer(search.search(from: start, iterations: heuristicIterations(jobs: n), deadline: deadline, seed: seed, target: target()))
        }

        // 3. Lagrangian bound and the knapsacks' assignment, repaired.
        var multipliers: [Double]?
        var pairBound: [Double]?
        if !proven(), let lagrangian = GAPLagrangian(p, allowed: allowed) {
            let ascent = lagrangian.ascend(from: (0..<n).map { sign * lp.duals[$0] },
                                           upperBound: incumbentValue.isFinite ? incumbentValue : nil,
                                           integral: integral, iterations: lagrangianIterations, deadline: deadline)
            result.lagrangianIterations = ascent.iterations
            bound = max(bound, ascent.bound)
            result.lagrangianBound = sign * bound
            multipliers = ascent.multipliers
            if !proven() {
                // Jobs in no knapsack or in several go to their cheapest agent; the tabu search repairs capacities.
                let e = lagrangian.evaluate(ascent.multipliers)
                var chosen = [Double](repeating: 0, count: m * n)
                for i in 0..<m { for (t, j) in lagrangian.jobsOf[i].enumerated() where e.chosen[i][t] { chosen[i * n + j] = 1 } }
                if let start = search.start(weight: chosen) {
                    offer(search.search(from: start, iterations: heuristicIterations(jobs: n), deadline: deadline,
                                        seed: seed &+ 1, target: target()))
                }
                pairBound = lagrangian.pairBounds(ascent.multipliers)
            }
        }
        func fixingLimit() -> Double { integral ? incumbentValue - 1 : incumbentValue }

        // 4. Sub-MIPs (on the pairs an improvement can use when those are known).
        if !proven(), let a = incumbent {
            var u = multipliers ?? []
            let improving = pairBound == nil ? allowed
                : GAPLagrangianBranching.reduce(p, kept: allowed.indices.map { allowed[$0] && pairBound![$0] <= fixingLimit() + 1e-6 * max(1, abs(fixingLimit())) },
                                                limit: fixingLimit(), multipliers: &u, integral: integral,
                                                evaluations: &result.lagrangianIterations,
                                                deadline: parameters.timeLimit.map { started.addingTimeInterval($0) })?.kept
            result.pairsAfterFixing = improving?.filter { $0 }.count ?? 0
            if improving == nil { bound = max(bound, integral ? incumbentValue : bound) }
            if !proven(), let improving {
                var usable = improving
                for (j, i) in a.enumerated() { usable[i * n + j] = true }
                if integral, pairBound != nil {
                    let search = GAPAgentSubsetSearch.improve(p, a, allowed: usable, multipliers: u, rounds: agentSubsetRounds,
                                                              stallRounds: agentSubsetStallRounds, deadline: deadline, seed: seed,
                                                              target: target(), suspectJobs: m > suspectJobsAgents)
                    offer(search?.assignment, foundAt: search?.improvedAt ?? Date())
                } else {
                    offer(GAPSubproblemSearch.improve(p, a, allowed: usable, rounds: subproblemRounds, deadline: deadline, seed: seed,
                                                      target: target()))
                }
            }
        }
        result.heuristicObjective = incumbent.map { objective(p, $0) }
        result.heuristicSeconds = Date().timeIntervalSince(started)
        func remaining() -> Double? { parameters.timeLimit.map { $0 - Date().timeIntervalSince(started) } }

        // 5. With integral costs and an incumbent (without one the targets would have no end on an
        // infeasible problem: GLPK decides, 6):
        // a. far above the bound, one tree below the incumbent for better incumbents;
        // b. growing targets: is there an assignment of value ≤ T, for T = the bound rounded up,
        //    then one more, …? `GAPLagrangianBranching` answers; the first "yes" is optimal (every
        //    smaller T was answered "no"), each "no" raises the bound to T + 1.
        // Both take the incumbents they meet inside the tree.
        if integral, pairBound != nil, let first = incumbent, let u = multipliers {
            let end = parameters.timeLimit.map { started.addingTimeInterval($0) }
            if !proven(), incumbentValue - bound > oneTreeGap * max(1, abs(bound)) {
                var tree = GAPLagrangianBranching(p, integral: true, deadline: end.map { Date().addingTimeInterval($0.timeIntervalSinceNow * oneTreeShare) },
                                                  stallNodes: oneTreeStallNodes)
                tree.offer(first)
                if tree.improve(kept: allowed, multipliers: u) == .none { bound = tree.incumbentValue }
                offer(tree.incumbent, foundAt: tree.incumbentFound ?? Date())
                result.branchingNodes += tree.nodes
                result.lagrangianIterations += tree.evaluations
            }
            if !proven(), incumbentValue - bound > agentSubsetGap * max(1, abs(bound)), let a = incumbent {
                let search = GAPAgentSubsetSearch.improve(p, a, multipliers: u, rounds: agentSubsetRounds,
                                                          stallRounds: agentSubsetLateStallRounds,
                                                          deadline: end.map { Date().addingTimeInterval($0.timeIntervalSinceNow * agentSubsetShare) },
                                                          seed: seed &+ 1, target: target(), suspectJobs: m > suspectJobsAgents)
                offer(search?.assignment, foundAt: search?.improvedAt ?? Date())
            }
            var branching = GAPLagrangianBranching(p, integral: true, deadline: end, threads: threads,
                                                   tabuMovesPerJob: targetTabuMovesPerJob)
            while !proven() {
                let t = (bound - 1e-6 * max(1, abs(bound))).rounded(.up)
                guard t <= fixingLimit() else { break }
                let outcome = branching.search(kept: allowed, limit: t, multipliers: u)
                result.targetRounds += 1
                offer(branching.incumbent, foundAt: branching.incumbentFound ?? Date())
                if case .found(let a) = outcome { offer(a); bound = t }
                else if outcome == .none { bound = t + 1 }
                else { break }
            }
            result.branchingNodes += branching.nodes
            result.lagrangianIterations += branching.evaluations
        }
        if result.lagrangianBound != nil { result.lagrangianBound = sign * bound }

        if proven(), let a = incumbent {
            result.status = .optimal
            result.agentOfJob = a
            result.objective = objective(p, a)
            result.bestBound = result.objective
            result.seconds = Date().timeIntervalSince(started)
            return result
        }

        // 6. Branch-and-cut on the LP's model (every pair that fits), from the incumbent.
        var mip = parameters
        if let r = remaining() {
            guard r > 0.01 else { return finish(result, p, incumbent: incumbent, bound: sign * bound, started: started) }
            mip.timeLimit = r
        }
        mip.objectiveBound = sign * bound
        if let a = incumbent {
            var point = [Double](repeating: 0, count: built.model.variableCount)
            for (j, i) in a.enumerated() { point[built.variableOfPair[i * n + j]!] = 1 }
            mip.warmStart = point
        }
        let before = Date().timeIntervalSince(started)
        let s = try built.model.solveMIP(mip)
        result.seconds = Date().timeIntervalSince(started)
        result.status = s.status
        result.bestBound = s.bestBound
        if s.status.hasSolution {
            let agentOfJob = built.candidates.map { c in c.first { s[$0.x] > 0.5 }!.agent }
            if sign * objective(p, agentOfJob) < incumbentValue - 1e-9 {
                result.secondsToIncumbent = s.secondsToIncumbent.map { $0 + before }
            }
            result.agentOfJob = agentOfJob
            result.objective = objective(p, agentOfJob)
        }
        return result
    }

    /// The result when the time limit ends before branch-and-cut: the incumbent, if any, and the bound.
    private static func finish(_ r: GeneralizedAssignmentResult, _ p: GeneralizedAssignmentProblem, incumbent: [Int]?,
                               bound: Double, started: Date) -> GeneralizedAssignmentResult {
        var r = r
        r.seconds = Date().timeIntervalSince(started)
        r.bestBound = bound
        guard let a = incumbent else { return r }
        r.agentOfJob = a
        r.objective = objective(p, a)
        r.status = .feasible(gap: abs(r.objective! - bound) / (abs(r.objective!) + Double.ulpOfOne))
        return r
    }

    /// The GAP model over the pairs that fit (and are `allowed`, agent-major, when given): the job
    /// rows first, then the agent rows.
    static func model(_ p: GeneralizedAssignmentProblem, allowed: [Bool]?) throws
        -> (model: Model, candidates: [[(agent: Int, x: Variable)]], variableOfPair: [Int?]) {
        var model = Model(name: "gap", sense: p.sense)
        var candidates = [[(agent: Int, x: Variable)]](repeating: [], count: p.jobs)
        var agentTerms = [[(Variable, Double)]](repeating: [], count: p.agents)
        var variableOfPair = [Int?](repeating: nil, count: p.agents * p.jobs)
        for i in 0..<p.agents {
            for j in 0..<p.jobs where p.resource[i][j] <= p.capacity[i] && allowed?[i * p.jobs + j] != false {
                let x = try model.addVariable(.binary, objective: p.cost[i][j])
                candidates[j].append((i, x))
                agentTerms[i].append((x, p.resource[i][j]))
                variableOfPair[i * p.jobs + j] = x.index
            }
        }
        for j in 0..<p.jobs { try model.addConstraint(candidates[j].map { ($0.x, 1) }, lower: 1, upper: 1) }
        for i in 0..<p.agents { try model.addConstraint(agentTerms[i], upper: p.capacity[i]) }
        return (model, candidates, variableOfPair)
    }

    /// The MIP over the `allowed` pairs (all that fit when nil) with `incumbent` as GLPK's root
    /// heuristic: given the root LP value of every pair (`agent * jobs + job`, 0 for pairs without
    /// a variable), it returns a feasible assignment or nil.
    static func solve(_ p: GeneralizedAssignmentProblem, _ parameters: MIPParameters, started: Date, allowed: [Bool]?,
                      incumbent: (@Sendable ([Double]) -> [Int]?)?) throws -> GeneralizedAssignmentResult {
        let (built, candidates, variableOfPair) = try model(p, allowed: allowed)
        if candidates.contains(where: \.isEmpty) {
            return GeneralizedAssignmentResult(status: .infeasible, objective: nil, bestBound: nil, agentOfJob: nil, seconds: 0)
        }
        var parameters = parameters
        let heuristic = HeuristicRecord()
        if let incumbent {
            let variables = built.variableCount
            parameters.rootHeuristic = { [variableOfPair] relaxation in
                let agentOfJob = incumbent(variableOfPair.map { $0.map { relaxation[$0] } ?? 0 })
                heuristic.set(objective: agentOfJob.map { objective(p, $0) }, seconds: Date().timeIntervalSince(started))
                guard let agentOfJob else { return nil }
                var point = [Double](repeating: 0, count: variables)
                for (j, i) in agentOfJob.enumerated() { point[variableOfPair[i * p.jobs + j]!] = 1 }
                return point
            }
        }
        let s = try built.solveMIP(parameters)
        var result = GeneralizedAssignmentResult(status: s.status, objective: nil, bestBound: s.bestBound, agentOfJob: nil,
                                                 seconds: Date().timeIntervalSince(started))
        (result.heuristicObjective, result.heuristicSeconds) = heuristic.get()
        result.secondsToIncumbent = s.secondsToIncumbent.map { $0 + result.seconds - s.seconds } // from `started`, not from the MIP solve
        if s.status.hasSolution {
            let agentOfJob = candidates.map { c in c.first { s[$0.x] > 0.5 }!.agent }
            result.agentOfJob = agentOfJob
            result.objective = objective(p, agentOfJob)
        }
        return result
    }

    static func objective(_ p: GeneralizedAssignmentProblem, _ agentOfJob: [Int]) -> Double {
        agentOfJob.enumerated().reduce(0) { $0 + p.cost[$1.element][$1.offset] }
    }

    /// What the root heuristic found, written on the solving thread inside GLPK's callback and read
    /// after `solveMIP` returns.
    private final class HeuristicRecord: @unchecked Sendable {
        private let lock = NSLock()
        private var objective: Double?
        private var seconds: Double?
        func set(objective: Double?, seconds: Double) { lock.withLock { (self.objective, self.seconds) = (objective, seconds) } }
        func get() -> (Double?, Double?) { lock.withLock { (objective, seconds) } }
    }

    static func validate(_ p: GeneralizedAssignmentProblem) throws {
        guard p.agents > 0, p.jobs > 0 else { throw GLPKError.invalidArgument("GAP: expected at least one agent and one job") }
        guard p.cost.count == p.agents, p.resource.count == p.agents,
              p.cost.allSatisfy({ $0.count == p.jobs }), p.resource.allSatisfy({ $0.count == p.jobs }) else {
            throw GLPKError.invalidArgument("GAP: expected cost and resource matrices of \(p.agents) × \(p.jobs)")
        }
        guard p.cost.joined().allSatisfy(\.isFinite) else { throw GLPKError.invalidArgument("GAP: expected finite costs") }
        guard p.resource.joined().allSatisfy({ $0.isFinite && $0 >= 0 }), p.capacity.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw GLPKError.invalidArgument("GAP: expected finite resources and capacities >= 0")
        }
    }
}
