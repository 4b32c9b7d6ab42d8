import ArgumentParser
import DagrouteCore
import Foundation
import Instance
import Reports
import Scenario

/// `dagroute compare <instance>`: runs every scenario (status quo, pooled, reassigned + pooled,
/// then the planner's own) for all five weekdays and prints the savings table.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the scenarios and compare transport cost, vehicles and ride times.",
        discussion: """
        Scenarios: status-quo (every client at the current location, each provider drives its \
        own clients with its own fleet), pooled (current locations, one regional fleet of all \
        vehicles), reassigned-pooled (clients re-assigned by the assignment model with the \
        continuity penalty, then pooled routes), then the scenarios of settings.json. Each runs \
        Monday to Friday in three trip waves (morning-in, midday, afternoon-out) on the crow-fly \
        travel-time model of settings.json. A vehicle drives several waves and the day pays its \
        fixed cost once, so morning-in is planned first and afternoon-out and midday then use the \
        vehicles the earlier waves have paid for without fixed cost.

        Writes into --out: summary.json ({"scenarios": [...]}, keys documented in README), \
        kpis.csv, report.html (one self-contained file: map, savings table, charts; no \
        external resources), and per scenario routes-<name>.csv, routes-<name>.geojson, \
        assignment-<name>.csv and scenario-<name>.json (its summary object alone, for \
        sweeps). Progress goes to stderr (--quiet silences it). With --anonymise, every file \
        names clients by a salted pseudonym (the same one in every file of the run, so they \
        still join; a new salt each run, never written) and shows homes snapped to a 100 m \
        grid; locations stay named. Clients are processed in id order, whatever the row order \
        of clients.csv.

        Example:
          dagroute compare Instances/gooi-en-vechtstreek --out out
        """
    )

    @Argument(help: "The instance folder.") var instance: String
    @OptionGroup var roadOption: RoadOption
    @Option(help: "Output folder.") var out: String = "out"
    @Option(name: .customLong("time-limit"), help: "Wall-clock budget of the whole run in seconds.") var timeLimit: Double = 55
    @Option(help: "Random seed of the routing searches.") var seed: UInt64 = 1
    @Option(help: "Routing problems solved in parallel (default: all cores).") var threads: Int?
    @Option(help: "Ruin-and-recreate iterations per ride of each routing problem (default 40); the search stops at this budget or at its share of --time-limit, whichever comes first. With a budget that binds, runs for a seed agree to within about 1 % per scenario, not to the euro: the annealing follows the larger of the iteration and the time fraction, and the set-partitioning steps have time limits.")
    var iterations: Int?
    @Option(name: .customLong("report-day"), help: "Weekday whose routes the report's map draws (mon…fri).")
    var reportDay: String = "mon"
    @Flag(help: "Pseudonymise client ids and snap homes to a 100 m grid in every output file.") var anonymise = false
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive, found \(timeLimit)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, found \(threads)") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1, found \(iterations)") }
        guard let day = Weekday(name: reportDay), Weekday.workingDays.contains(day) else {
            throw ValidationError("--report-day must be a weekday mon…fri, found \(reportDay)")
        }
    }

    func run() throws {
        let started = Date()
        Cancellation.handleInterrupts()
        let (loaded, warnings) = try InstanceInIDOrder.read(URL(fileURLWithPath: instance))
        for w in warnings where !quiet { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
        let progress = DagrouteCore.Progress(enabled: !quiet)
        let table = try roadOption.travelTable(loaded, threads: threads ?? ParallelBlocks.defaultThreads, progress: progress)
        // --time-limit covers the whole command: reading the instance and the travel table count.
        var options = RunOptions(timeLimit: max(0.1, timeLimit - Date().timeIntervalSince(started)), seed: seed)
        if let threads { options.threads = threads }
        if let iterations { options.iterationsPerRide = iterations }
        let results = try ScenarioRunner.run(loaded, scenarios: ScenarioCatalog.all(loaded.settings), options: options,
                                             table: table, progress: progress)
        let folder = URL(fileURLWithPath: out)
        // Interrupted (Ctrl-C): print the best plans so far, leave earlier output files as they were.
        let interrupted = Cancellation.isRequested
        if !interrupted { try writeOutputs(loaded, table, results, to: folder, progress: progress) }

        print("Transport per scenario, Monday to Friday (costs in euros; savings against \(results[0].spec.name)):")
        print(ScenarioWriters.savingsTable(results), terminator: "")
        for r in results {
            if !r.assignment.waiting.isEmpty { Progress.warn("\(r.spec.name): \(r.assignment.waiting.count) clients on the waiting list (see assignment-\(r.spec.name).csv)") }
            if r.kpis.ridesUnrouted > 0 { Progress.warn("\(r.spec.name): \(r.kpis.ridesUnrouted) rides could not be planned") }
        }
        if interrupted {
            Progress.warn("interrupted: the table shows the best plans found so far; no files were written")
        } else {
            print("Wrote summary.json, kpis.csv, report.html and route sheets to \(folder.path)")
        }
    }

    /// Writes every output file into `folder` (each atomically).
    private func writeOutputs(_ loaded: Instance, _ table: TravelTable, _ results: [ScenarioResult], to folder: URL,
                              progress: DagrouteCore.Progress) throws {
        progress.say("writing outputs to \(folder.path)")
        // One salt for the whole run: a client has the same pseudonym in every file.
        let salt = ClientPseudonym.Salt.random()
        let mask: ScenarioWriters.ClientMask = anonymise ? .pseudonyms(salt: salt) : .none
        for r in results {
            try AtomicFile.write(ScenarioWriters.routesCSV(r.days, mask: mask), to: folder.appendingPathComponent(ScenarioWriters.routesFileName(r.spec.name)))
            try AtomicFile.write(ScenarioWriters.routesGeoJSON(r.days, mask: mask), to: folder.appendingPathComponent("routes-\(r.spec.name).geojson"))
            try AtomicFile.write(ScenarioWriters.assignmentCSV(loaded, table, r.assignment, mask: mask), to: folder.appendingPathComponent("assignment-\(r.spec.name).csv"))
            try AtomicFile.write(try ScenarioWriters.scenarioJSON(r), to: folder.appendingPathComponent("scenario-\(r.spec.name).json"))
        }
        try AtomicFile.write(ScenarioWriters.kpisCSV(results), to: folder.appendingPathComponent("kpis.csv"))
        try AtomicFile.write(try ScenarioWriters.summaryJSON(results), to: folder.appendingPathComponent("summary.json"))
        var report = ScenarioReport.model(instance: loaded, results: results, day: Weekday(name: reportDay) ?? .mon,
                                          instanceName: URL(fileURLWithPath: instance).lastPathComponent)
        if anonymise { report = report.anonymised(salt: salt) }
        try AtomicFile.write(HTMLReport.render(report), to: folder.appendingPathComponent("report.html"))
        progress.say("done")
    }
}
