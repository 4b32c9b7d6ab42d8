import DagrouteCore
import Foundation

/// One generalized assignment problem of an OR-Library GAP file: assign every job to exactly one
/// agent so that each agent's resource use stays within its capacity.
public struct ORLibraryGAPProblem: Sendable, Equatable {
    /// Number of agents m (≥ 1).
    public var agents: Int
    /// Number of jobs n (≥ 1).
    public var jobs: Int
    /// `cost[i][j]`: cost (or profit, when maximising) of giving job j to agent i; m × n.
    public var cost: [[Int]]
    /// `resource[i][j]`: capacity job j uses at agent i (≥ 0); m × n.
    public var resource: [[Int]]
    /// Capacity of each agent (≥ 0); m values.
    public var capacity: [Int]

    public init(agents: Int, jobs: Int, cost: [[Int]], resource: [[Int]], capacity: [Int]) {
        self.agents = agents; self.jobs = jobs; self.cost = cost; self.resource = resource; self.capacity = capacity
    }
}

/// Reader of OR-Library GAP files (gap1…gap12, gapa…gapd): the number of problems P, then per
/// problem `m n`, the m × n cost matrix, the m × n resource matrix and m capacities, all
/// whitespace-separated integers.
public enum ORLibraryGAP {
    /// Parses a whole file. Every bad value is reported with line and column (up to a limit).
    /// - Throws: `DagrouteError.input` with all diagnostics found.
    public static func parse(_ text: String, file: String) throws -> [ORLibraryGAPProblem] {
        var t = ORLibraryTokens(text, file: file)
        guard let count = try t.integer("number of problems", in: 1...10_000) else { throw DagrouteError.input(t.diagnostics) }
        var problems: [ORLibraryGAPProblem] = []
        for p in 1...count {
            let m = try t.integer("number of agents of problem \(p)", in: 1...100_000)
            let n = try t.integer("number of jobs of problem \(p)", in: 1...1_000_000)
            guard let m, let n else { throw DagrouteError.input(t.diagnostics) }
            var cost = [[Int]](repeating: [Int](repeating: 0, count: n), count: m)
            var resource = cost
            for i in 0..<m {
                for j in 0..<n {
                    cost[i][j] = try t.number("cost of agent \(i + 1), job \(j + 1) in problem \(p)", integer: true).map { Int($0) } ?? 0
                }
                try t.stopIfTooMany()
            }
            for i in 0..<m {
                for j in 0..<n {
                    resource[i][j] = try t.integer("resource of agent \(i + 1), job \(j + 1) in problem \(p)", in: 0...Int(Int32.max)) ?? 0
                }
                try t.stopIfTooMany()
            }
            var capacity = [Int](repeating: 0, count: m)
            for i in 0..<m {
                capacity[i] = try t.integer("capacity of agent \(i + 1) in problem \(p)", in: 0...Int(Int32.max)) ?? 0
            }
            try t.stopIfTooMany()
            problems.append(ORLibraryGAPProblem(agents: m, jobs: n, cost: cost, resource: resource, capacity: capacity))
        }
        try t.finish()
        return problems
    }

    /// Reads and parses a file; `displayName` is used in diagnostics (default: the path).
    public static func read(_ url: URL, displayName: String? = nil) throws -> [ORLibraryGAPProblem] {
        let name = displayName ?? url.path
        return try parse(try readORLibraryText(url, displayName: name), file: name)
    }
}
