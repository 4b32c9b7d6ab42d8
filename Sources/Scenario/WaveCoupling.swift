import Instance
import Routing

/// Coupling the waves of one day: a vehicle drives several waves, and a day pays each fleet row's
/// `fixed_cost_per_day` once per vehicle of its busiest wave (`dayCost`). So a wave solved after
/// others of its day (same scenario and fleet) pays no fixed cost for the vehicles those already
/// use, and the full fixed cost for each one more: its routing objective is then exactly what it
/// adds to the day's cost.
extension TripWave {
    /// The order in which the waves of one day (scenario, fleet) are solved: `morning-in`
    /// first; `afternoon-out` with each row's morning vehicles free; `midday` last, with the most
    /// of the two free — the midday wave is the smallest and rarely sets the day's peak, so it
    /// fills the vehicles the other two have paid for.
    static let couplingOrder: [TripWave] = [.morningIn, .afternoonOut, .midday]

    /// The waves solved before this one in `couplingOrder`, whose plans set its free vehicles.
    var earlierInCoupling: [TripWave] { Array(Self.couplingOrder.prefix { $0 != self }) }
}

extension WaveProblem {
    /// Vehicles of each of `rows` that `earlier` (plans of the same day and fleet) have paid for:
    /// per row, the most routes of that row in one of them (never more than the row's count).
    func vehiclesPaid(by earlier: [WavePlan], _ instance: Instance) -> [Int] {
        rows.map { r in
            let id = instance.fleet[r].id
            let most = earlier.map { plan in plan.routes.filter { $0.fleetRow == id }.count }.max() ?? 0
            return min(most, instance.fleet[r].count)
        }
    }

    /// This wave with `free[i]` vehicles of fleet row `rows[i]` already paid for by the day: per
    /// row, a vehicle type of `free[i]` vehicles without fixed cost (when `free[i]` > 0) followed by
    /// one of the row's other `count − free[i]` vehicles at the full fixed cost (same capacity,
    /// depot, shift and time and distance costs). A plan's routing cost is then its fixed cost
    /// for the vehicles beyond those already paid, plus its hours and kilometres: what it adds to
    /// `dayCost`. Without any free vehicle, the problem itself. Only for a problem not yet coupled.
    func coupled(freeVehicles free: [Int]) -> WaveProblem {
        precondition(typeRows == rows, "coupled(freeVehicles:) of a wave that is coupled already")
        guard let problem, free.contains(where: { $0 > 0 }) else { return self }
        var types: [Routing.VehicleType] = [], typeRows: [Int] = []
        for (i, row) in rows.enumerated() {
            let paid = problem.vehicleTypes[i], f = min(free[i], paid.count)
            if f > 0 {
                var gratis = paid
                gratis.count = f; gratis.fixedCost = 0
                types.append(gratis); typeRows.append(row)
            }
            var rest = paid
            rest.count = paid.count - f
            types.append(rest); typeRows.append(row)
        }
        // The stops, requests and matrices validated when `problem` was built; counts and costs
        // stay non-negative and finite, so validation cannot fail here.
        let split = try! RoutingProblem(stops: problem.stops, requests: problem.requests, vehicleTypes: types,
                                        matrices: problem.matrices, source: "<\(day.rawValue) \(wave.rawValue) routes>")
        return WaveProblem(self, problem: split, typeRows: typeRows)
    }

    /// `result` (a plan of this problem) with routes of a row's full-cost type moved to the row's
    /// type without fixed cost while that has unused vehicles, and the fixed cost lowered to
    /// match. The routes are the same vehicles (only the fixed cost differs), so the plan is
    /// unchanged; its `cost` is then exactly what it adds to the day's cost. The search can end
    /// with such a route when it emptied a free vehicle while a paid one stayed in use.
    func withFreeVehiclesUsedFirst(_ result: RoutingResult) -> RoutingResult {
        guard let problem else { return result }
        var out = result
        var used = [Int](repeating: 0, count: typeRows.count)
        for route in result.routes { used[route.vehicleType] += 1 }
        for r in out.routes.indices {
            let k = out.routes[r].vehicleType, type = problem.vehicleTypes[k]
            guard type.fixedCost > 0, k > 0, typeRows[k - 1] == typeRows[k], problem.vehicleTypes[k - 1].fixedCost == 0,
                  used[k - 1] < problem.vehicleTypes[k - 1].count else { continue }
            out.routes[r].vehicleType = k - 1
            used[k - 1] += 1; used[k] -= 1
            out.cost.fixed -= type.fixedCost
        }
        return out
    }
}
