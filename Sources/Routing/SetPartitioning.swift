import DagrouteCore
import Foundation
import GLPK

/// Recombination of pool routes by a set-partitioning MIP solved with GLPK: choose routes so that
/// every request is served exactly once (or left out, at most as many as in the incumbent, at a
/// price above any route), at most `count` routes of each vehicle type are used, and the total cost
/// (euro cents) is least. Warm-started with the incumbent, so the answer is never worse than it.
enum SetPartitioning {
    /// The slots (one stop list per vehicle slot of `state`) of the best selection found within
    /// `timeLimit` seconds, or nil when GLPK found nothing better than the incumbent `best` (slot
    /// lists with `bestOut` requests left out) or failed. The incumbent's routes are added to the
    /// pool first. When `requireOptimal`, only a selection proven optimal is returned (so that the
    /// answer does not depend on the clock).
    static func recombine(pool: inout RoutePool, state: SearchState, best: [[Int32]], bestOut: Int,
                          timeLimit: Double, requireOptimal: Bool) -> [[Int32]]? {
        let problem = state.problem
        var incumbent: [Int] = []
        for (r, stops) in best.enumerated() where !stops.isEmpty {
            let k = state.slotType[r]
            pool.add(vehicleType: k, stops: stops, cost: state.rules[k].cost(state.rules[k].route(stops, in: problem)))
            if let j = pool.position(vehicleType: k, stops: stops) { incumbent.append(j) }
        }
        guard timeLimit > 0.01, pool.count > incumbent.count else { return nil }
        var model = Model(name: "route-pool")
        var covering = [[(Variable, Double)]](repeating: [], count: problem.requests.count)
        var perType = [[(Variable, Double)]](repeating: [], count: problem.vehicleTypes.count)
        var columns: [Variable] = []
        var start = [Double]()
        let chosen = Set(incumbent)
        let firstStop = Set(problem.requests.map { $0.stops[0] })
        do {
            var priciest = 0.0
            for j in 0..<pool.count {
                let x = try model.addVariable(.binary, objective: pool.costs[j])
                priciest = max(priciest, pool.costs[j])
                columns.append(x)
                start.append(chosen.contains(j) ? 1 : 0)
                for s in pool.routes[j].stops where firstStop.contains(Int(s)) {
                    covering[Int(problem.requestOfStop[Int(s)])].append((x, 1))
                }
                perType[pool.routes[j].vehicleType].append((x, 1))
            }
            var served = [Bool](repeating: false, count: problem.requests.count)
            for r in best { for s in r { served[Int(problem.requestOfStop[Int(s)])] = true } }
            var leftOut: [(Variable, Double)] = []
            for q in 0..<problem.requests.count where !state.excluded.contains(q) {
                var terms = covering[q]
                if bestOut > 0 {
                    // Leaving a request out costs more than any route, so that fewer left out wins.
                    let u = try model.addVariable(.binary, objective: 2 * priciest + 1)
                    start.append(served[q] ? 0 : 1)
                    terms.append((u, 1)); leftOut.append((u, 1))
                }
                guard !terms.isEmpty else { return nil }
                try model.addConstraint(terms, lower: 1, upper: 1)
            }
            if !leftOut.isEmpty { try model.addConstraint(leftOut, upper: Double(bestOut)) }
            for (k, terms) in perType.enumerated() where !terms.isEmpty {
                try model.addConstraint(terms, upper: Double(problem.vehicleTypes[k].count))
            }
            let solution = try model.solveMIP(MIPParameters(timeLimit: timeLimit, presolve: false, warmStart: start))
            if requireOptimal && solution.status != .optimal { return nil }
            guard solution.status.hasSolution else { return nil }
            var slots = [[Int32]](repeating: [], count: state.routes.count)
            var nextSlot = state.firstSlotOfType
            for (j, x) in columns.enumerated() where solution[x] > 0.5 {
                let k = pool.routes[j].vehicleType
                slots[nextSlot[k]] = pool.routes[j].stops
                nextSlot[k] += 1
            }
            return slots
        } catch {
            return nil
        }
    }
}
