/// The columns of the set-partitioning recombination (`SetPartitioning`). For single-stop problems
/// (CVRP, VRPTW) a column is a pool route on the vehicle type it was found on. For pickup–delivery
/// problems (the care waves) each pool route is also a column on the (at most `otherClasses`) other
/// vehicle classes where its stop sequence is feasible and cheapest, at its cost there, so that the
/// MIP chooses the vehicle mix of the whole plan under the counts — a route moves to another fleet
/// row or, in a coupled care wave, to a vehicle the day has already paid for — which no local move
/// does for many routes at once.
///
/// A vehicle class is a set of types equal in everything but count and fixed cost (in a coupled
/// care wave: a fleet row's vehicles paid for by earlier waves and the row's others). A class of
/// several types has one column per route without fixed cost; the MIP counts the class's routes
/// per type and pays each type's fixed cost, cheapest first. So a route is not repeated per type
/// of its class, and the MIP has no symmetric copies.
struct VehicleMix {
    /// Most other classes a pool route gets a column on: those where it is cheapest (cost without
    /// fixed cost, euro cents). Measured on the care-wave sample at 12 iterations per ride, four
    /// seeds (BENCHMARKS.md, "Compare … session 8"): 3 gave the lowest day cost; 1 and every class
    /// (13× the pool's routes as columns on a pooled wave, its MIPs a quarter more CPU) were 0.17
    /// points behind, within the seed spread.
    static let otherClasses = 3

    struct Column {
        var vehicleClass: Int
        var stops: [Int32]
        /// Cost in euro cents on the class: fixed cost included for a class of one type only.
        var cost: Double
    }
    /// Class of every vehicle type.
    let classOf: [Int]
    /// Types of every class, cheapest fixed cost first (then by index).
    let members: [[Int]]
    /// Columns: the pool's routes (and, for pickup–delivery problems, their other classes).
    private(set) var columns: [Column] = []
    private var position: [ColumnKey: Int] = [:]

    private struct ColumnKey: Hashable {
        var vehicleClass: Int
        var stops: [Int32]
    }

    /// Classes of `problem`: for pickup–delivery problems the types equal in everything but count
    /// and fixed cost; for single-stop problems every type alone (the MIP as before the mix).
    init(problem: RoutingProblem) {
        var classOf: [Int] = [], members: [[Int]] = [], seen: [VehicleType: Int] = [:]
        for (k, type) in problem.vehicleTypes.enumerated() {
            var key = type
            key.count = 0; key.fixedCost = 0
            if problem.hasPairs, let c = seen[key] {
                classOf.append(c); members[c].append(k)
            } else {
                seen[key] = members.count; classOf.append(members.count); members.append([k])
            }
        }
        self.classOf = classOf
        self.members = members.map { m in m.sorted { (problem.vehicleTypes[$0].fixedCost, $0) < (problem.vehicleTypes[$1].fixedCost, $1) } }
    }

    /// Adds the columns of `pool` (see the type's description): each route on its own class at its
    /// pool cost, and for pickup–delivery problems on the `otherClasses` other classes (with a
    /// vehicle) where it is feasible and cheapest. Feasibility there is re-checked from that class's
    /// depots: loads against its seats and wheelchair places, windows, shift and maximum duration,
    /// and ride-time limits re-simulated (`state.scheduler` is scratch).
    mutating func addColumns(of pool: RoutePool, state: SearchState) {
        let problem = state.problem
        var others: [(cost: Double, c: Int)] = []
        for (route, poolCost) in zip(pool.routes, pool.costs) {
            let own = classOf[route.vehicleType]
            let ownKey = ColumnKey(vehicleClass: own, stops: route.stops)
            if position[ownKey] == nil {
                position[ownKey] = columns.count
                columns.append(Column(vehicleClass: own, stops: route.stops,
                                      cost: poolCost - (members[own].count > 1 ? state.rules[route.vehicleType].fixed : 0)))
            }
            guard problem.hasPairs else { continue }
            others.removeAll(keepingCapacity: true)
            for c in members.indices where c != own && members[c].contains(where: { problem.vehicleTypes[$0].count > 0 }) {
                let k = members[c][0], rule = state.rules[k]
                let whole = rule.route(route.stops, in: problem)
                guard rule.isFeasible(whole) else { continue }
                if problem.hasRideLimits,
                   !route.stops.withUnsafeBufferPointer({ state.scheduler.schedule(vehicle: k, stops: $0) }) { continue }
                others.append((rule.cost(whole) - rule.fixed, c))
            }
            if others.count > Self.otherClasses {
                others.sort { $0 < $1 }
                others.removeLast(others.count - Self.otherClasses)
            }
            for (cost, c) in others {
                let key = ColumnKey(vehicleClass: c, stops: route.stops)
                guard position[key] == nil else { continue }
                position[key] = columns.count
                columns.append(Column(vehicleClass: c, stops: route.stops, cost: cost + (members[c].count > 1 ? 0 : state.rules[members[c][0]].fixed)))
            }
        }
    }

    /// Position of the column of `stops` on the class of vehicle type `type`, if present.
    func column(type: Int, stops: [Int32]) -> Int? { position[ColumnKey(vehicleClass: classOf[type], stops: stops)] }
}
