import ArgumentParser
import DagrouteCore
import Foundation
import Instance
import Reports
import Scenario

/// `dagroute routes <instance> --day mon`: one weekday's rides under a scenario.
struct Routes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan one weekday's rides (dial-a-ride) under a scenario.",
        discussion: """
        Plans the three trip waves of the day — morning-in (arrive within the arrival window \
        before the programme start), midday (morning clients home, afternoon clients in), \
        afternoon-out (picked up within the departure window after the end) — with the ride-time \
        policy, boarding times, seats and wheelchair places of settings.json and fleet.csv, one \
        wave after another: afternoon-out and midday use the vehicles the earlier waves have \
        paid for without fixed cost (the day pays a vehicle's fixed cost once). The \
        default scenario is status-quo (each provider's own fleet); use --scenario pooled for one \
        regional fleet. Writes routes.csv (a driver's sheet: vehicle, trip, sequence, stop type, \
        client, location, planned time, load) and routes.geojson to --out. With --anonymise, \
        both files and the list of unplanned rides name clients by a salted pseudonym (new salt \
        each run, never written) and show homes snapped to a 100 m grid. Clients are processed \
        in id order, whatever the row order of clients.csv.

        Example:
          dagroute routes Instances/gooi-en-vechtstreek --day mon --scenario pooled
        """
    )

    @Argument(help: "The instance folder.") var instance: String
    @OptionGroup var roadOption: RoadOption
    @Option(help: "Weekday: mon, tue, wed, thu, fri (also sat, sun).") var day: String
    @Option(help: "Scenario name (status-quo, pooled, reassigned-pooled, or one of settings.json).") var scenario: String?
    @Option(name: .customLong("time-limit"), help: "Wall-clock budget in seconds.") var timeLimit: Double = 20
    @Option(help: "Random seed of the routing searches.") var seed: UInt64 = 1
    @Option(help: "Routing problems solved in parallel (default: all cores).") var threads: Int?
    @Option(help: "Ruin-and-recreate iterations per ride of each routing problem (default 40); the search stops at this budget or at its share of --time-limit, whichever comes first.")
    var iterations: Int?
    @Option(help: "Output folder.") var out: String = "out"
    @Flag(help: "Pseudonymise client ids and snap homes to a 100 m grid in the files and the listing.") var anonymise = false
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        guard Weekday(name: day) != nil else { throw ValidationError("--day: expected mon, tue, wed, thu, fri, sat or sun, found \"\(day)\"") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive, found \(timeLimit)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, found \(threads)") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1, found \(iterations)") }
    }

    func run() throws {
        let started = Date()
        Cancellation.handleInterrupts()
        let loaded = try InstanceInIDOrder.read(URL(fileURLWithPath: instance)).instance
        let spec = try ScenarioCatalog.named(scenario, in: loaded.settings)
        let weekday = Weekday(name: day)!
        let table = try roadOption.travelTable(loaded, threads: threads ?? ParallelBlocks.defaultThreads,
                                               progress: DagrouteCore.Progress(enabled: !quiet))
        // --time-limit covers the whole command: reading the instance and the travel table count.
        var options = RunOptions(timeLimit: max(0.1, timeLimit - Date().timeIntervalSince(started)), seed: seed, days: [weekday])
        if let threads { options.threads = threads }
        if let iterations { options.iterationsPerRide = iterations }
        let result = try ScenarioRunner.run(loaded, scenarios: [spec], options: options, table: table,
                                            progress: DagrouteCore.Progress(enabled: !quiet))[0]
        let folder = URL(fileURLWithPath: out)
        // Interrupted (Ctrl-C): show the best plan so far, leave earlier output files as they were.
        let interrupted = Cancellation.isRequested
        let mask: ScenarioWriters.ClientMask = anonymise ? .pseudonyms(salt: .random()) : .none
        if !interrupted {
            try AtomicFile.write(ScenarioWriters.routesCSV(result.days, mask: mask), to: folder.appendingPathComponent("routes.csv"))
            try AtomicFile.write(ScenarioWriters.routesGeoJSON(result.days, mask: mask), to: folder.appendingPathComponent("routes.geojson"))
        }

        let plan = result.days[0], k = result.kpis
        let rides = plan.waves.flatMap(\.rides)
        print("Routes for \(weekday.rawValue), scenario \(spec.name) (\(spec.transport.rawValue) transport):")
        for wave in plan.waves {
            let km = Double(wave.routes.reduce(0) { $0 + $1.distance.value }) / 1000
            let hours = Double(wave.routes.reduce(0) { $0 + $1.duration.value }) / 3600
            print("  " + wave.wave.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + String(format: "%3d vehicles  %4d rides  %7.1f km  %6.1f h", wave.routes.count, wave.rides.count, km, hours))
        }
        print(String(format: "Total: %d vehicles at peak, %.1f km, %.1f vehicle hours, cost € %.2f for the day", k.peakVehicles, k.kmPerWeek, k.vehicleHoursPerWeek, k.costEurPerWeek))
        print(String(format: "Ride time: mean %.1f min, max %.1f min; late arrivals: %d; rides over their limit: %d",
                     k.meanRideMin, k.maxRideMin, rides.filter { $0.late.value > 0 }.count, rides.filter { $0.ride > $0.limit }.count))
        let unrouted = plan.waves.flatMap(\.unrouted)
        if !unrouted.isEmpty {
            print("Rides not planned: \(unrouted.count)")
            for u in unrouted { print("  \(mask.id(loaded.clients[u.client].id)) \(u.wave.rawValue): \(u.reason)") }
            Progress.warn("\(unrouted.count) rides could not be planned (reasons above)")
        }
        if !result.assignment.waiting.isEmpty {
            Progress.warn("\(result.assignment.waiting.count) clients are on the waiting list in this scenario and get no ride")
        }
        if interrupted {
            Progress.warn("interrupted: the best routes found so far are shown above; no files were written")
        } else {
            print("Wrote \(folder.appendingPathComponent("routes.csv").path) and routes.geojson")
        }
    }
}
