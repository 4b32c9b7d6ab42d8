import DagrouteCore
import Routing

/// Reader of Solomon / Gehring–Homberger VRPTW files: the instance name, a `VEHICLE` block
/// (`NUMBER CAPACITY` and their values), a `CUSTOMER` block with a header line and rows
/// `id x y demand ready due service`, the first row being the depot. Travel time equals Euclidean
/// distance; both are scaled by 1000 into integers (times rounded up). The fleet is `NUMBER`
/// vehicles. The sets rank solutions hierarchically (fewest vehicles, then total distance in
/// doubles), so every vehicle carries a fixed cost larger than any possible total distance; the
/// reported objective is the distance.
public enum SolomonReader {
    public static let scale = 1000

    public static func read(path: String) throws -> RoutingBenchmark {
        try parse(TokenLines.read(path))
    }

    public static func parse(text: String, file: String) throws -> RoutingBenchmark {
        try parse(TokenLines(text, file: file))
    }

    static func parse(_ t: TokenLines) throws -> RoutingBenchmark {
        let lines = t.lines
        guard let vIndex = lines.firstIndex(where: { $0.tokens[0].text.uppercased() == "VEHICLE" }) else {
            throw DagrouteError.input(file: t.file, "expected a 'VEHICLE' line, found none")
        }
        let name = vIndex > 0 ? String(lines[0].tokens[0].text) : t.file
        guard vIndex + 2 < lines.count else { throw DagrouteError.input(file: t.file, "expected the vehicle NUMBER and CAPACITY after 'VEHICLE', found the end of the file") }
        let vLine = lines[vIndex + 2]
        let count = try t.int(vLine, 0, "the number of vehicles")
        let capacity = try t.int(vLine, 1, "the vehicle capacity")
        if count < 1 { throw t.error(vLine, vLine.tokens[0].column, "expected at least one vehicle, found \(count)") }
        if capacity < 0 { throw t.error(vLine, vLine.tokens[1].column, "expected a non-negative capacity, found \(capacity)") }
        guard let cIndex = lines.firstIndex(where: { $0.tokens[0].text.uppercased() == "CUSTOMER" }) else {
            throw DagrouteError.input(file: t.file, "expected a 'CUSTOMER' line, found none")
        }
        var rows = Array(lines[(cIndex + 1)...])
        if let first = rows.first, Int(first.tokens[0].text) == nil { rows.removeFirst() }   // column titles
        guard rows.count >= 2 else { throw DagrouteError.input(file: t.file, "expected the depot and at least one customer, found \(rows.count) rows") }
        var points: [(x: Double, y: Double)] = [], ids: [Int] = [], demand: [Int] = []
        var windows: [(Int, Int)] = [], service: [Int] = []
        var seen: Set<Int> = []
        for line in rows {
            if line.tokens.count != 7 { throw t.error(line, nil, "expected 7 fields (id x y demand ready due service), found \(line.tokens.count)") }
            let id = try t.int(line, 0, "a customer number")
            if !seen.insert(id).inserted { throw t.error(line, nil, "expected each customer number once, found \(id) again") }
            points.append((try t.double(line, 1, "an x coordinate"), try t.double(line, 2, "a y coordinate")))
            let d = try t.double(line, 3, "a demand")
            guard d >= 0, d == d.rounded() else { throw t.error(line, line.tokens[3].column, "expected a non-negative whole demand, found \(line.tokens[3].text)") }
            let ready = try t.double(line, 4, "a ready time"), due = try t.double(line, 5, "a due date"), s = try t.double(line, 6, "a service time")
            if ready > due { throw t.error(line, line.tokens[4].column, "expected ready time <= due date, found \(ready) > \(due)") }
            if s < 0 { throw t.error(line, line.tokens[6].column, "expected a non-negative service time, found \(s)") }
            ids.append(id); demand.append(Int(d))
            let k = Double(scale)
            windows.append((Int((ready * k).rounded(.up)), Int((due * k).rounded(.down)))); service.append(Int((s * k).rounded(.up)))
        }
        var stops: [Stop] = [], requests: [Request] = []
        for k in 1..<rows.count {
            requests.append(Request(.depotDelivery(stop: stops.count), load: Load(seats: demand[k])))
            stops.append(Stop(location: k, service: service[k], earliest: windows[k].0, latest: windows[k].1))
        }
        let matrices = euclideanMatrices(points, scale: Double(scale), nearestInteger: false)
        let longest = matrices.distance.max() ?? 0
        let vehicles = [VehicleType(count: count, capacity: Load(seats: capacity), startLocation: 0, endLocation: 0,
                                    shiftStart: windows[0].0, shiftEnd: windows[0].1,
                                    fixedCost: Double(longest) * Double(rows.count + 1), costPerKm: 1000)]
        let problem = try RoutingProblem(stops: stops, requests: requests, vehicleTypes: vehicles,
                                         matrices: matrices, source: t.file)
        return RoutingBenchmark(name: name, problem: problem, nodeIDs: Array(ids[1...]), depotID: ids[0],
                                convention: .euclidean, coordinates: points, scale: scale)
    }
}
