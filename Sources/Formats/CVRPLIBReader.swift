import DagrouteCore
import Foundation
import Routing

/// Reader of CVRPLIB / TSPLIB `.vrp` files (`TYPE : CVRP`, `EDGE_WEIGHT_TYPE : EUC_2D`):
/// header `KEY : value` lines, `NODE_COORD_SECTION`, `DEMAND_SECTION`, `DEPOT_SECTION` (ended by
/// −1), `EOF`. Distances are Euclidean rounded to the nearest integer, as the set defines. The fleet
/// is the `VEHICLES :` header or the `No of trucks: K` of the Augerat sets' COMMENT (their optima
/// use exactly that many vehicles), else unlimited (one vehicle per customer, as for set X).
/// Customers become depot deliveries.
public enum CVRPLIBReader {
    public static func read(path: String) throws -> RoutingBenchmark {
        try parse(TokenLines.read(path))
    }

    public static func parse(text: String, file: String) throws -> RoutingBenchmark {
        try parse(TokenLines(text, file: file))
    }

    static func parse(_ t: TokenLines) throws -> RoutingBenchmark {
        var header: [String: (String, TokenLines.Line)] = [:]
        var section = ""
        var coords: [Int: (Double, Double)] = [:], demands: [Int: Int] = [:], depots: [Int] = []
        var coordLine: [Int: TokenLines.Line] = [:], depotLines: [TokenLines.Line] = []
        for line in t.lines {
            let first = String(line.tokens[0].text)
            let upper = first.uppercased()
            if upper.hasSuffix("_SECTION") { section = upper; continue }
            if upper == "EOF" { break }
            if section.isEmpty || (first.contains(":") || (line.tokens.count > 1 && line.tokens[1].text.hasPrefix(":"))) && Int(first) == nil {
                // Header line `KEY : value` (spaces around the colon optional).
                let joined: String = line.tokens.map { String($0.text) }.joined(separator: " ")
                guard let colon = joined.firstIndex(of: ":") else {
                    throw t.error(line, nil, "expected a header line 'KEY : value' or a section name, found '\(joined)'")
                }
                let key = joined[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
                let value = joined[joined.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                header[key] = (value, line)
                section = ""
                continue
            }
            switch section {
            case "NODE_COORD_SECTION":
                let id = try t.int(line, 0, "a node id")
                if coords[id] != nil { throw t.error(line, nil, "expected each node id once, found node \(id) again") }
                coords[id] = (try t.double(line, 1, "an x coordinate"), try t.double(line, 2, "a y coordinate"))
                coordLine[id] = line
            case "DEMAND_SECTION":
                let id = try t.int(line, 0, "a node id")
                let d = try t.int(line, 1, "a demand")
                if d < 0 { throw t.error(line, line.tokens[1].column, "expected a non-negative demand, found \(d)") }
                if demands[id] != nil { throw t.error(line, nil, "expected each node id once in DEMAND_SECTION, found node \(id) again") }
                demands[id] = d
            case "DEPOT_SECTION":
                let id = try t.int(line, 0, "a depot id or -1")
                if id != -1 { depots.append(id); depotLines.append(line) }
            default:
                throw t.error(line, nil, "expected a header line or a section, found '\(line.tokens[0].text)' in section \(section)")
            }
        }
        let file = t.file
        func need(_ key: String) throws -> (String, TokenLines.Line) {
            guard let v = header[key] else { throw DagrouteError.input(file: file, "expected a '\(key) :' header line, found none") }
            return v
        }
        let (type, typeLine) = try need("TYPE")
        if type.uppercased() != "CVRP" { throw t.error(typeLine, nil, "expected TYPE : CVRP, found '\(type)'") }
        let (ew, ewLine) = try need("EDGE_WEIGHT_TYPE")
        if ew.uppercased() != "EUC_2D" { throw t.error(ewLine, nil, "expected EDGE_WEIGHT_TYPE : EUC_2D, found '\(ew)'") }
        let (dimText, dimLine) = try need("DIMENSION")
        guard let n = Int(dimText), n >= 2 else { throw t.error(dimLine, nil, "expected DIMENSION to be an integer of at least 2, found '\(dimText)'") }
        let (capText, capLine) = try need("CAPACITY")
        guard let capacity = Int(capText), capacity > 0 else { throw t.error(capLine, nil, "expected CAPACITY to be a positive integer, found '\(capText)'") }
        for id in 1...n {
            if coords[id] == nil { throw DagrouteError.input(file: file, "expected coordinates of node \(id) in NODE_COORD_SECTION (DIMENSION is \(n)), found none") }
            if demands[id] == nil { throw DagrouteError.input(file: file, "expected a demand of node \(id) in DEMAND_SECTION, found none") }
        }
        if let extra = coords.keys.first(where: { !(1...n).contains($0) }) {
            throw t.error(coordLine[extra]!, nil, "expected node ids 1…\(n) (DIMENSION), found \(extra)")
        }
        if let k = depots.firstIndex(where: { !(1...n).contains($0) }) {
            throw t.error(depotLines[k], nil, "expected a depot id in 1…\(n) (DIMENSION), found \(depots[k])")
        }
        guard depots.count == 1, let depot = depots.first else {
            // At the second depot, or at the file's last line when there is none.
            throw t.error(depotLines.count > 1 ? depotLines[1] : t.lines[t.lines.count - 1], nil,
                          "expected exactly one depot id in 1…\(n) in DEPOT_SECTION, found \(depots.isEmpty ? "none" : "\(depots)")")
        }
        let points = (1...n).map { (x: coords[$0]!.0, y: coords[$0]!.1) }
        var stops: [Stop] = [], requests: [Request] = [], ids: [Int] = []
        for id in 1...n where id != depot {
            requests.append(Request(.depotDelivery(stop: stops.count), load: Load(seats: demands[id]!)))
            stops.append(Stop(location: id - 1))
            ids.append(id)
        }
        var fleet = n - 1
        if let (v, line) = header["VEHICLES"] {
            guard let k = Int(v), k >= 1 else { throw t.error(line, nil, "expected VEHICLES to be a positive integer, found '\(v)'") }
            fleet = k
        } else if let comment = header["COMMENT"]?.0, let r = comment.range(of: "No of trucks:") {
            let digits = comment[r.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
            if let k = Int(digits), k >= 1 { fleet = k }
        }
        let vehicles = [VehicleType(count: max(1, fleet), capacity: Load(seats: capacity), startLocation: depot - 1,
                                    endLocation: depot - 1, costPerKm: 1000)]
        let problem = try RoutingProblem(stops: stops, requests: requests, vehicleTypes: vehicles,
                                         matrices: euclideanMatrices(points, scale: 1, nearestInteger: true), source: file)
        let name = header["NAME"]?.0 ?? file
        return RoutingBenchmark(name: name, problem: problem, nodeIDs: ids, depotID: depot,
                                convention: .roundedEuclidean, coordinates: points, scale: 1)
    }
}

/// Reader of CVRPLIB `.sol` files: `Route #k: c1 c2 …` lines (customers numbered from the depot,
/// depot = 0) and a `Cost X` line.
public enum CVRPLIBSolution {
    public struct Solution: Sendable {
        public var routes: [[Int]]
        public var cost: Double?
    }

    public static func parse(text: String, file: String) throws -> Solution {
        let t = TokenLines(text, file: file)
        var routes: [[Int]] = [], cost: Double?
        for line in t.lines {
            let head = line.tokens[0].text.lowercased()
            if head == "route" {
                guard line.tokens.count >= 2, line.tokens[1].text.hasPrefix("#"), line.tokens[1].text.hasSuffix(":") else {
                    throw t.error(line, nil, "expected 'Route #k:' at the start of the line")
                }
                routes.append(try (2..<line.tokens.count).map { try t.int(line, $0, "a customer number") })
            } else if head == "cost" {
                cost = try t.double(line, 1, "the cost")
            } else {
                throw t.error(line, nil, "expected 'Route #k:' or 'Cost', found '\(line.tokens[0].text)'")
            }
        }
        return Solution(routes: routes, cost: cost)
    }
}
