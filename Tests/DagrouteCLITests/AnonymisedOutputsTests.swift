import Foundation
import XCTest

/// `--anonymise` on `compare`, `routes` and `assign`: no client id and no exact home in any output
/// file (or in what is printed), every home written is a 100 m grid point within 71 m of the real
/// home, one pseudonym per client across all files of a run (so they join), and the KPIs (cost, km,
/// hours, peak vehicles, rides) recomputed from the anonymised route sheets still equal
/// summary.json. Each command runs once
/// plainly and once anonymised with the same seed and thread count; the search is bounded by its
/// iteration budget (small region, generous time limit), so both runs plan the same rides and
/// the anonymised files can be matched row by row against the plain ones.
final class AnonymisedOutputsTests: XCTestCase {
    struct Client { var id: String; var lat: String; var lon: String }

    func testCompareAnonymisesEveryFileConsistently() throws {
        let region = try generatedRegion(clients: 16, seed: 11)
        let clients = try readClients(region)
        let plain = region.appendingPathComponent("plain"), anon = region.appendingPathComponent("anon")
        for (out, extra) in [(plain, [String]()), (anon, ["--anonymise"])] {
            let r = try CLIRunner.run(["compare", region.path, "--out", out.path, "--time-limit", "600", "--seed", "3", "--threads", "2", "--quiet"] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            if out == anon { assertNoClientData(r.stdout + r.stderr, clients, "compare's stdout and stderr") }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: anon.path).sorted()
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: plain.path).sorted())
        XCTAssertTrue(names.contains("routes-pooled.csv") && names.contains("assignment-pooled.csv") && names.contains("routes-pooled.geojson"))
        for name in names { assertNoClientData(try text(anon, name), clients, name) }

        // One pseudonym per client across every file of the run, and never one for two clients.
        var pseudonym: [String: String] = [:]
        func link(_ id: String, _ p: String, _ file: String) {
            if let known = pseudonym[id] { XCTAssertEqual(known, p, "\(id) has two pseudonyms (\(file))") } else { pseudonym[id] = p }
        }
        for name in names where name.hasPrefix("assignment-") || name.hasPrefix("routes-") && name.hasSuffix(".csv") {
            let a = try rows(anon, name), p = try rows(plain, name)
            XCTAssertEqual(a.count, p.count, name)
            let idColumn = name.hasPrefix("assignment-") ? 0 : 6
            for (ra, rp) in zip(a, p) {
                XCTAssertEqual(ra.count, rp.count, name)
                for k in ra.indices where k != idColumn && !(idColumn == 6 && (k == 8 || k == 9)) {
                    XCTAssertEqual(ra[k], rp[k], "\(name): only client ids and homes may differ")
                }
                if !rp[idColumn].isEmpty { link(rp[idColumn], ra[idColumn], name) } else { XCTAssertEqual(ra[idColumn], "") }
                if idColumn == 6 { try assertHomeMasked(plain: rp, anonymised: ra, name) }
            }
        }
        XCTAssertEqual(pseudonym.count, clients.count, "assignment files list every client")
        XCTAssertEqual(Set(pseudonym.values).count, pseudonym.count, "pseudonyms are distinct")
        for (id, p) in pseudonym { XCTAssertTrue(p.hasPrefix("p") && p.count == 17, "\(id) → \(p)") }
        // The GeoJSON and the report use the same pseudonyms.
        let known = Set(pseudonym.values)
        for name in names where name.hasSuffix(".geojson") {
            let features = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: anon.appendingPathComponent(name))) as? [String: Any])?["features"] as? [[String: Any]])
            let ids = features.compactMap { ($0["properties"] as? [String: Any])?["client_id"] as? String }
            XCTAssertFalse(ids.isEmpty, name)
            for id in ids { XCTAssertTrue(known.contains(id), "\(name): \(id) is not the pseudonym used in the sheets") }
        }
        let html = try text(anon, "report.html")
        XCTAssertTrue(known.contains { html.contains($0) }, "report.html names clients by the run's pseudonyms")

        // KPIs recomputed from the anonymised sheets (and fleet.csv's rates) equal summary.json.
        let rates = try fleetRates(region)
        let summary = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: anon.appendingPathComponent("summary.json"))) as? [String: Any])?["scenarios"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(summary.count, 3)
        for entry in summary {
            let name = try XCTUnwrap(entry["name"] as? String)
            let k = try sheetKPIs(try rows(anon, "routes-\(name).csv"), rates: rates)
            XCTAssertEqual(entry["cost_eur_per_day"] as! Double, k.euroPerWeek / 5, accuracy: 0.01, name)
            XCTAssertEqual(entry["peak_vehicles"] as! Int, k.peak, name)
            XCTAssertEqual(entry["km_per_week"] as! Double, k.km, accuracy: 0.001, name)
            XCTAssertEqual(entry["vehicle_hours_per_week"] as! Double, k.hours, accuracy: 0.001, name)
            XCTAssertEqual(entry["rides_per_week"] as! Int, k.rides.count, name)
            XCTAssertEqual(entry["max_ride_min"] as! Double, Double(k.rides.max() ?? 0) / 60, accuracy: 0.01, name)
            XCTAssertEqual(entry["mean_ride_min"] as! Double, k.rides.isEmpty ? 0 : Double(k.rides.reduce(0, +)) / Double(k.rides.count) / 60, accuracy: 0.01, name)
        }
    }

    func testRoutesAndAssignAnonymise() throws {
        let region = try generatedRegion(clients: 30, seed: 12)
        let clients = try readClients(region)
        let plain = region.appendingPathComponent("plain"), anon = region.appendingPathComponent("anon")
        for (out, extra) in [(plain, [String]()), (anon, ["--anonymise"])] {
            let routes = try CLIRunner.run(["routes", region.path, "--day", "mon", "--scenario", "pooled", "--time-limit", "600",
                                            "--threads", "1", "--out", out.path, "--quiet"] + extra)
            XCTAssertEqual(routes.status, 0, routes.stderr)
            let assign = try CLIRunner.run(["assign", region.path, "--scenario", "reassigned-pooled", "--out", out.path] + extra)
            XCTAssertEqual(assign.status, 0, assign.stderr)
            if out == anon {
                assertNoClientData(routes.stdout + routes.stderr, clients, "routes' output")
                assertNoClientData(assign.stdout + assign.stderr, clients, "assign's output")
            } else {
                XCTAssertTrue(assign.stdout.contains("Moved clients"), assign.stdout)
            }
        }
        for name in ["routes.csv", "routes.geojson", "assignment.csv"] { assertNoClientData(try text(anon, name), clients, name) }
        let a = try rows(anon, "routes.csv"), p = try rows(plain, "routes.csv")
        XCTAssertEqual(a.count, p.count)
        XCTAssertGreaterThan(a.count, 20)
        for (ra, rp) in zip(a, p) { try assertHomeMasked(plain: rp, anonymised: ra, "routes.csv") }
        let assignment = try rows(anon, "assignment.csv")
        XCTAssertEqual(assignment.count, clients.count)
        XCTAssertEqual(Set(assignment.map { $0[0] }).count, clients.count, "distinct pseudonyms")
        // The sheet's clients are among assignment.csv's (but that file is a separate run with its own salt).
        XCTAssertTrue(assignment.allSatisfy { $0[0].hasPrefix("p") && $0[0].count == 17 })
    }

    // MARK: - checks

    /// No client id and no exact home (its lat and lon as written in clients.csv, both in one text) in `text`.
    func assertNoClientData(_ text: String, _ clients: [Client], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for c in clients {
            XCTAssertFalse(text.contains(c.id), "\(what) names client \(c.id)", file: file, line: line)
            XCTAssertFalse(text.contains(c.lat) && text.contains(c.lon), "\(what) holds \(c.id)'s exact home", file: file, line: line)
        }
    }

    /// A home stop's written position is a grid point (re-snapping moves it by less than 0.5 mm)
    /// within 71 m of the exact home; every other stop is written exactly.
    func assertHomeMasked(plain: [String], anonymised: [String], _ name: String) throws {
        let (lat, lon) = (try XCTUnwrap(Double(anonymised[8])), try XCTUnwrap(Double(anonymised[9])))
        guard plain[7] == "home" else {
            XCTAssertEqual(anonymised[8...9], plain[8...9], "\(name): non-home stops are exact"); return
        }
        XCTAssertNotEqual(anonymised[8...9], plain[8...9], "\(name): a home is written exactly")
        let (exactLat, exactLon) = (try XCTUnwrap(Double(plain[8])), try XCTUnwrap(Double(plain[9])))
        XCTAssertLessThan(metres(lat, lon, exactLat, exactLon), 71.0, "\(name): the grid point is the home's cell")
        let step = 100.0 / (6_371_008.8 * Double.pi / 180)
        XCTAssertEqual(lat / step, (lat / step).rounded(), accuracy: 1e-3, "\(name): latitude on the 100 m grid")
        let lonStep = step / cos((lat / step).rounded() * step * Double.pi / 180)
        XCTAssertEqual(lon / lonStep, (lon / lonStep).rounded(), accuracy: 1e-3, "\(name): longitude on the 100 m grid")
    }

    /// Great-circle metres (haversine), independent of the code under test.
    func metres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = Double.pi / 180, dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * r) * cos(lat2 * r) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }

    /// Km, vehicle hours, ride times (seconds), cost in euros and peak vehicles recomputed from a
    /// route sheet's rows: per route hours × cost_per_hour + km × cost_per_km, plus per weekday and
    /// fleet row fixed_cost_per_day × the most routes of that row in one wave; the peak is the most
    /// routes in one wave.
    func sheetKPIs(_ rows: [[String]], rates: [String: (hour: Double, km: Double, fixed: Double)]) throws
        -> (km: Double, hours: Double, rides: [Int], euroPerWeek: Double, peak: Int) {
        func seconds(_ clock: String) throws -> Int {
            let f = clock.split(separator: ":").compactMap { Int($0) }
            XCTAssertEqual(f.count, 3, clock)
            return f[0] * 3600 + f[1] * 60 + f[2]
        }
        var metres = 0, duration = 0, rides: [Int] = [], boarded: [String: Int] = [:], departed = 0, routeMetres = 0
        var euro = 0.0, routesPerWaveRow: [String: Int] = [:], routesPerWave: [String: Int] = [:]
        for row in rows {
            let leg = try XCTUnwrap(Int(row[12]))
            metres += leg; routeMetres += leg
            switch row[5] {
            case "depart":
                departed = try seconds(row[10]); routeMetres = 0
                routesPerWaveRow[row[0] + "|" + row[1] + "|" + row[3], default: 0] += 1
                routesPerWave[row[0] + "|" + row[1], default: 0] += 1
            case "return":
                let d = try seconds(row[10]) - departed, rate = try XCTUnwrap(rates[row[3]], row[3])
                duration += d
                euro += rate.hour * Double(d) / 3600 + rate.km * Double(routeMetres) / 1000
            case "pickup": boarded[row[0] + row[1] + row[6]] = try seconds(row[11])
            case "dropoff": rides.append(try seconds(row[10]) - (try XCTUnwrap(boarded.removeValue(forKey: row[0] + row[1] + row[6]))))
            default: XCTFail("stop type \(row[5])")
            }
        }
        XCTAssertTrue(boarded.isEmpty, "every pseudonymous client boarded is dropped")
        var fixedPerDayRow: [String: Int] = [:]
        for (key, n) in routesPerWaveRow {
            let f = key.split(separator: "|")
            fixedPerDayRow["\(f[0])|\(f[2])"] = max(fixedPerDayRow["\(f[0])|\(f[2])"] ?? 0, n)
        }
        for (key, n) in fixedPerDayRow { euro += try XCTUnwrap(rates[String(key.split(separator: "|")[1])]).fixed * Double(n) }
        return (Double(metres) / 1000, Double(duration) / 3600, rides, euro, routesPerWave.values.max() ?? 0)
    }

    /// Euros per hour, per km and fixed per day of every fleet.csv row, by id (columns by header name).
    func fleetRates(_ region: URL) throws -> [String: (hour: Double, km: Double, fixed: Double)] {
        let lines = try String(contentsOf: region.appendingPathComponent("fleet.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let column = { (name: String) in try XCTUnwrap(header.firstIndex(of: name), name) }
        let (id, hour, km, fixed) = (try column("id"), try column("cost_per_hour"), try column("cost_per_km"), try column("fixed_cost_per_day"))
        var rates: [String: (hour: Double, km: Double, fixed: Double)] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rates[f[id]] = (try XCTUnwrap(Double(f[hour])), try XCTUnwrap(Double(f[km])), try XCTUnwrap(Double(f[fixed])))
        }
        return rates
    }

    // MARK: - helpers

    func generatedRegion(clients: Int, seed: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-anonymise-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["generate", "--clients", "\(clients)", "--seed", "\(seed)", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return dir
    }

    /// Ids and homes (as written) of `clients.csv`, whose first three columns are `id,lat,lon`.
    func readClients(_ region: URL) throws -> [Client] {
        let lines = try String(contentsOf: region.appendingPathComponent("clients.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("id,lat,lon,"))
        return lines.dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Client(id: f[0], lat: f[1], lon: f[2])
        }
    }

    func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The data rows of a CSV file without quoted fields, split on commas.
    func rows(_ folder: URL, _ name: String) throws -> [[String]] {
        try text(folder, name).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
