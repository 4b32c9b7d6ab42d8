import ArgumentParser
import DagrouteCore
import Foundation
import Instance
import Reports
import Scenario

/// `dagroute analyze <instance>`: the current situation (where clients live, where they go, how
/// far, how full the locations are) as text or JSON, and optionally as files.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse the current situation: clients, direct drives, catchments, flows, capacity use.",
        discussion: """
        Reads an instance folder and reports, for the locations clients attend today: clients per
        municipality; the direct drive from home to the current location (time and estimated road
        distance by the instance's crow-fly travel_time model, or with --road the drive time and
        distance over the roads of an OpenStreetMap extract; mean, median, 90th percentile,
        maximum, and the clients over 30, 45 and 60 minutes); each location's catchment; the flow
        from the municipality of residence to the location's municipality (estimated from the
        nearest homes, as locations.csv has no municipality); and capacity use per location,
        weekday and half-day slot.

        --out DIR writes:
          analysis.json     the same figures as --format json: aggregates only, no client ids
                            and no home positions
          analysis.html     one self-contained page (no external links, works offline): a map
                            of every client's home coloured by location, with the client id in
                            a tooltip, the histogram and all tables
          analysis.geojson  locations, and every client as a point with id and location
        analysis.html and analysis.geojson identify clients by id and home position. With
        --anonymise, ids are replaced by salted hashes (a new random salt each run, never
        written) and homes are snapped to a 100 m grid.

        Example:
          dagroute analyze Instances/gooi-en-vechtstreek --out out/analysis --anonymise
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The instance folder.") var instance: String
    @OptionGroup var roadOption: RoadOption
    @Option(help: "Write analysis.json, analysis.html and analysis.geojson into this folder.") var out: String?
    @Option(help: "Output on stdout: text (aligned tables) or json.") var format: Format = .text
    @Flag(help: "Pseudonymise the client ids and home positions in the files of --out.") var anonymise = false

    func validate() throws {
        if anonymise && out == nil { throw ValidationError("--anonymise applies to the files written with --out; give --out DIR") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: instance).standardizedFileURL
        let (loaded, warnings) = try InstanceInIDOrder.read(folder)
        for w in warnings { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
        let name = folder.lastPathComponent
        let analysis = try CurrentSituation(instance: loaded, road: roadOption.road.map { extract in
            let table = try roadOption.travelTable(loaded, threads: ParallelBlocks.defaultThreads, progress: Progress(enabled: true))
            return (extract, { c, l in (Seconds(table.time(table.client(c), table.location(l))),
                                        Metres(table.distance(table.client(c), table.location(l)))) })
        })
        let json = analysis.json(instanceName: name)
        switch format {
        case .text: FileHandle.standardOutput.write(Data(analysis.text(instanceName: name).utf8))
        case .json: FileHandle.standardOutput.write(Data(json.text().utf8))
        }
        guard let out else { return }
        let dir = URL(fileURLWithPath: out)
        var model = analysis.reportModel(instance: loaded, instanceName: name)
        if anonymise { model = model.anonymised(salt: .random()) }
        try AtomicFile.write(json.text(), to: dir.appendingPathComponent("analysis.json"))
        try AtomicFile.write(HTMLReport.render(model), to: dir.appendingPathComponent("analysis.html"))
        try AtomicFile.write(GeoJSONWriter.text(model), to: dir.appendingPathComponent("analysis.geojson"))
        FileHandle.standardError.write(Data("wrote analysis.json, analysis.html, analysis.geojson to \(dir.path)\n".utf8))
    }
}
