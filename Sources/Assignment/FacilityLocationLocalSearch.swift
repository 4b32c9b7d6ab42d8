import DagrouteCore
import Foundation

/// Open/close/swap local search over the set of open facilities of a `FacilityLocationProblem`,
/// for a good first incumbent under short time limits (before GLPK's root LP is solved).
///
/// Each open set is priced by a capacity-respecting regret greedy (`allocationCost`): customers in
/// decreasing regret (cost at the second-cheapest open facility minus the cheapest), each served
/// from its cheapest open facilities that still have room, splitting its demand where one fills
/// up. That is an upper bound on the set's best split and costs O(customers × open) per set, so
/// thousands of sets fit in a fraction of a second on 100 × 1,000. Moves, first improvement, in
/// passes of a fixed order: close each open facility, open each closed facility, swap each open
/// facility for the first closed one that improves (tried cheapest first by `greedy`'s price per
/// unit of capacity); passes repeat while one improves.
/// The best set found is split exactly by one transportation LP.
///
/// Deterministic: a budget of `evaluations` priced sets, not a clock, ends the search unless the
/// deadline comes first.
enum FacilityLocationLocalSearch {
    /// Priced open sets per search (≈ 0.3 s on capc in a release build on a loaded 2-core machine).
    static let evaluations = 2_000

    /// The best open set found from `start`, split by a transportation LP, or `start` itself when
    /// that is no cheaper. Nil only when `start` is nil.
    /// - Parameter deadline: no further set is priced after it.
    static func improve(_ p: FacilityLocationProblem, from start: FacilityLocationHeuristic.Plan?,
                        deadline: Date?) -> FacilityLocationHeuristic.Plan? {
        guard let start, !Cancellation.isRequested else { return start }
        let pricer = RegretPricer(p)
        var open = [Bool](repeating: false, count: p.facilities)
        for i in start.open { open[i] = true }
        guard var cost = pricer.cost(open) else { return start }
        let price = FacilityLocationHeuristic.unitPrices(p)
        let partners = (0..<p.facilities).sorted { (price[$0], $0) < (price[$1], $1) }
        var budget = evaluations
        // Tries one candidate set; keeps it when cheaper.
        func accept(_ candidate: [Bool]) -> Bool {
            budget -= 1
            guard let c = pricer.cost(candidate), c < cost - 1e-9 else { return false }
            open = candidate; cost = c
            return true
        }
        var improved = true
        search: while improved {
            improved = false
            for move in 0..<3 {
                for i in 0..<p.facilities where move == 1 ? !open[i] : open[i] {
                    if budget <= 0 || Cancellation.isRequested || deadline.map({ Date() >= $0 }) == true { break search }
                    var candidate = open
                    candidate[i].toggle()
                    if move < 2 {
                        if accept(candidate) { improved = true }
                        continue
                    }
                    for k in partners where !open[k] && budget > 0 {
                        var swapped = candidate
                        swapped[k] = true
                        if accept(swapped) { improved = true; break }
                    }
                }
            }
        }
        let chosen = (0..<p.facilities).filter { open[$0] }
        guard chosen != start.open, let plan = FacilityLocationHeuristic.transport(p, open: chosen),
              plan.cost < start.cost else { return start }
        return plan
    }
}

/// The regret-greedy price of an open set (see `FacilityLocationLocalSearch`); keeps each
/// customer's facilities sorted by cost once.
struct RegretPricer {
    let p: FacilityLocationProblem
    /// `byCost[j]`: all facilities, cheapest for customer j first (ties by index).
    let byCost: [[Int]]
    let totalDemand: Double

    init(_ p: FacilityLocationProblem) {
        self.p = p
        byCost = (0..<p.customers).map { j in (0..<p.facilities).sorted { (p.allocationCost[j][$0], $0) < (p.allocationCost[j][$1], $1) } }
        totalDemand = p.demand.reduce(0, +)
    }

    /// Fixed plus greedy allocation cost of serving every customer from the facilities with
    /// `open[i]`; nil when they cannot hold the demand (or the greedy strands some).
    func cost(_ open: [Bool]) -> Double? {
        var room = p.capacity.indices.map { open[$0] ? p.capacity[$0] : 0 }
        guard room.reduce(0, +) >= totalDemand else { return nil }
        var regret = [(Double, Int)]()
        regret.reserveCapacity(p.customers)
        for j in 0..<p.customers {
            var first: Double?, second = Double.infinity
            for i in byCost[j] where open[i] {
                if first == nil { first = p.allocationCost[j][i] } else { second = p.allocationCost[j][i]; break }
            }
            regret.append((second.isFinite ? second - (first ?? 0) : .greatestFiniteMagnitude, j))
        }
        regret.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        var total = (0..<p.facilities).reduce(0.0) { open[$1] ? $0 + p.fixedCost[$1] : $0 }
        for (_, j) in regret {
            var left = 1.0
            for i in byCost[j] where open[i] && (room[i] > 1e-12 || p.demand[j] == 0) {
                let share = p.demand[j] > 0 ? min(left, room[i] / p.demand[j]) : left
                total += share * p.allocationCost[j][i]
                room[i] -= share * p.demand[j]
                left -= share
                if left <= 1e-12 { break }
            }
            if left > 1e-9 { return nil }
        }
        return total
    }
}
