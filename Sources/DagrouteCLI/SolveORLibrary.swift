/// OR-Library GAP and CFLP solving for `dagroute solve` (owned by the GLPK/assignment work).
func solveORLibrary(_ command: Solve) throws -> SolveOutcome {
    throw DagrouteError.internal("solve --format \(command.format.rawValue) is not built yet")
}
import DagrouteCore
