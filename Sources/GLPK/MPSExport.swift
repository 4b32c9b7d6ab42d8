import CGLPK
import Foundation
import DagrouteCore

extension Model {
    /// Writes the model in free MPS format (GLPK's `glp_write_mps`, `GLP_MPS_FILE`), e.g. for
    /// HiGHS to solve the same model. Written atomically. Names longer than MPS allows or with
    /// blanks are rewritten by GLPK. Free MPS has no objective sense (readers assume minimise).
    /// A nonzero objective constant becomes a column `objective_constant` fixed at 1, because
    /// readers disagree on the sign of a constant in the objective row's RHS (HiGHS 1.16 read
    /// GLPK's with the opposite sign).
    /// - Throws: `DagrouteError.internal` when the file cannot be written.
    public func writeMPS(to url: URL) throws {
        var exported = self
        if objectiveConstant != 0 {
            try exported.setObjectiveConstant(0)
            try exported.addVariable(lower: 1, upper: 1, objective: objectiveConstant, name: "objective_constant")
        }
        let problem = try GLPKProblem(exported)
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("dagroute-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).mps")
        defer { try? FileManager.default.removeItem(at: tmp) }
        guard glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, tmp.path) == 0 else {
            throw DagrouteError.internal("GLPK could not write MPS to \(tmp.path)")
        }
        try AtomicFile.write(try Data(contentsOf: tmp), to: url)
    }
}
