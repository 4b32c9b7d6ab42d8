import ArgumentParser
import DagrouteCore
import Foundation
import Instance
import TravelMatrix

/// `dagroute matrix`: travel times and distances between every pair of points of a points file or
/// of an instance folder (its locations and client homes), crow-fly by default or over
/// OpenStreetMap roads with `--road`.
struct Matrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute a travel-time and distance matrix between points (crow-fly or OpenStreetMap roads).",
        discussion: """
        The points are either a CSV file (--points) with columns id, lat, lon (WGS84 degrees), or an \
        instance folder (positional argument): its locations (locations.csv order) then its clients' \
        homes (clients.csv order), with the ids of those files (an id used by both a location and a \
        client is an input error). The matrix covers every ordered pair (from, to), the point itself \
        included.

        Without --road, times are crow-fly estimates (great-circle distance × 1.3 detour, Dutch \
        distance-dependent speeds; for an instance folder, its settings' travel_time model). With --road, points are snapped to the nearest drivable road \
        segment within --snap-radius metres (a point with no road in reach is an input error) and times \
        are shortest car travel times over the extract; each point's snapping distance is written to \
        OUT.snap.csv (id, lat, lon, snapped_lat, snapped_lon, snap_metres). --cache DIR keeps the \
        contraction hierarchy for the next run on the same extract.

        Output: --format csv (default) writes the long form `from,to,seconds,metres`; --format bin \
        writes the little-endian DGMATRIX layout documented in Sources/TravelMatrix/README.md. \
        Progress goes to stderr; the output file is written atomically. Ctrl-C stops the computation \
        (exit code 130) and leaves an existing output file as it was.

        Examples:
          dagroute matrix --points points.csv --out matrix.csv
          dagroute matrix Instances/gooi-en-vechtstreek --road noord-holland.osm.pbf --format bin --out m.bin
        """
    )

    @Argument(help: "An instance folder: its locations and client homes are the points.") var instance: String?
    @Option(help: "Points CSV with columns id, lat, lon.") var points: String?
    @Option(help: "OpenStreetMap extract (.osm.pbf) for road travel times; crow-fly when absent.") var road: String?
    @Option(name: .customLong("snap-radius"), help: "With --road: the largest snapping distance in metres.")
    var snapRadius: Double = 1000
    @Option(help: "With --road: keep the contraction hierarchy in this folder and reuse it for the same extract.")
    var cache: String?
    @Option(help: "Worker threads (default: all cores). The result does not depend on it.") var threads: Int?
    @Option(help: "Output file.") var out: String
    @Option(help: "Output format: csv or bin.") var format: MatrixFile.Format = .csv
    @Flag(help: "No progress lines on stderr.") var quiet = false

    func validate() throws {
        guard (instance == nil) != (points == nil) else {
            throw ValidationError("give either --points FILE.csv or an instance folder, found \(instance == nil ? "neither" : "both")")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard snapRadius > 0, snapRadius.isFinite else { throw ValidationError("--snap-radius must be a positive number of metres") }
    }

    func run() throws {
        Cancellation.handleInterrupts(note: "interrupted: stopping; the output file is left as it was (Ctrl-C again to quit at once)")
        let progress = DagrouteCore.Progress(enabled: !quiet)
        let workers = threads ?? ParallelBlocks.defaultThreads
        let places: [MatrixPoint], model: TravelTimeModel
        if let points {
            places = try PointsFile.read(URL(fileURLWithPath: points), displayName: points)
            model = TravelTimeModel()
            progress.say("read \(places.count) points from \(points)")
        } else {
            let loaded = try InstanceReader.read(folder: URL(fileURLWithPath: instance!))
            for w in loaded.warnings where !quiet { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
            places = try Matrix.points(of: loaded, folder: instance!)
            model = loaded.settings.travelTime
            progress.say("read \(loaded.locations.count) locations and \(loaded.clients.count) clients from \(instance!)")
        }
        let outURL = URL(fileURLWithPath: out)
        try AtomicFile.checkWritable(outURL)
        let matrix: DurationMatrix
        if let road {
            let source = try RoadSource(extract: URL(fileURLWithPath: road), displayName: road,
                                        snapRadiusMetres: snapRadius, cacheDirectory: cache.map { URL(fileURLWithPath: $0) },
                                        threads: workers, progress: progress)
            let snaps = try source.snap(places)
            let worst = snaps.max { $0.snapMetres < $1.snapMetres }
            progress.say(String(format: "snapped %d points, largest snapping distance %.1f m (%@)",
                                snaps.count, worst?.snapMetres ?? 0, worst?.point.id ?? "-"))
            matrix = try source.matrix(from: places, to: places, threads: workers, progress: progress)
            try AtomicFile.write(RoadSource.snapReportCSV(snaps), to: outURL.deletingLastPathComponent()
                .appendingPathComponent(outURL.lastPathComponent + ".snap.csv"))
        } else {
            matrix = try CrowFlySource(model: model).matrix(from: places, to: places, threads: workers, progress: progress)
        }
        progress.say("matrix done, writing \(out)")
        let ids = places.map(\.id)
        try MatrixFile.write(matrix, rowIds: ids, columnIds: ids, format: format, to: outURL)
        progress.say("wrote \(matrix.rows) × \(matrix.columns) entries to \(out)")
    }
}

extension Matrix {
    /// An instance's locations, then its clients' homes, with their own ids; an id shared by a
    /// location and a client would make the output ambiguous and is an input error.
    static func points(of instance: Instance, folder: String) throws -> [MatrixPoint] {
        let locationIds = Set(instance.locations.map(\.id))
        let shared = instance.clients.filter { locationIds.contains($0.id) }
        guard shared.isEmpty else {
            // The instance keeps no line numbers: find the rows again in clients.csv (read without
            // errors a moment ago).
            let file = folder + "/" + InstanceFiles.clients
            let table = try? CSVTable.read(URL(fileURLWithPath: folder).appendingPathComponent(InstanceFiles.clients),
                                           displayName: file)
            let column = table?.column("id")
            throw DagrouteError.input(shared.map { client in
                let row = column.flatMap { c in
                    table?.rows.first { c <= $0.fields.count && $0.fields[c - 1].trimmingCharacters(in: .whitespaces) == client.id }
                }
                return Diagnostic(file: file, line: row?.line, column: row == nil ? nil : column, field: "id",
                                  message: "expected client ids distinct from location ids for the matrix, found \(client.id) in both")
            })
        }
        return instance.locations.map { MatrixPoint(id: $0.id, position: $0.position) }
            + instance.clients.map { MatrixPoint(id: $0.id, position: $0.position) }
    }
}

extension MatrixFile.Format: ExpressibleByArgument {}
