import ArgumentParser
import DagrouteCore
import Foundation

/// The `dagroute` root command. Subcommands do the work; this type only lists them and teaches.
public struct DagrouteCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "dagroute",
        abstract: "Plan transport for Dutch day-activity care (Wmo dagbesteding).",
        discussion: """
        dagroute reads an instance folder (clients.csv, locations.csv, fleet.csv, \
        settings.json) and answers the questions regions ask about day-care transport: \
        which location should each client attend, how should the daily rides be planned, \
        and what would pooling transport save.

        Start with:
          dagroute generate --seed 1 my-region   a synthetic region to try
          dagroute validate my-region            check it; lists every error
          dagroute compare my-region --out out   the main job: scenarios, savings

        Exit codes: 0 success, 2 bad input (every problem listed as \
        file:line:column), 3 no feasible plan, 1 internal error, 130 interrupted \
        (Ctrl-C during compare, assign, routes or solve: the best result so far is \
        printed; during matrix: nothing is written; earlier output files are always \
        left as they were). Results go to \
        stdout, progress and warnings to stderr. All data stays on this machine: \
        dagroute makes no network connections.
        """,
        version: version,
        subcommands: [Compare.self, Analyze.self, Assign.self, Routes.self, Validate.self, Generate.self,
                      Solve.self, Matrix.self, Graph.self]
    )

    public init() {}
}

/// Runs the command line and returns the process exit code. Errors are printed to stderr, or as a
/// JSON object on stdout when the arguments ask for JSON output (`--json` or `--format json`).
public enum DagrouteMain {
    public static func run(_ arguments: [String]) -> Int32 {
        let wantsJSON = arguments.contains("--json")
            || zip(arguments, arguments.dropFirst()).contains { $0 == "--format" && $1 == "json" }
        do {
            var command = try DagrouteCommand.parseAsRoot(arguments)
            try command.run()
            // Interrupted (SIGINT) after reporting the best result so far: 130, as shells expect.
            return Cancellation.isRequested ? 130 : 0
        } catch where Cancellation.isRequested {
            FileHandle.standardError.write(Data("interrupted: nothing written\n".utf8))
            return 130
        } catch let error as DagrouteError {
            report(error, asJSON: wantsJSON)
            return error.exitCode
        } catch {
            let code = DagrouteCommand.exitCode(for: error)
            if code == .success {
                print(DagrouteCommand.fullMessage(for: error))
                return 0
            }
            let message = DagrouteCommand.fullMessage(for: error)
            if wantsJSON {
                report(.input([Diagnostic(file: "<command line>", message: message)]), asJSON: true)
            } else {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            // Usage errors are input errors (2), like every other kind of bad input.
            return code == .validationFailure ? 2 : code.rawValue
        }
    }

    static func report(_ error: DagrouteError, asJSON: Bool) {
        if asJSON {
            let object = ErrorObject(error)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = (try? encoder.encode(object)) ?? Data("{\"error\":{\"kind\":\"internal\"}}".utf8)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
        }
    }
}

/// The JSON error object: `{"error": {"kind": …, "exit_code": …, "message": …, "diagnostics": [...]}}`.
struct ErrorObject: Encodable {
    struct Body: Encodable {
        var kind: String
        var exit_code: Int32
        var message: String
        var diagnostics: [Diagnostic]
    }
    var error: Body
    init(_ e: DagrouteError) {
        var diagnostics: [Diagnostic] = []
        if case .input(let ds) = e { diagnostics = ds }
        error = Body(kind: e.kind, exit_code: e.exitCode, message: e.description, diagnostics: diagnostics)
    }
}
