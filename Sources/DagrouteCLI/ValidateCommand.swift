import ArgumentParser
import DagrouteCore

/// `dagroute validate` (placeholder until its module lands).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check an instance folder; list every error.")
    func run() throws { throw DagrouteError.internal("dagroute validate is not built yet") }
}
