import DagrouteCore
import Foundation
import Routing

/// A public routing benchmark read from a file (CVRPLIB, Solomon, Cordeau), as a `RoutingProblem`
/// plus what is needed to report in the set's own conventions.
public struct RoutingBenchmark: Sendable {
    /// How the set measures a solution.
    public enum Convention: String, Sendable {
        /// CVRPLIB: Euclidean distances rounded to the nearest integer (TSPLIB `EUC_2D`).
        case roundedEuclidean = "rounded-euclidean"
        /// Solomon and Cordeau: Euclidean distances as unrounded doubles.
        case euclidean
    }
    /// The instance name (from the file, else the file name).
    public var name: String
    public var problem: RoutingProblem
    /// The file's node id of every stop of `problem`.
    public var nodeIDs: [Int]
    /// The file's node id of the depot (numbers in `.sol` files count from it).
    public var depotID: Int
    public var convention: Convention
    /// Coordinates of every location of `problem` (for the double-precision objective).
    public var coordinates: [(x: Double, y: Double)]
    /// Distances and times in the problem are the file's units times this factor, as integers
    /// (1 for CVRPLIB; 1000 for Solomon and Cordeau, travel times rounded up so that a plan feasible
    /// in integers is feasible in the file's doubles).
    public var scale: Int

    /// The objective of `routes` in the set's convention: total rounded distance (CVRPLIB) or total
    /// Euclidean distance in doubles (Solomon, Cordeau).
    public func objective(_ routes: [PlannedRoute]) -> Double {
        var total = 0.0
        for route in routes {
            let v = problem.vehicleTypes[route.vehicleType]
            var at = v.startLocation
            for s in route.stops + [-1] {
                let next = s < 0 ? v.endLocation : problem.stops[s].location
                switch convention {
                case .roundedEuclidean: total += Double(problem.distance(at, next))
                case .euclidean:
                    let a = coordinates[at], b = coordinates[next]
                    total += ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
                }
                at = next
            }
        }
        return total
    }

    /// The routes as lists of the file's node ids (depot excluded).
    public func nodeRoutes(_ routes: [PlannedRoute]) -> [[Int]] { routes.map { $0.stops.map { nodeIDs[$0] } } }

    /// CVRPLIB `.sol` text: `Route #k: …` with customers numbered from the depot (depot = 0), then
    /// `Cost …`.
    public func solutionText(_ routes: [PlannedRoute]) -> String {
        var out = ""
        for (k, r) in nodeRoutes(routes).enumerated() {
            out += "Route #\(k + 1): " + r.map { String($0 - depotID) }.joined(separator: " ") + "\n"
        }
        let cost = objective(routes)
        out += convention == .roundedEuclidean ? "Cost \(Int(cost.rounded()))\n" : "Cost \(String(format: "%.2f", cost))\n"
        return out
    }
}

/// Whitespace-separated text read line by line, with 1-based line and column for diagnostics.
struct TokenLines {
    struct Token { var text: Substring; var column: Int }
    struct Line { var number: Int; var tokens: [Token] }
    let file: String
    let lines: [Line]

    init(_ text: String, file: String) {
        self.file = file
        var out: [Line] = []
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).enumerated() {
            var tokens: [Token] = []
            var col = 1, start: Substring.Index? = nil, startCol = 0
            var idx = raw.startIndex
            while idx < raw.endIndex {
                let c = raw[idx]
                if c == " " || c == "\t" || c == "\r" {
                    if let s = start { tokens.append(Token(text: raw[s..<idx], column: startCol)); start = nil }
                } else if start == nil { start = idx; startCol = col }
                idx = raw.index(after: idx); col += 1
            }
            if let s = start { tokens.append(Token(text: raw[s..<raw.endIndex], column: startCol)) }
            if !tokens.isEmpty { out.append(Line(number: i + 1, tokens: tokens)) }
        }
        lines = out
    }

    static func read(_ path: String) throws -> TokenLines {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DagrouteError.input(file: path, "expected a readable file, found none")
        }
        let bytes = [UInt8](data)
        if let bad = CSVTable.firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            throw DagrouteError.input([Diagnostic(file: path, line: line, byteOffset: bad,
                message: "expected UTF-8 text, found byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at byte offset \(bad)")])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return TokenLines(text, file: path)
    }

    func error(_ line: Line, _ column: Int? = nil, _ message: String) -> DagrouteError {
        .input(file: file, line: line.number, column: column ?? line.tokens.first?.column, message)
    }

    func int(_ line: Line, _ k: Int, _ what: String) throws -> Int {
        guard k < line.tokens.count else { throw error(line, nil, "expected \(what) as field \(k + 1), found the end of the line") }
        let t = line.tokens[k]
        guard let v = Int(t.text) else { throw error(line, t.column, "expected \(what) (an integer), found '\(t.text)'") }
        return v
    }

    /// The largest magnitude of a real number in a benchmark file (coordinates, times, costs).
    static let maxMagnitude = 1e9

    func double(_ line: Line, _ k: Int, _ what: String) throws -> Double {
        guard k < line.tokens.count else { throw error(line, nil, "expected \(what) as field \(k + 1), found the end of the line") }
        let t = line.tokens[k]
        guard let v = Double(t.text), v.isFinite else { throw error(line, t.column, "expected \(what) (a number), found '\(t.text)'") }
        // Scaled by up to 1000 and squared into distances, larger magnitudes would overflow Int.
        guard abs(v) <= Self.maxMagnitude else {
            throw error(line, t.column, "expected \(what) of at most \(Int(Self.maxMagnitude)) in magnitude, found '\(t.text)'")
        }
        return v
    }
}

/// Euclidean distance and travel-time matrices over `points` after multiplying by `scale`: with
/// `nearestInteger`, both are TSPLIB's nint; otherwise distances are rounded to the nearest integer
/// and times rounded up.
func euclideanMatrices(_ points: [(x: Double, y: Double)], scale: Double, nearestInteger: Bool) -> TravelMatrices {
    let n = points.count
    var dist = [Int](repeating: 0, count: n * n), time = dist
    for i in 0..<n {
        for j in 0..<n where i != j {
            let dx = points[i].x - points[j].x, dy = points[i].y - points[j].y
            let d = (dx * dx + dy * dy).squareRoot() * scale
            if nearestInteger {
                dist[i * n + j] = Int((d + 0.5).rounded(.down)); time[i * n + j] = dist[i * n + j]
            } else {
                dist[i * n + j] = Int(d.rounded()); time[i * n + j] = Int((d - 1e-9).rounded(.up))
            }
        }
    }
    return TravelMatrices(count: n, distance: dist, duration: time)
}
