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
    /// Objective of the tabu search's point offered to branch-and-cut as its first incumbent, nil
    /// when it found none (or the time limit ended the root LP first).
    public var heuristicObjective: Double?
    /// Wall-clock seconds from the start until the tabu search ended, nil when it did not run.
    public var heuristicSeconds: Double?
    /// Wall-clock seconds from the start until the final incumbent was known, nil without one.
    public var secondsToIncumbent: Double?
}

/// Builds and solves the GAP MIP: binary x(i, j) only for pairs where the job fits the agent's
/// capacity on its own; Σ_i x(i, j) = 1 per job; Σ_j resource(i, j) x(i, j) ≤ capacity(i).
///
/// The first incumbent comes from GLPK's root heuristic: `GAPTabuSearch` started from the root LP
/// (each job at the agent its LP value favours; at most `heuristicIterations(jobs:)` moves), then
/// `GAPSubproblemSearch` (sub-MIPs over a few agents' jobs), together within a quarter of the time
/// limit. GLPK's branch-and-cut then prunes against it and fixes variables by
/// their reduced costs; with integral costs the search stops once the bound rounds up to the
/// incumbent (`Model.solveMIP`).
public enum GeneralizedAssignment {
    /// Move budget of the tabu search: 100 per job (on the 200-job Chu–Beasley problems 2–7 s in a
    /// release build on the shared development machine; more moves did not find better points).
    public static func heuristicIterations(jobs: Int) -> Int { 100 * jobs }

    /// - Parameters:
    ///   - parameters: a caller's `rootHeuristic` replaces the tabu search.
    ///   - seed: the tabu search's random tenures and restarts.
    /// - Throws: `GLPKError.invalidArgument` for ragged matrices or non-finite or negative data.
    public static func solve(_ p: GeneralizedAssignmentProblem, parameters: MIPParameters = MIPParameters(),
                             seed: UInt64 = 1) throws -> GeneralizedAssignmentResult {
        try validate(p)
        let started = Date()
        guard parameters.rootHeuristic == nil else { return try solve(p, parameters, started: started, incumbent: nil) }
        let deadline = parameters.timeLimit.map { started.addingTimeInterval($0 / 4) }
        // With integral costs the root LP value, rounded towards worse, bounds every assignment:
        // both searches stop when they reach it.
        let integral = p.cost.joined().allSatisfy { $0 == $0.rounded() }
        return try solve(p, parameters, started: started) { weight in
            var target: Double?
            if integral {
                let lp = (0..<p.agents).reduce(0.0) { s, i in (0..<p.jobs).reduce(s) { $0 + weight[i * p.jobs + $1] * p.cost[i][$1] } }
                let slack = 1e-6 * max(1, abs(lp))
                target = p.sense == .minimize ? (lp - slack).rounded(.up) : (lp + slack).rounded(.down)
            }
            let search = GAPTabuSearch(p)
            guard let start = search.start(weight: weight),
                  let found = search.search(from: start, iterations: heuristicIterations(jobs: p.jobs), deadline: deadline,
                                            seed: seed, target: target)
            else { return nil }
            return GAPSubproblemSearch.improve(p, found, rounds: subproblemRounds, deadline: deadline, seed: seed, target: target)
        }
    }

    /// Sub-MIPs `GAPSubproblemSearch` solves after the tabu search.
    static let subproblemRounds = 300

    /// The MIP with `incumbent` as GLPK's root heuristic: given the root LP value of every pair
    /// (`agent * jobs + job`, 0 for pairs without a variable), it returns a feasible assignment or nil.
    static func solve(_ p: GeneralizedAssignmentProblem, _ parameters: MIPParameters, started: Date,
                      incumbent: (@Sendable ([Double]) -> [Int]?)?) throws -> GeneralizedAssignmentResult {
        var model = Model(name: "gap", sense: p.sense)
        var candidates = [[(agent: Int, x: Variable)]](repeating: [], count: p.jobs)
        var agentTerms = [[(Variable, Double)]](repeating: [], count: p.agents)
        for i in 0..<p.agents {
            for j in 0..<p.jobs where p.resource[i][j] <= p.capacity[i] {
                let x = try model.addVariable(.binary, objective: p.cost[i][j])
                candidates[j].append((i, x))
                agentTerms[i].append((x, p.resource[i][j]))
            }
        }
        if candidates.contains(where: \.isEmpty) {
            return GeneralizedAssignmentResult(status: .infeasible, objective: nil, bestBound: nil, agentOfJob: nil, seconds: 0)
        }
        for j in 0..<p.jobs { try model.addConstraint(candidates[j].map { ($0.x, 1) }, lower: 1, upper: 1) }
        for i in 0..<p.agents { try model.addConstraint(agentTerms[i], upper: p.capacity[i]) }
        var parameters = parameters
        let heuristic = HeuristicRecord()
        if let incumbent {
            var variableOfPair = [Int?](repeating: nil, count: p.agents * p.jobs)
            for j in 0..<p.jobs { for c in candidates[j] { variableOfPair[c.agent * p.jobs + j] = c.x.index } }
            let variables = model.variableCount
            parameters.rootHeuristic = { [variableOfPair] relaxation in
                let agentOfJob = incumbent(variableOfPair.map { $0.map { relaxation[$0] } ?? 0 })
                heuristic.set(objective: agentOfJob.map { objective(p, $0) }, seconds: Date().timeIntervalSince(started))
                guard let agentOfJob else { return nil }
                var point = [Double](repeating: 0, count: variables)
                for (j, i) in agentOfJob.enumerated() { point[variableOfPair[i * p.jobs + j]!] = 1 }
                return point
            }
        }
        let s = try model.solveMIP(parameters)
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
