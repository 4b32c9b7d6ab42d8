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
}

/// Builds and solves the GAP MIP: binary x(i, j) only for pairs where the job fits the agent's
/// capacity on its own; Σ_i x(i, j) = 1 per job; Σ_j resource(i, j) x(i, j) ≤ capacity(i).
public enum GeneralizedAssignment {
    /// - Throws: `GLPKError.invalidArgument` for ragged matrices or non-finite or negative data.
    public static func solve(_ p: GeneralizedAssignmentProblem, parameters: MIPParameters = MIPParameters()) throws -> GeneralizedAssignmentResult {
        try validate(p)
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
        let s = try model.solveMIP(parameters)
        var result = GeneralizedAssignmentResult(status: s.status, objective: nil, bestBound: s.bestBound, agentOfJob: nil, seconds: s.seconds)
        if s.status.hasSolution {
            let agentOfJob = candidates.map { c in c.first { s[$0.x] > 0.5 }!.agent }
            result.agentOfJob = agentOfJob
            result.objective = agentOfJob.enumerated().reduce(0) { $0 + p.cost[$1.element][$1.offset] }
        }
        return result
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
