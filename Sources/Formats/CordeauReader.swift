import DagrouteCore
import Routing

/// Reader of Cordeau (2006) dial-a-ride files: a header `K n T Q L` (vehicles, requests, maximum
/// route duration, vehicle capacity, maximum ride time), then node lines
/// `id x y service load tw_start tw_end` for the depot 0, pickups 1…n, drop-offs n+1…2n and the
/// end depot 2n+1. Travel time equals Euclidean distance; both scaled by 1000 into integers (times
/// rounded up). Objective: total distance in doubles.
public enum CordeauReader {
    public static let scale = 1000

    public static func read(path: String) throws -> RoutingBenchmark {
        try parse(TokenLines.read(path))
    }

    public static func parse(text: String, file: String) throws -> RoutingBenchmark {
        try parse(TokenLines(text, file: file))
    }

    static func parse(_ t: TokenLines) throws -> RoutingBenchmark {
        guard let head = t.lines.first else { throw DagrouteError.input(file: t.file, "expected a header line 'K n T Q L', found an empty file") }
        if head.tokens.count != 5 { throw t.error(head, nil, "expected 5 header fields 'K n T Q L', found \(head.tokens.count)") }
        let vehicles = try t.int(head, 0, "the number of vehicles K")
        let n = try t.int(head, 1, "the number of requests n")
        let maxDuration = try t.double(head, 2, "the maximum route duration T")
        let capacity = try t.int(head, 3, "the vehicle capacity Q")
        let maxRide = try t.double(head, 4, "the maximum ride time L")
        if vehicles < 1 { throw t.error(head, head.tokens[0].column, "expected at least one vehicle, found \(vehicles)") }
        if n < 1 { throw t.error(head, head.tokens[1].column, "expected at least one request, found \(n)") }
        let rows = Array(t.lines.dropFirst())
        let k = Double(scale)
        var points: [(x: Double, y: Double)] = [], loads: [Int] = [], service: [Int] = [], windows: [(Int, Int)] = []
        for (i, line) in rows.enumerated() {
            if line.tokens.count != 7 { throw t.error(line, nil, "expected 7 fields (id x y service load tw_start tw_end), found \(line.tokens.count)") }
            let id = try t.int(line, 0, "a node id")
            if id != i { throw t.error(line, line.tokens[0].column, "expected node id \(i), found \(id)") }
            points.append((try t.double(line, 1, "an x coordinate"), try t.double(line, 2, "a y coordinate")))
            let s = try t.double(line, 3, "a service time")
            if s < 0 { throw t.error(line, line.tokens[3].column, "expected a non-negative service time, found \(s)") }
            loads.append(try t.int(line, 4, "a load"))
            let a = try t.double(line, 5, "a time-window start"), b = try t.double(line, 6, "a time-window end")
            if a > b { throw t.error(line, line.tokens[5].column, "expected tw_start <= tw_end, found \(a) > \(b)") }
            service.append(Int((s * k).rounded(.up))); windows.append((Int((a * k).rounded(.up)), Int((b * k).rounded(.down))))
        }
        if rows.count != 2 * n + 2 {
            // At the first line too many, or at the last line when lines are missing.
            let place = rows.count > 2 * n + 2 ? rows[2 * n + 2] : (rows.last ?? head)
            throw t.error(place, nil, "expected \(2 * n + 2) node lines (depot, \(n) pickups, \(n) drop-offs, end depot), found \(rows.count)")
        }
        for i in 1...n {
            let line = rows[n + i]
            if loads[i] < 0 || loads[n + i] != -loads[i] {
                throw t.error(line, line.tokens[4].column, "expected the drop-off load of request \(i) to be −\(loads[i]), found \(loads[n + i])")
            }
        }
        var stops: [Stop] = [], requests: [Request] = []
        for i in 1...(2 * n) { stops.append(Stop(location: i, service: service[i], earliest: windows[i].0, latest: windows[i].1)) }
        for i in 1...n {
            requests.append(Request(.pickupDelivery(pickup: i - 1, delivery: n + i - 1), load: Load(seats: loads[i]),
                                    maxRideTime: Int((maxRide * k).rounded(.down))))
        }
        let fleet = [VehicleType(count: vehicles, capacity: Load(seats: capacity), startLocation: 0, endLocation: 2 * n + 1,
                                 shiftStart: windows[0].0, shiftEnd: windows[2 * n + 1].1,
                                 maxDuration: Int((maxDuration * k).rounded(.down)), costPerKm: 1000)]
        let problem = try RoutingProblem(stops: stops, requests: requests, vehicleTypes: fleet,
                                         matrices: euclideanMatrices(points, scale: k, nearestInteger: false), source: t.file)
        let name = String(t.file.split(separator: "/").last ?? Substring(t.file)).replacingOccurrences(of: ".txt", with: "")
        return RoutingBenchmark(name: name, problem: problem, nodeIDs: Array(1...(2 * n)), depotID: 0,
                                convention: .euclidean, coordinates: points, scale: scale)
    }
}
