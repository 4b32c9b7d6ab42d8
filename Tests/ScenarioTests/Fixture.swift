import DagrouteCore
import Foundation
import Instance
@testable import Scenario

/// Small generated regions and an independent reader of the written route sheets.
enum Fixture {
    /// A generated region with 60 clients (fast enough for debug builds).
    static let small: Instance = try! RegionGenerator(clients: 60, seed: 7).generate()

    /// A run budget bound by iterations (deterministic), with a generous time limit as a guard.
    static let options = RunOptions(timeLimit: 120, seed: 3, threads: 2, iterationsPerRide: 4)

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One row of a route sheet, parsed without any of the module's types.
    struct SheetRow {
        var day: String, trip: String, vehicle: String, fleetRow: String, sequence: Int, stopType: String
        var client: String, place: String, lat: Double, lon: Double, planned: Int, done: Int, leg: Int, seats: Int, chairs: Int
    }

    static func seconds(_ clock: String) -> Int {
        let p = clock.split(separator: ":").map { Int($0)! }
        return p[0] * 3600 + p[1] * 60 + p[2]
    }

    static func readSheet(_ url: URL) throws -> [SheetRow] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let at = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        return lines.dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return SheetRow(day: f[at["day"]!], trip: f[at["trip"]!], vehicle: f[at["vehicle"]!], fleetRow: f[at["fleet_row"]!],
                            sequence: Int(f[at["sequence"]!])!, stopType: f[at["stop_type"]!], client: f[at["client_id"]!],
                            place: f[at["location_id"]!], lat: Double(f[at["lat"]!])!, lon: Double(f[at["lon"]!])!,
                            planned: seconds(f[at["planned_time"]!]), done: seconds(f[at["done_time"]!]), leg: Int(f[at["leg_m"]!])!,
                            seats: Int(f[at["load_seats"]!])!, chairs: Int(f[at["load_wheelchairs"]!])!)
        }
    }
}
