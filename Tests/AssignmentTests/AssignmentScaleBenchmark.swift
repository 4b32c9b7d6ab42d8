import Assignment
import Foundation
import GLPK
import XCTest

/// Scale measurement, run only on request (it takes minutes):
/// `DAGROUTE_BENCH=1 swift test -c release --filter AssignmentScaleBenchmark`
/// Optional `DAGROUTE_BENCH_CLIENTS=500,1000,2000,4000`, `DAGROUTE_BENCH_CANDIDATES=1`
/// (a third of the locations become candidates with fixed costs). 60 locations, 10 day parts,
/// 30 s limit, 0.5 % gap; with and without the warm start. Prints one line per run on stdout.
/// `DAGROUTE_BENCH_MPS=DIR` also writes each model as free MPS (minimise) for another solver.
final class AssignmentScaleBenchmark: XCTestCase {
    func testScale() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["DAGROUTE_BENCH"] != nil else { throw XCTSkip("set DAGROUTE_BENCH=1 to run the scale measurement") }
        let sizes = (env["DAGROUTE_BENCH_CLIENTS"] ?? "500,1000,2000,4000").split(separator: ",").compactMap { Int($0) }
        let candidates = env["DAGROUTE_BENCH_CANDIDATES"] != nil
        for n in sizes {
            let p = try SyntheticRegion.problem(clients: n, locations: 60, seed: 7, candidates: candidates)
            let model = try AssignmentSolver.model(p)
            if let dir = env["DAGROUTE_BENCH_MPS"] {
                try model.writeMPS(to: URL(fileURLWithPath: dir).appendingPathComponent("assignment-\(n)\(candidates ? "-candidates" : "").mps"))
            }
            var seconds: [Bool: Double] = [:]
            for warm in [true, false] {
                let plan = try AssignmentSolver.solve(p, parameters: AssignmentParameters(timeLimit: 30, relativeGap: 0.005, warmStart: warm))
                XCTAssertTrue(plan.status.hasSolution || !warm, "the warm start is always a plan")
                seconds[warm] = plan.seconds
                print(String(format: "bench clients=%d candidates=%@ vars=%d rows=%d warm=%@ status=%@ cost=%.0f bound=%.0f gap=%.4f%% heuristic=%.0f first_feasible_s=%.2f total_s=%.2f unplaced=%d",
                             n, candidates ? "yes" : "no", model.variableCount, model.constraintCount, warm ? "yes" : "no", plan.status.name,
                             plan.cost.total, plan.bestBound ?? .nan, (plan.gap ?? .nan) * 100, plan.warmStartCost ?? .nan,
                             plan.secondsToFirstFeasible ?? .nan, plan.seconds, plan.unplaced.count))
            }
            print(String(format: "bench clients=%d time ratio cold/warm=%.2f", n, seconds[false]! / seconds[true]!))
        }
    }
}
