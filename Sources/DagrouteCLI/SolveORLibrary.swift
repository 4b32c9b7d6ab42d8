import Assignment
import DagrouteCore
import Foundation
import Formats
import GLPK

/// OR-Library GAP and CFLP solving for `dagroute solve`: reads the file, solves the MIP with GLPK
/// (presolve, cuts, `--time-limit`; the GAP's heuristics take `--seed`) and reports status,
/// objective, bound and the decision.
/// An infeasible problem or no solution within the time limit is a result (`feasible: false`), not an error.
func solveORLibrary(_ command: Solve) throws -> SolveOutcome {
    let url = URL(fileURLWithPath: command.file)
    let base = url.deletingPathExtension().lastPathComponent
    let parameters = MIPParameters(timeLimit: command.timeLimit)
    do {
        switch command.format {
        case .orlibGap:
            return try solveGAP(url, displayName: command.file, instance: "\(base)#\(command.problem)", command, parameters)
        default:
            let instance = command.capacity.map { "\(base)@capacity=\(formatNumber($0))" } ?? base
            return try solveCFLP(url, displayName: command.file, instance: instance, command, parameters)
        }
    } catch let error as GLPKError {
        throw DagrouteError.internal(error.description)
    }
}

private func solveGAP(_ url: URL, displayName: String, instance: String, _ command: Solve, _ parameters: MIPParameters) throws -> SolveOutcome {
    let problems = try ORLibraryGAP.read(url, displayName: displayName)
    guard command.problem <= problems.count else {
        throw DagrouteError.input(file: displayName, field: "--problem",
                                  "expected a problem number in 1…\(problems.count), found \(command.problem)")
    }
    let p = problems[command.problem - 1]
    let sense: Sense = command.sense == .max ? .maximize : .minimize
    let r = try GeneralizedAssignment.solve(
        GeneralizedAssignmentProblem(cost: p.cost.map { $0.map(Double.init) }, resource: p.resource.map { $0.map(Double.init) },
                                     capacity: p.capacity.map(Double.init), sense: sense),
        parameters: parameters, seed: command.seed, threads: command.threads ?? ParallelBlocks.defaultThreads)
    var lines = ["\(instance): generalized assignment, \(p.agents) agents × \(p.jobs) jobs, \(sense == .maximize ? "maximise" : "minimise")",
                 statusLine(r.status, r.objective, r.bestBound, r.seconds)]
    if let t = r.secondsToIncumbent { lines.append(String(format: "incumbent found after %.2f s", t)) }
    if let t = r.heuristicSeconds {
        lines.append("first incumbent (tabu search + subproblems): " + (r.heuristicObjective.map { "objective \(formatNumber($0))" } ?? "no feasible point")
                     + String(format: ", done after %.2f s", t))
    }
    if let b = r.lagrangianBound {
        lines.append(String(format: "Lagrangian bound %.3f (%d knapsack evaluations); pairs %d, after fixing %d; %d targets, %d branching nodes",
                            b, r.lagrangianIterations, r.pairs, r.pairsAfterFixing, r.targetRounds, r.branchingNodes))
    }
    if let a = r.agentOfJob { lines.append("agent of each job (0-based): " + a.map(String.init).joined(separator: " ")) }
    return SolveOutcome(instance: instance, objective: r.objective, status: r.status.name, feasible: r.status.hasSolution,
                        timeSeconds: r.seconds, bestBound: r.bestBound, assignment: r.agentOfJob, open: nil, routes: nil,
                        summary: lines.joined(separator: "\n"))
}

private func solveCFLP(_ url: URL, displayName: String, instance: String, _ command: Solve, _ parameters: MIPParameters) throws -> SolveOutcome {
    let f = try ORLibraryCFLP.read(url, displayName: displayName, capacity: command.capacity)
    let r = try FacilityLocation.solve(
        FacilityLocationProblem(capacity: f.capacity, fixedCost: f.fixedCost, demand: f.demand, allocationCost: f.allocationCost),
        parameters: parameters)
    var lines = ["\(instance): capacitated facility location (splittable demand), \(f.warehouses) warehouses × \(f.customers) customers",
                 statusLine(r.status, r.objective, r.bestBound, r.seconds)]
    if r.status.hasSolution { lines.append("open warehouses (0-based): " + r.open.map(String.init).joined(separator: " ")) }
    return SolveOutcome(instance: instance, objective: r.objective, status: r.status.name, feasible: r.status.hasSolution,
                        timeSeconds: r.seconds, bestBound: r.bestBound, assignment: nil, open: r.status.hasSolution ? r.open : nil,
                        routes: nil, summary: lines.joined(separator: "\n"))
}

private func statusLine(_ status: SolveStatus, _ objective: Double?, _ bound: Double?, _ seconds: Double) -> String {
    var parts = ["status \(status.name)"]
    if case .feasible(let gap) = status, gap.isFinite { parts.append(String(format: "gap %.4f%%", gap * 100)) }
    if let objective { parts.append("objective \(formatNumber(objective))") }
    if let bound { parts.append("best bound \(formatNumber(bound))") }
    parts.append(String(format: "%.2f s", seconds))
    return parts.joined(separator: ", ")
}

/// Integral values without a decimal point, others with up to 6 decimals.
private func formatNumber(_ v: Double) -> String {
    if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
    var s = String(format: "%.6f", v)
    while s.hasSuffix("0") { s.removeLast() }
    return s
}
