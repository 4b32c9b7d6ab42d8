import ArgumentParser
import DagrouteCore

/// `dagroute generate` (placeholder until its module lands).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate a synthetic region.")
    func run() throws { throw DagrouteError.internal("dagroute generate is not built yet") }
}
