import DagrouteCore

/// A few good, distinct plans of the distance phase (VRPTW): the best plan of every annealing run
/// (`DistanceAnnealing`) is offered; the set keeps at most `capacity` of them, replacing its worst
/// by a cheaper one, and never holds two plans of the same cost (within 1e-6 euro cents).
struct ElitePlans {
    let capacity: Int
    private(set) var plans: [(slots: [[Int32]], cost: Double)] = []

    init(capacity: Int) { self.capacity = max(2, capacity) }

    var count: Int { plans.count }

    /// Offers a plan serving every request, of cost `cost` (euro cents).
    mutating func offer(_ slots: [[Int32]], cost: Double) {
        guard cost.isFinite, !plans.contains(where: { abs($0.cost - cost) < 1e-6 }) else { return }
        if plans.count < capacity { plans.append((slots, cost)); return }
        let worst = plans.indices.max { plans[$0].cost < plans[$1].cost }!
        if cost < plans[worst].cost { plans[worst] = (slots, cost) }
    }

    /// Two distinct plans drawn at random (the set holds at least two).
    func parents(rng: inout SeededGenerator) -> ([[Int32]], [[Int32]]) {
        let i = Int(rng.next() % UInt64(plans.count))
        let j = (i + 1 + Int(rng.next() % UInt64(plans.count - 1))) % plans.count
        return (plans[i].slots, plans[j].slots)
    }
}
