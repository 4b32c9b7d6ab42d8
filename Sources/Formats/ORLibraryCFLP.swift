import DagrouteCore
import Foundation

/// A capacitated facility location problem (OR-Library `cap*` files): open warehouses and serve
/// every customer's demand, possibly split over several open warehouses, within capacities.
public struct ORLibraryCFLPProblem: Sendable, Equatable {
    /// Capacity of each warehouse (units of demand, > 0).
    public var capacity: [Double]
    /// Fixed cost of opening each warehouse (≥ 0).
    public var fixedCost: [Double]
    /// Demand of each customer (≥ 0).
    public var demand: [Double]
    /// `allocationCost[j][i]`: cost of serving **all** of customer j's demand from warehouse i
    /// (a fraction f of the demand costs f × this).
    public var allocationCost: [[Double]]

    public var warehouses: Int { capacity.count }
    public var customers: Int { demand.count }

    public init(capacity: [Double], fixedCost: [Double], demand: [Double], allocationCost: [[Double]]) {
        self.capacity = capacity; self.fixedCost = fixedCost; self.demand = demand; self.allocationCost = allocationCost
    }
}

/// Reader of OR-Library capacitated warehouse location files: `m n`, then per warehouse
/// `capacity fixed-cost`, then per customer its demand followed by m allocation costs.
/// In `capa`, `capb`, `capc` the capacity is the literal word `capacity`; the caller supplies the
/// value (published optima exist for several values, e.g. capa with 8000).
public enum ORLibraryCFLP {
    /// At most this many bad values are reported per file; reading stops there.
    public static var maximumReportedErrors: Int { ORLibraryTokens.maximumDiagnostics }

    /// Parses a file. `capacity` replaces the word `capacity` in the file (required when the word
    /// occurs; ignored otherwise).
    /// - Throws: `DagrouteError.input` with every diagnostic found.
    public static func parse(_ text: String, file: String, capacity: Double? = nil) throws -> ORLibraryCFLPProblem {
        var t = ORLibraryTokens(text, file: file)
        let m = try t.integer("number of warehouses", in: 1...1_000_000)
        let n = try t.integer("number of customers", in: 1...10_000_000)
        guard let m, let n else { throw DagrouteError.input(t.diagnostics) }
        var caps = [Double](repeating: 0, count: m), fixed = caps
        for i in 0..<m {
            if let token = t.peek(), t.consume(word: "capacity") {
                if let capacity { caps[i] = capacity }
                else { t.fail(token, "expected a number (capacity of warehouse \(i + 1)), found the word 'capacity': this file needs the capacity as a parameter (--capacity V)") }
            } else {
                let token = t.peek()
                if let c = try t.number("capacity of warehouse \(i + 1)") {
                    if c > 0 { caps[i] = c } else { t.fail(token!, "expected a positive capacity of warehouse \(i + 1), found '\(token!.text)'") }
                }
            }
            let token = t.peek()
            if let f = try t.number("fixed cost of warehouse \(i + 1)") {
                if f >= 0 { fixed[i] = f } else { t.fail(token!, "expected a fixed cost >= 0 for warehouse \(i + 1), found '\(token!.text)'") }
            }
            try t.stopIfTooMany()
        }
        var demand = [Double](repeating: 0, count: n)
        var cost = [[Double]](repeating: [], count: n)
        for j in 0..<n {
            let token = t.peek()
            if let d = try t.number("demand of customer \(j + 1)") {
                if d >= 0 { demand[j] = d } else { t.fail(token!, "expected a demand >= 0 for customer \(j + 1), found '\(token!.text)'") }
            }
            var row = [Double](repeating: 0, count: m)
            for i in 0..<m {
                row[i] = try t.number("allocation cost of customer \(j + 1) at warehouse \(i + 1)") ?? 0
            }
            cost[j] = row
            try t.stopIfTooMany()
        }
        try t.finish()
        return ORLibraryCFLPProblem(capacity: caps, fixedCost: fixed, demand: demand, allocationCost: cost)
    }

    /// Reads and parses a file; `displayName` is used in diagnostics (default: the path).
    public static func read(_ url: URL, displayName: String? = nil, capacity: Double? = nil) throws -> ORLibraryCFLPProblem {
        let name = displayName ?? url.path
        return try parse(try readORLibraryText(url, displayName: name), file: name, capacity: capacity)
    }
}
