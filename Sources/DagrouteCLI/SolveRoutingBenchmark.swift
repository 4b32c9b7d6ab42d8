import DagrouteCore
import Formats
import Foundation
import Routing

/// CVRPLIB, Solomon and Cordeau solving for `dagroute solve`: reads the file, runs the routing
/// solver for `--time-limit` seconds (or `--iterations` per thread) on `--threads` threads (default:
/// all cores) from `--seed`, and
/// reports the objective in the set's convention with routes as the file's node ids.
func solveRoutingBenchmark(_ command: Solve) throws -> SolveOutcome {
    let benchmark: RoutingBenchmark
    switch command.format {
    case .vrplib: benchmark = try CVRPLIBReader.read(path: command.file)
    case .solomon: benchmark = try SolomonReader.read(path: command.file)
    case .cordeau: benchmark = try CordeauReader.read(path: command.file)
    case .orlibGap, .orlibCap: throw DagrouteError.internal("not a routing format: \(command.format.rawValue)")
    }
    let threads = command.threads ?? ProcessInfo.processInfo.activeProcessorCount
    var stop: [StopCriterion] = [.maxRuntime(command.timeLimit)]
    // `--iterations`; the environment variable DAGROUTE_MAX_ITERATIONS stays as a fallback (tests).
    if let iterations = command.iterations ?? ProcessInfo.processInfo.environment["DAGROUTE_MAX_ITERATIONS"].flatMap(Int.init) {
        stop.append(.maxIterations(iterations))
    }
    let progress = DagrouteCore.Progress(enabled: !command.json)
    let result = RoutingSolver.solve(benchmark.problem, parameters: .recommended(for: benchmark.problem, threads: threads),
                                     stop: .anyOf(stop), seed: command.seed, progress: progress)
    let objective = benchmark.objective(result.routes)
    let feasible = result.unassigned.isEmpty
    if Cancellation.isRequested, let out = command.solutionOut {
        FileHandle.standardError.write(Data("interrupted: \(out) left as it was\n".utf8))
    } else if let out = command.solutionOut {
        try AtomicFile.write(benchmark.solutionText(result.routes), to: URL(fileURLWithPath: out))
    }
    let shown = benchmark.convention == .roundedEuclidean ? String(Int(objective.rounded())) : String(format: "%.2f", objective)
    var summary = "\(benchmark.name): objective \(shown), \(result.routes.count) routes, "
    summary += feasible ? "all requests served" : "\(result.unassigned.count) requests unassigned"
    summary += String(format: " (%d iterations, %.1f s, %d threads)", result.statistics.iterations, result.statistics.runtime, threads)
    return SolveOutcome(instance: benchmark.name, objective: objective, status: feasible ? "feasible" : "incomplete",
                        feasible: feasible, timeSeconds: result.statistics.runtime, routes: benchmark.nodeRoutes(result.routes),
                        summary: summary)
}
