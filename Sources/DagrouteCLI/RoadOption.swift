import ArgumentParser
import DagrouteCore
import Foundation
import Instance
import Scenario
import TravelMatrix

/// `--road FILE.osm.pbf` of `analyze`, `compare`, `assign` and `routes`: drive times and
/// distances over OpenStreetMap roads instead of the settings' crow-fly estimate.
struct RoadOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        """
        OpenStreetMap extract (.osm.pbf): drive times and distances over its roads instead of crow-fly \
        estimates. Every location, depot and client home is snapped to a drivable road within 1,000 m \
        (farther is an input error naming it). The contraction hierarchy is kept in \
        $XDG_CACHE_HOME/dagroute (default ~/.cache/dagroute) and reused for the same extract.
        """, valueName: "file.osm.pbf"))
    var road: String?

    /// The instance's travel table: crow-fly under the settings' model, or over the roads of `road`.
    func travelTable(_ instance: Instance, threads: Int, progress: DagrouteCore.Progress) throws -> TravelTable {
        guard let road else { return TravelTable(instance) }
        let source = try RoadSource(extract: URL(fileURLWithPath: road), displayName: road,
                                    cacheDirectory: RoadOption.cacheDirectory(), threads: threads, progress: progress)
        let table = try TravelTable(instance, source: source, threads: threads, progress: progress)
        progress.say("road travel table: \(table.points.count) points over \(road)")
        return table
    }

    /// `$XDG_CACHE_HOME/dagroute`, else `~/.cache/dagroute` (created by the first cache write; a
    /// failed write is a warning).
    static func cacheDirectory() -> URL {
        let base = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("dagroute")
    }
}
