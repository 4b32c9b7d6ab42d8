import ArgumentParser
import DagrouteCore
import Foundation
import Instance

/// `dagroute generate [--clients N] [--seed S] [--force] <dir>`: writes a synthetic region.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic region.",
        discussion: """
        Writes a synthetic but realistic instance modelled on Gooi en Vechtstreek (clients around \
        the real town centres in proportion to population, eight fictional providers with 25 \
        locations and two candidates, taxi-van fleets, settings with Dutch cost rates and \
        scenarios) as clients.csv, locations.csv, fleet.csv and settings.json — the format that \
        'dagroute validate --help' describes. The data is synthetic: no real person is in it. \
        The same --clients and --seed give byte-identical files.

        Refuses to write into an existing non-empty folder unless --force (which replaces the four \
        instance files and leaves other files alone).

        Examples:
          dagroute generate my-region           (600 clients, seed 1: the default)
          dagroute generate --clients 2000 --seed 7 big-region
        """
    )

    @Option(help: "Number of clients (1…100000).") var clients: Int = 600
    @Option(help: "Random seed; the same seed gives the same region.") var seed: UInt64 = 1
    @Flag(help: "Write into a non-empty folder, replacing the instance files.") var force = false
    @Argument(help: "The folder to write (created when missing).") var directory: String

    func validate() throws {
        guard (1...100_000).contains(clients) else { throw ValidationError("--clients must be from 1 to 100000, found \(clients)") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw DagrouteError.input(file: directory, "expected a folder to write the instance into, found a file")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            if !entries.isEmpty && !force {
                throw DagrouteError.input(file: directory, "expected an empty or new folder, found \(entries.count) entries (use --force to overwrite the instance files)")
            }
        }
        let instance = try RegionGenerator(clients: clients, seed: seed).generate()
        try InstanceWriter.write(instance, to: url)
        print("wrote \(directory): \(instance.clients.count) clients, \(instance.locations.count) locations, "
              + "\(instance.providers.count) providers, \(instance.fleet.reduce(0) { $0 + $1.count }) vehicles (seed \(seed))")
    }
}
