import Formats
import GLPK

/// The textbook GAP formulation, built directly on the GLPK API under test:
/// x[i][j] binary, Σ_i x[i][j] = 1 per job, Σ_j r[i][j] x[i][j] ≤ b[i] per agent.
struct GAPModel {
    var model: Model
    var x: [[Variable]]

    init(_ p: ORLibraryGAPProblem, sense: Sense) throws {
        model = Model(name: "gap", sense: sense)
        x = []
        for i in 0..<p.agents {
            x.append(try (0..<p.jobs).map { j in try model.addVariable(.binary, objective: Double(p.cost[i][j]), name: "x_\(i)_\(j)") })
        }
        for j in 0..<p.jobs {
            try model.addConstraint((0..<p.agents).map { (x[$0][j], 1.0) }, lower: 1, upper: 1, name: "job_\(j)")
        }
        for i in 0..<p.agents {
            try model.addConstraint((0..<p.jobs).map { (x[i][$0], Double(p.resource[i][$0])) }, upper: Double(p.capacity[i]), name: "cap_\(i)")
        }
    }

    /// The agent of every job in a solution.
    func assignment(_ s: Solution) -> [Int] {
        (0..<x[0].count).map { j in x.indices.first { s[x[$0][j]] > 0.5 }! }
    }
}
