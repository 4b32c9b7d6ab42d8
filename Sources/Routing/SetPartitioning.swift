import DagrouteCore
import Foundation
import GLPK

/// Recombination of pool routes by a set-partitioning MIP solved with GLPK: choose routes so that
/// every request is served exactly once (or left out, at most as many as in the incumbent, at a
/// price above any route), at most `count` routes of each vehicle type are used, and the total cost
/// (euro cents) is least. Warm-started with the incumbent, so the answer is never worse than it.
/// The columns are `VehicleMix`'s: for pickup–delivery problems every pool route also on the
/// vehicle classes where it is feasible and cheapest, so the MIP also chooses the vehicle mix, and
/// a class's routes pay its types' fixed costs cheapest first; for single-stop problems (CVRP,
/// VRPTW) each pool route on the type it was found on, as before the mix.
enum SetPartitioning {
    /// The slots (one stop list per vehicle slot of `state`) of the best selection found within
    /// `timeLimit` seconds, or nil when GLPK found nothing better than the incumbent `best` (slot
    /// lists with `bestOut` requests left out) or failed. The incumbent's routes are added to the
    /// pool first. When `requireOptimal`, only a selection proven optimal is returned (so that the
    /// answer does not depend on the clock). `simplexIterationLimit` also stops the search after
    /// that many simplex iterations (`Model.solveMIP(_:simplexIterationLimit:)`).
    static func recombine(pool: inout RoutePool, state: SearchState, best: [[Int32]], bestOut: Int,
                          timeLimit: Double, simplexIterationLimit: Int? = nil, requireOptimal: Bool) -> [[Int32]]? {
        let problem = state.problem
        for (r, stops) in best.enumerated() where !stops.isEmpty {
            let k = state.slotType[r]
            pool.add(vehicleType: k, stops: stops, cost: state.rules[k].cost(state.rules[k].route(stops, in: problem)))
        }
        var mix = VehicleMix(problem: problem)
        mix.addColumns(of: pool, state: state)
        // The incumbent's columns and its routes per vehicle type.
        var chosen = Set<Int>(), incumbentRoutes = 0
        var usedOfType = [Int](repeating: 0, count: problem.vehicleTypes.count)
        for (r, stops) in best.enumerated() where !stops.isEmpty {
            incumbentRoutes += 1; usedOfType[state.slotType[r]] += 1
            if let j = mix.column(type: state.slotType[r], stops: stops) { chosen.insert(j) }
        }
        guard timeLimit > 0.01, mix.columns.count > incumbentRoutes else { return nil }
        var model = Model(name: "route-pool")
        var covering = [[(Variable, Double)]](repeating: [], count: problem.requests.count)
        var perClass = [[(Variable, Double)]](repeating: [], count: mix.members.count)
        var columns: [Variable] = []
        var start = [Double]()
        let firstStop = Set(problem.requests.map { $0.stops[0] })
        do {
            var priciest = 0.0
            for (j, column) in mix.columns.enumerated() {
                let x = try model.addVariable(.binary, objective: column.cost)
                let types = mix.members[column.vehicleClass]
                priciest = max(priciest, column.cost + (types.count > 1 ? types.map { problem.vehicleTypes[$0].fixedCost }.max()! : 0))
                columns.append(x)
                start.append(chosen.contains(j) ? 1 : 0)
                for s in column.stops where firstStop.contains(Int(s)) {
                    covering[Int(problem.requestOfStop[Int(s)])].append((x, 1))
                }
                perClass[column.vehicleClass].append((x, 1))
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
            for (c, terms) in perClass.enumerated() where !terms.isEmpty {
                let types = mix.members[c]
                if types.count == 1 {
                    try model.addConstraint(terms, upper: Double(problem.vehicleTypes[types[0]].count))
                    continue
                }
                // The class's routes are counted per type, each paying that type's fixed cost.
                var balance = terms
                for k in types {
                    let n = try model.addVariable(.integer, upper: Double(problem.vehicleTypes[k].count),
                                                  objective: problem.vehicleTypes[k].fixedCost)
                    start.append(Double(usedOfType[k]))
                    balance.append((n, -1))
                }
                try model.addConstraint(balance, lower: 0, upper: 0)
            }
            let solution = try model.solveMIP(MIPParameters(timeLimit: timeLimit, presolve: false, warmStart: start),
                                            simplexIterationLimit: simplexIterationLimit)
            if requireOptimal && solution.status != .optimal { return nil }
            guard solution.status.hasSolution else { return nil }
            // A class's routes fill its types' slots, cheapest fixed cost first.
            var slots = [[Int32]](repeating: [], count: state.routes.count)
            var member = [Int](repeating: 0, count: mix.members.count)
            var nextSlot = state.firstSlotOfType
            for (j, x) in columns.enumerated() where solution[x] > 0.5 {
                let c = mix.columns[j].vehicleClass
                var k = mix.members[c][member[c]]
                while nextSlot[k] - state.firstSlotOfType[k] >= problem.vehicleTypes[k].count {
                    member[c] += 1; k = mix.members[c][member[c]]
                }
                slots[nextSlot[k]] = mix.columns[j].stops
                nextSlot[k] += 1
            }
            return slots
        } catch {
            return nil
        }
    }
}
