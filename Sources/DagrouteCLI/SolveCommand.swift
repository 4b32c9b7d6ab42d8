import ArgumentParser
import DagrouteCore
import Foundation

/// `dagroute solve FILE --format …`: solves one public benchmark file with dagroute's engines, so that
/// researchers (and our tests) can check them against published optima.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a public benchmark file (OR-Library GAP/CFLP, CVRPLIB, Solomon, Cordeau DARP).",
        discussion: """
        Formats:
          orlib-gap  OR-Library generalized assignment; --problem picks one.
                     gap1-12 are published as maximisation (--sense max),
                     gapa-d as minimisation.
          orlib-cap  OR-Library capacitated warehouse location (cap41, capa);
                     a customer's demand may be split. capa/capb/capc
                     carry the word 'capacity': give --capacity V.
          vrplib     CVRPLIB .vrp (Euclidean distances rounded to integers).
          solomon    Solomon / Gehring-Homberger VRPTW text file.
          cordeau    Cordeau (2006) dial-a-ride file.

        With --json, exactly one JSON object is printed on stdout: instance, \
        objective, status, feasible, time_s, and the decision (assignment, open, \
        or routes).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case orlibGap = "orlib-gap", orlibCap = "orlib-cap", vrplib, solomon, cordeau
    }
    enum Sense: String, ExpressibleByArgument, CaseIterable { case min, max }

    @Argument(help: "The benchmark file.") var file: String
    @Option(help: "The file's format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format
    @Option(help: "With orlib-gap: which problem of the file (1-based).") var problem: Int = 1
    @Option(help: "With orlib-gap: optimisation sense, min or max.") var sense: Sense = .min
    @Option(name: .customLong("time-limit"), help: "Wall-clock limit in seconds.") var timeLimit: Double = 60
    @Option(help: "With orlib-cap: the capacity of every warehouse, for files that have the word 'capacity' in its place (capa, capb, capc; e.g. 8000 for capa).")
    var capacity: Double?
    @Option(help: "Random seed (routing formats and orlib-gap).") var seed: UInt64 = 1
    @Option(help: "Worker threads (routing formats, and orlib-gap's growing-target trees, whose answer does not depend on it); default: all cores.") var threads: Int?
    @Option(help: "Routing formats: stop after this many ruin-and-recreate iterations per thread (or at --time-limit, whichever comes first); the answer is then the same for a seed and thread count.")
    var iterations: Int?
    @Flag(help: "Print one JSON object on stdout instead of a text summary.") var json = false
    @Option(name: .customLong("solution-out"), help: "Write the solution in CVRPLIB .sol style to this path (routing formats).")
    var solutionOut: String?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard problem >= 1 else { throw ValidationError("--problem is 1-based and must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if let capacity, !(capacity > 0 && capacity.isFinite) { throw ValidationError("--capacity must be a positive number") }
    }

    func run() throws {
        Cancellation.handleInterrupts()
        let outcome: SolveOutcome
        switch format {
        case .orlibGap, .orlibCap: outcome = try solveORLibrary(self)
        case .vrplib, .solomon, .cordeau: outcome = try solveRoutingBenchmark(self)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(outcome) + Data("\n".utf8))
        } else {
            print(outcome.summary)
        }
    }
}

/// What `solve` reports. JSON keys are a contract: `instance`, `objective`, `status`, `feasible`,
/// `time_s`, and one of `assignment` (GAP: 0-based agent of every job, in file order), `open`
/// (CFLP: 0-based open facilities) or `routes` (customers' node ids as numbered in the file).
struct SolveOutcome: Encodable {
    var instance: String
    var objective: Double?
    var status: String
    var feasible: Bool
    var timeSeconds: Double
    var bestBound: Double?
    var assignment: [Int]?
    var open: [Int]?
    var routes: [[Int]]?
    /// Human-readable text for the non-JSON output.
    var summary: String

    enum CodingKeys: String, CodingKey {
        case instance, objective, status, feasible, timeSeconds = "time_s", bestBound = "best_bound", assignment, open, routes
    }
}
