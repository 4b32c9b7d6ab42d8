/// A bounded pool of distinct feasible routes met during the search, the columns of the
/// set-partitioning recombination (`SetPartitioning`). A route is its vehicle type and stop
/// sequence; feasibility depends on nothing else, so any selection of pool routes that serves each
/// request at most once and respects the vehicle counts is a feasible plan. When full, the oldest
/// route makes room (the newest routes come from plans near the current one).
struct RoutePool {
    struct Key: Hashable {
        var vehicleType: Int
        var stops: [Int32]
    }
    /// Routes in insertion order (a ring once `capacity` is reached) with their cost in euro cents.
    private(set) var routes: [Key] = []
    private(set) var costs: [Double] = []
    private var index: [Key: Int] = [:]
    private var next = 0
    /// Most routes kept; at least 1.
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { routes.count }

    /// Adds a non-empty route unless it is already in the pool.
    mutating func add(vehicleType: Int, stops: [Int32], cost: Double) {
        guard !stops.isEmpty else { return }
        let key = Key(vehicleType: vehicleType, stops: stops)
        if index[key] != nil { return }
        if routes.count < capacity {
            index[key] = routes.count
            routes.append(key); costs.append(cost)
        } else {
            index[routes[next]] = nil
            index[key] = next
            routes[next] = key; costs[next] = cost
            next = (next + 1) % capacity
        }
    }

    /// Adds every non-empty route of `state`.
    mutating func addAll(of state: SearchState) {
        for r in 0..<state.routes.count { add(vehicleType: state.slotType[r], stops: state.routes[r], cost: state.routeCost[r]) }
    }

    /// Position of a route in the pool, if present.
    func position(vehicleType: Int, stops: [Int32]) -> Int? { index[Key(vehicleType: vehicleType, stops: stops)] }
}
