import DagrouteCore
import Foundation
import GLPK

/// A first incumbent for `FacilityLocation` from the root LP: open every facility the LP opens
/// at all, split the demand by a transportation LP, close facilities left without flow, then try
/// closing single facilities (each move priced by a transportation LP), keeping every closure that
/// lowers the total cost.
enum FacilityLocationHeuristic {
    struct Plan {
        /// 0-based open facilities, ascending.
        var open: [Int]
        /// `fraction[j][i]` as in `FacilityLocationResult`.
        var fraction: [[Double]]
        /// Fixed plus allocation cost.
        var cost: Double
    }

    /// - Parameters:
    ///   - openness: the LP value of each facility's open variable.
    ///   - deadline: no drop move starts after it (the solve's time limit).
    /// - Returns: nil when the facilities the LP opens cannot hold the demand (the LP was cut short),
    ///   or after Ctrl-C.
    static func round(_ p: FacilityLocationProblem, openness: [Double], deadline: Date?) -> Plan? {
        guard !Cancellation.isRequested else { return nil }
        let candidates = p.capacity.indices.filter { openness[$0] > 1e-6 }
        guard var plan = transport(p, open: candidates) else { return nil }
        let totalDemand = p.demand.reduce(0, +)
        // Drop moves, least open in the LP first, repeated while a pass improves, at most `passes`
        // times (a count, not a clock, keeps runs reproducible unless the time limit cuts them). Opening moves were tried as well:
        // on capa they cost a minute of transportation LPs and never improved the plan.
        for _ in 0..<passes {
            let before = plan.cost
            for i in plan.open.sorted(by: { (openness[$0], $0) < (openness[$1], $1) }) where plan.open.contains(i) {
                if Cancellation.isRequested || deadline.map({ Date() >= $0 }) == true { return plan }
                let rest = plan.open.filter { $0 != i }
                guard rest.reduce(0, { $0 + p.capacity[$1] }) >= totalDemand else { continue }
                if let q = transport(p, open: rest), q.cost < plan.cost { plan = q }
            }
            if plan.cost >= before { break }
        }
        return plan
    }

    /// Most drop passes of `round`.
    static let passes = 3

    /// A start that needs no LP of the location model, for runs the time limit stops before the
    /// root LP: each facility is priced per unit of capacity as its fixed cost plus the cost of
    /// filling it with the customers cheapest to serve from it (per unit of demand); facilities
    /// open in that order, cheapest first, until they hold the total demand, and a transportation
    /// LP splits the demand. Nil when all facilities together cannot hold it, or after Ctrl-C.
    static func greedy(_ p: FacilityLocationProblem) -> Plan? {
        guard !Cancellation.isRequested else { return nil }
        let totalDemand = p.demand.reduce(0, +)
        let price = unitPrices(p)
        var open: [Int] = [], held = 0.0
        for i in (0..<p.facilities).sorted(by: { (price[$0], $0) < (price[$1], $1) }) where held < totalDemand || open.isEmpty {
            open.append(i); held += p.capacity[i]
        }
        return transport(p, open: open.sorted())
    }

    /// `greedy`'s price of each facility per unit of capacity: its fixed cost plus the cost of
    /// filling it (up to the total demand) with the customers cheapest per unit from it.
    static func unitPrices(_ p: FacilityLocationProblem) -> [Double] {
        let totalDemand = p.demand.reduce(0, +)
        let served = p.demand.indices.filter { p.demand[$0] > 0 }
        var price = [Double](repeating: 0, count: p.facilities)
        for i in 0..<p.facilities {
            let cheapest = served.sorted {
                (p.allocationCost[$0][i] / p.demand[$0], $0) < (p.allocationCost[$1][i] / p.demand[$1], $1)
            }
            var room = min(p.capacity[i], totalDemand), cost = p.fixedCost[i]
            for j in cheapest where room > 0 {
                let share = min(1, room / p.demand[j])
                cost += share * p.allocationCost[j][i]
                room -= share * p.demand[j]
            }
            price[i] = cost / max(1e-12, min(p.capacity[i], totalDemand))
        }
        return price
    }

    /// The cheapest split of all demand over `open` within capacities (a transportation LP); the
    /// plan keeps only the facilities that serve some demand. Nil when `open` cannot hold it.
    static func transport(_ p: FacilityLocationProblem, open: [Int]) -> Plan? {
        guard !open.isEmpty else { return nil }
        var model = Model(name: "cflp-transport", sense: .minimize)
        var x = [[Variable]]()
        do {
            for j in 0..<p.customers {
                x.append(try open.map { i in try model.addVariable(lower: 0, upper: 1, objective: p.allocationCost[j][i]) })
                try model.addConstraint(x[j].map { ($0, 1) }, lower: 1, upper: 1)
            }
            for (k, i) in open.enumerated() {
                try model.addConstraint((0..<p.customers).map { (x[$0][k], p.demand[$0]) }, upper: p.capacity[i])
            }
            let s = try model.solveLP(LPParameters(presolve: false, dualSimplex: true))
            guard s.status == .optimal else { return nil }
            var fraction = [[Double]](repeating: [Double](repeating: 0, count: p.facilities), count: p.customers)
            var used = Set<Int>()
            var cost = 0.0
            for j in 0..<p.customers {
                for (k, i) in open.enumerated() {
                    let f = max(0, s[x[j][k]])
                    guard f > 0 else { continue }
                    fraction[j][i] = f
                    cost += f * p.allocationCost[j][i]
                    used.insert(i)
                }
            }
            let usedSorted = used.sorted()
            return Plan(open: usedSorted, fraction: fraction, cost: cost + usedSorted.reduce(0) { $0 + p.fixedCost[$1] })
        } catch {
            return nil
        }
    }
}
