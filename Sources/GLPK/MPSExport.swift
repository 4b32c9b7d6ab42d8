import CGLPK
import Foundation
import DagrouteCore

extension Model {
    /// Writes the model in free MPS format (GLPK's `glp_write_mps`, `GLP_MPS_FILE`), e.g. for
    /// HiGHS to solve the same model. Written atomically. Names longer than MPS allows or with
    /// blanks are rewritten by GLPK; the objective constant is kept.
    /// - Throws: `DagrouteError.internal` when the file cannot be written.
    public func writeMPS(to url: URL) throws {
        let problem = try GLPKProblem(self)
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("dagroute-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).mps")
        defer { try? FileManager.default.removeItem(at: tmp) }
        guard glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, tmp.path) == 0 else {
            throw DagrouteError.internal("GLPK could not write MPS to \(tmp.path)")
        }
        try AtomicFile.write(try Data(contentsOf: tmp), to: url)
    }
}
