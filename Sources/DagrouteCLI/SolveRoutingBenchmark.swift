/// CVRPLIB, Solomon and Cordeau solving for `dagroute solve` (owned by the routing work).
func solveRoutingBenchmark(_ command: Solve) throws -> SolveOutcome {
    throw DagrouteError.internal("solve --format \(command.format.rawValue) is not built yet")
}
import DagrouteCore
