import ArgumentParser
import DagrouteCore

/// `dagroute matrix` (placeholder until its module lands).
struct Matrix: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Compute a travel-time matrix.")
    func run() throws { throw DagrouteError.internal("dagroute matrix is not built yet") }
}
