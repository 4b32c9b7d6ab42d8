import ArgumentParser
import DagrouteCore
import Foundation
import RoadNetwork

/// `dagroute graph`: inspect the car graph built from an OpenStreetMap extract.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the car graph of an OpenStreetMap extract.",
        subcommands: [Export.self]
    )

    /// `dagroute graph export --road FILE.osm.pbf --out DIR`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the car graph (largest strongly connected component) as CSV.",
            discussion: """
            Writes DIR/nodes.csv (id,lat,lon; id is the 0-based node index) and DIR/edges.csv \
            (from,to,seconds,metres; one directed edge per line, seconds with 3 decimals, metres \
            with 2) — exactly the graph `dagroute matrix --road` routes on, so that other tools can be \
            measured on the identical graph.
            """
        )

        @Option(help: "OpenStreetMap extract (.osm.pbf).") var road: String
        @Option(help: "Output folder (created when missing).") var out: String
        @Option(help: "Worker threads for decoding (default: all cores).") var threads: Int?
        @Flag(help: "No progress lines on stderr.") var quiet = false

        func validate() throws {
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            let progress = DagrouteCore.Progress(enabled: !quiet)
            let osm = try OSMExtract.read(URL(fileURLWithPath: road), displayName: road,
                                          threads: threads ?? ParallelBlocks.defaultThreads, progress: progress)
            let graph: RoadGraph
            do { graph = try RoadGraph(extract: osm, progress: progress) }
            catch DagrouteError.input(let ds) { throw DagrouteError.input(ds.map { var d = $0; d.file = road; return d }) }
            let dir = URL(fileURLWithPath: out)
            try AtomicFile.write(graph.nodesCSV(), to: dir.appendingPathComponent("nodes.csv"))
            try AtomicFile.write(graph.edgesCSV(), to: dir.appendingPathComponent("edges.csv"))
            print("wrote \(graph.nodeCount) nodes and \(graph.edgeCount) edges to \(out)")
        }
    }
}
