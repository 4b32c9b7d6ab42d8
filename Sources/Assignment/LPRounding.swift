import Foundation
import GLPK

/// A warm start for problems with open/close decisions, computed from the root LP solution:
/// open the decided locations whose open variable is at least ½ (then the highest first to meet
/// `minOpen`, at most `maxOpen`), fix that choice and solve the remaining pure assignment MIP,
/// which GLPK handles fast. Nil when the restricted MIP gives no plan within its time.
enum LPRounding {
    static func plan(_ p: AssignmentProblem, _ built: AssignmentModel, decidable: [Bool], relaxation: [Double],
                     timeLimit: Double?) throws -> (locationOfClient: [Int?], open: [Bool])? {
        let fixedOpen = p.locations.indices.filter { !decidable[$0] && p.locations[$0].status == .open }.count
        let ranked = p.locations.indices.filter { decidable[$0] }
            .map { (location: $0, value: relaxation[built.y[$0]!.index]) }
            .sorted { ($1.value, $0.location) < ($0.value, $1.location) }
        var count = ranked.filter { $0.value >= 0.5 }.count
        count = max(count, (p.options.minOpen ?? 0) - fixedOpen)
        count = min(count, (p.options.maxOpen ?? Int.max) - fixedOpen, ranked.count)
        guard count >= 0 else { return nil }
        let chosen = Set(ranked.prefix(count).map(\.location))
        let changes = ranked.map { chosen.contains($0.location) ? AssignmentScenarioChange.open(location: $0.location) : .close(location: $0.location) }
        let fixed = try p.applying(changes)
        let restricted = try AssignmentProblem(clients: fixed.clients, locations: fixed.locations, travelTime: fixed.travelTime, weights: fixed.weights,
                                               options: AssignmentProblem.Options(allowProviderChange: p.options.allowProviderChange))
        let plan = try AssignmentSolver.solve(restricted, parameters: AssignmentParameters(timeLimit: timeLimit, relativeGap: 0.001))
        guard plan.status.hasSolution else { return nil }
        return (plan.locationOfClient, plan.open)
    }
}

/// The cost of the LP-rounding plan, handed out of GLPK's root heuristic (called on the solving thread).
final class RoundingRecord: @unchecked Sendable {
    var cost: Double?
}
