import Formats

/// Independent re-check of a GAP answer from the file's data: the objective recomputed and every
/// agent whose capacity is exceeded (empty when the assignment is feasible).
public func checkedGAPObjective(_ p: ORLibraryGAPProblem, _ agentOfJob: [Int]) -> (objective: Int, violations: [String]) {
    var used = [Int](repeating: 0, count: p.agents)
    var objective = 0
    for (j, i) in agentOfJob.enumerated() {
        used[i] += p.resource[i][j]
        objective += p.cost[i][j]
    }
    let violations = (0..<p.agents).filter { used[$0] > p.capacity[$0] }.map { "agent \($0) uses \(used[$0]) > \(p.capacity[$0])" }
    return (objective, violations)
}
