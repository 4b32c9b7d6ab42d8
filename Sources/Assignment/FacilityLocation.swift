import Foundation
import GLPK

/// A capacitated facility location problem with splittable demand (the OR-Library convention):
/// open facilities, serve every customer's demand from open facilities within their capacities,
/// at least total fixed plus allocation cost.
public struct FacilityLocationProblem: Sendable {
    /// Capacity of each facility, in units of demand (> 0, finite).
    public var capacity: [Double]
    /// Cost of opening each facility (≥ 0, finite).
    public var fixedCost: [Double]
    /// Demand of each customer (≥ 0, finite).
    public var demand: [Double]
    /// `allocationCost[j][i]`: cost of serving all of customer j's demand from facility i (finite);
    /// serving a fraction f costs f × this.
    public var allocationCost: [[Double]]

    public init(capacity: [Double], fixedCost: [Double], demand: [Double], allocationCost: [[Double]]) {
        self.capacity = capacity; self.fixedCost = fixedCost; self.demand = demand; self.allocationCost = allocationCost
    }

    public var facilities: Int { capacity.count }
    public var customers: Int { demand.count }
}

/// The outcome of `FacilityLocation.solve`.
public struct FacilityLocationResult: Sendable {
    public var status: SolveStatus
    /// Fixed plus allocation cost of the solution, nil without one.
    public var objective: Double?
    public var bestBound: Double?
    /// 0-based open facilities, ascending; empty without a solution.
    public var open: [Int]
    /// `fraction[j][i]`: share of customer j's demand served by facility i (rows sum to 1);
    /// empty without a solution.
    public var fraction: [[Double]]
    public var seconds: Double
}

/// Builds and solves the CFLP MIP: binary open y(i); continuous 0 ≤ x(i, j) ≤ min(1, capacity(i) /
/// demand(j)); Σ_i x(i, j) = 1; Σ_j demand(j) x(i, j) ≤ capacity(i) y(i); Σ_i capacity(i) y(i) ≥
/// total demand. The strong linking rows x(i, j) ≤ y(i), which make the LP bound tight, number
/// facilities × customers (100,000 on `capa`) and made GLPK's root LP too slow to solve at all; they
/// are added as cuts instead — at the root in rounds until the LP satisfies them all, then in
/// branch-and-cut wherever a node's LP violates them (`MIPParameters.separator`). A greedy plan
/// (no LP of the model needed), improved by `FacilityLocationLocalSearch`, is the warm start; the
/// root LP solution is rounded to a second incumbent by `FacilityLocationHeuristic`.
public enum FacilityLocation {
    /// At most this many linking cuts (the most violated) are added per round or node.
    static let cutsPerRound = 2_000

    /// - Throws: `GLPKError.invalidArgument` for ragged or non-finite data, capacities ≤ 0 or
    ///   negative costs or demands.
    public static func solve(_ p: FacilityLocationProblem, parameters: MIPParameters = MIPParameters()) throws -> FacilityLocationResult {
        try validate(p)
        let m = p.facilities, n = p.customers
        var model = Model(name: "cflp", sense: .minimize)
        let y = try (0..<m).map { try model.addVariable(.binary, objective: p.fixedCost[$0], name: "open_\($0)") }
        var x = [[Variable]]()
        for j in 0..<n {
            x.append(try (0..<m).map { i in
                let upper = p.demand[j] > 0 ? min(1, p.capacity[i] / p.demand[j]) : 1
                return try model.addVariable(lower: 0, upper: upper, objective: p.allocationCost[j][i])
            })
        }
        for j in 0..<n { try model.addConstraint((0..<m).map { (x[j][$0], 1) }, lower: 1, upper: 1) }
        for i in 0..<m {
            try model.addConstraint((0..<n).map { (x[$0][i], p.demand[$0]) } + [(y[i], -p.capacity[i])], upper: 0)
        }
        // A customer without demand is not held off closed facilities by the capacity rows.
        for j in 0..<n where p.demand[j] == 0 {
            for i in 0..<m { try model.addConstraint([(x[j][i], 1), (y[i], -1)], upper: 0) }
        }
        try model.addConstraint((0..<m).map { (y[$0], p.capacity[$0]) }, lower: p.demand.reduce(0, +))

        var params = parameters
        params.separator = { [x, y] point in linkingCuts(point, x: x, y: y) }
        let built = model
        let deadline = parameters.timeLimit.map { Date().addingTimeInterval($0) }
        // A heuristic plan as a point of the model, nil if the model rejects it.
        let point: @Sendable (FacilityLocationHeuristic.Plan) -> [Double]? = { [x, y] start in
            var values = [Double](repeating: 0, count: built.variableCount)
            for i in 0..<m { values[y[i].index] = start.open.contains(i) ? 1 : 0 }
            for j in 0..<n { for i in 0..<m { values[x[j][i].index] = start.fraction[j][i] } }
            return built.violation(of: values) == nil ? values : nil
        }
        if params.warmStart == nil {
            // The local search may take at most a fifth of the limit (its evaluation budget usually ends it first).
            let searchDeadline = parameters.timeLimit.map { Date().addingTimeInterval($0 / 5) }
            params.warmStart = FacilityLocationLocalSearch.improve(p, from: FacilityLocationHeuristic.greedy(p), deadline: searchDeadline).flatMap(point)
        }
        params.rootHeuristic = { [y] lp in
            FacilityLocationHeuristic.round(p, openness: y.map { lp[$0.index] }, deadline: deadline).flatMap(point)
        }
        let s = try model.solveMIP(params)
        var result = FacilityLocationResult(status: s.status, objective: nil, bestBound: s.bestBound, open: [], fraction: [], seconds: s.seconds)
        if s.status.hasSolution {
            result.open = (0..<m).filter { s[y[$0]] > 0.5 }
            result.fraction = x.map { row in row.map { s[$0] } }
            result.objective = s.objective
        }
        return result
    }

    /// The most violated rows x(i, j) ≤ y(i) at an LP point, at most `cutsPerRound`.
    static func linkingCuts(_ point: [Double], x: [[Variable]], y: [Variable]) -> [Cut] {
        var violated: [(excess: Double, j: Int, i: Int)] = []
        for j in x.indices {
            for i in y.indices {
                let excess = point[x[j][i].index] - point[y[i].index]
                if excess > 1e-6 { violated.append((excess, j, i)) }
            }
        }
        if violated.count > cutsPerRound {
            violated.sort { $0.excess != $1.excess ? $0.excess > $1.excess : ($0.j, $0.i) < ($1.j, $1.i) }
            violated.removeLast(violated.count - cutsPerRound)
        }
        return violated.map { Cut([(x[$0.j][$0.i], 1), (y[$0.i], -1)], upper: 0) }
    }

    static func validate(_ p: FacilityLocationProblem) throws {
        guard p.facilities > 0, p.customers > 0 else { throw GLPKError.invalidArgument("CFLP: expected at least one facility and one customer") }
        guard p.fixedCost.count == p.facilities, p.allocationCost.count == p.customers,
              p.allocationCost.allSatisfy({ $0.count == p.facilities }) else {
            throw GLPKError.invalidArgument("CFLP: expected \(p.facilities) fixed costs and a \(p.customers) × \(p.facilities) cost matrix")
        }
        guard p.capacity.allSatisfy({ $0.isFinite && $0 > 0 }), p.fixedCost.allSatisfy({ $0.isFinite && $0 >= 0 }),
              p.demand.allSatisfy({ $0.isFinite && $0 >= 0 }), p.allocationCost.joined().allSatisfy(\.isFinite) else {
            throw GLPKError.invalidArgument("CFLP: expected finite data, capacities > 0, fixed costs and demands >= 0")
        }
    }
}
