import ArgumentParser
import DagrouteCore
import Foundation
import Instance
import Reports
import Scenario

/// `dagroute assign <instance> [--scenario NAME]`: which location each client attends.
struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assign clients to locations (GLPK MIP) under a scenario.",
        discussion: """
        Without --scenario the status quo is shown (everyone at the current location). With a \
        scenario that re-assigns (reassigned-pooled, or one of settings.json), the model places \
        clients under capacities per weekday and day part, compatibility and the ride-time cap, \
        with the continuity penalty. Prints load vs capacity per location and day part, moved and \
        waiting clients, and direct travel times; writes assignment.csv to --out. Clients on the \
        waiting list are a result (exit 0) with a warning on stderr. With --anonymise, \
        assignment.csv and the listing name clients by a salted pseudonym (new salt each run, \
        never written). Clients are processed in id order, whatever the row order of clients.csv.

        Example:
          dagroute assign Instances/gooi-en-vechtstreek --scenario close-L03
        """
    )

    @Argument(help: "The instance folder.") var instance: String
    @OptionGroup var roadOption: RoadOption
    @Option(help: "Scenario name (status-quo, pooled, reassigned-pooled, or one of settings.json).") var scenario: String?
    @Option(name: .customLong("time-limit"), help: "Wall-clock budget in seconds (reading the instance included).") var timeLimit: Double = 30
    @Option(help: "Relative MIP gap to stop at (0 = prove optimality).") var gap: Double = 0
    @Option(help: "Output folder.") var out: String = "out"
    @Flag(help: "Pseudonymise client ids in assignment.csv and the listing.") var anonymise = false

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive, found \(timeLimit)") }
        guard (0..<1).contains(gap) else { throw ValidationError("--gap must be in [0, 1), found \(gap)") }
    }

    func run() throws {
        let started = Date()
        Cancellation.handleInterrupts()
        let loaded = try InstanceInIDOrder.read(URL(fileURLWithPath: instance)).instance
        let spec = try ScenarioCatalog.named(scenario, in: loaded.settings)
        let table = try roadOption.travelTable(loaded, threads: ParallelBlocks.defaultThreads,
                                               progress: DagrouteCore.Progress(enabled: true))
        // --time-limit covers the whole command: reading the instance and the travel table count.
        let a = try CareAssignmentBuilder.solve(loaded, spec, table: table, timeLimit: max(0.1, timeLimit - Date().timeIntervalSince(started)), gap: gap)
        let url = URL(fileURLWithPath: out).appendingPathComponent("assignment.csv")
        // Interrupted (Ctrl-C): show the best assignment so far, leave an earlier file as it was.
        let interrupted = Cancellation.isRequested
        let mask: ScenarioWriters.ClientMask = anonymise ? .pseudonyms(salt: .random()) : .none
        if !interrupted { try AtomicFile.write(ScenarioWriters.assignmentCSV(loaded, table, a, mask: mask), to: url) }
        print(AssignmentReport.text(loaded, table, a, mask: mask))
        if interrupted {
            Progress.warn("interrupted: the best assignment found so far is shown above; no file was written")
        } else {
            print("Wrote \(url.path)")
        }
        if !a.waiting.isEmpty {
            Progress.warn("\(a.waiting.count) clients are on the waiting list (no place found); see the list above and \(url.path)")
        }
    }
}

/// The text `assign` prints; client ids pass through `mask`.
enum AssignmentReport {
    static func text(_ instance: Instance, _ table: TravelTable, _ a: CareAssignment, mask: ScenarioWriters.ClientMask) -> String {
        var lines = ["Scenario \(a.scenario): \(a.decidedByModel) clients placed by the model (\(a.status)" +
                     (a.gap.map { String(format: ", gap %.2f%%", $0 * 100) } ?? "") + ")"]
        lines.append("")
        lines.append("Load / capacity per location and day part:")
        var header = "location".padding(toLength: 10, withPad: " ", startingAt: 0)
        for day in Weekday.workingDays { for half in ["am", "pm"] { header += "  " + "\(day.rawValue)-\(half)".padding(toLength: 7, withPad: " ", startingAt: 0) } }
        lines.append(header)
        for (l, location) in instance.locations.enumerated() where a.open[l] {
            var row = location.id.padding(toLength: 10, withPad: " ", startingAt: 0)
            for d in 0..<5 {
                for h in 0..<2 {
                    let slot = d * 2 + h
                    let cell = "\(a.load(instance, location: l, slot: slot))/\(a.capacity[l][slot])"
                    row += "  " + cell.padding(toLength: 7, withPad: " ", startingAt: 0)
                }
            }
            lines.append(row)
        }
        lines.append("")
        lines.append("Moved clients: \(a.moved.count)")
        for c in a.moved {
            let client = instance.clients[c]
            lines.append("  \(mask.id(client.id)): \(client.currentLocation ?? "-") → \(instance.locations[a.locationOfClient[c]!].id)")
        }
        lines.append("Waiting list: \(a.waiting.count)")
        for w in a.waiting { lines.append("  \(mask.id(instance.clients[w.client].id)): \(w.reason.rawValue)") }
        var oneWay = 0, placed = 0
        for (c, l) in a.locationOfClient.enumerated() { if let l { oneWay += table.time(table.client(c), table.location(l)); placed += 1 } }
        let weekly = Double(a.weeklyDirectTravel(instance, table).value) / 3600
        lines.append(String(format: "Direct travel: %.1f hours per week (home ↔ location, all attendance days); mean one way %.1f min over %d placed clients",
                            weekly, placed == 0 ? 0 : Double(oneWay) / Double(placed) / 60, placed))
        return lines.joined(separator: "\n")
    }
}
