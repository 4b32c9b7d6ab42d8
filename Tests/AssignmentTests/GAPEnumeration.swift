/// Slow, independent twin for tiny generalized-assignment problems: enumerates every assignment
/// of jobs to agents within the capacities.
enum GAPEnumeration {
    /// The cheapest and the dearest feasible assignment of a tiny problem (`cost[i][j]`,
    /// `resource[i][j]` of agent i and job j), each with its value `sign` × cost (so a maximisation
    /// passes sign −1 and gets minimisation values); nil when no assignment fits.
    static func extremes(cost: [[Double]], resource: [[Double]], capacity: [Double], sign: Double)
        -> (best: (value: Double, assignment: [Int]), worst: (value: Double, assignment: [Int]))? {
        let m = cost.count, n = cost.first?.count ?? 0
        var best: (value: Double, assignment: [Int])?, worst: (value: Double, assignment: [Int])?
        func visit(_ a: [Int], _ load: [Double], _ value: Double) {
            if a.count == n {
                if best == nil || value < best!.value { best = (value, a) }
                if worst == nil || value > worst!.value { worst = (value, a) }
                return
            }
            let j = a.count
            for i in 0..<m where load[i] + resource[i][j] <= capacity[i] {
                var l = load; l[i] += resource[i][j]
                visit(a + [i], l, value + sign * cost[i][j])
            }
        }
        visit([], [Double](repeating: 0, count: m), 0)
        guard let best, let worst else { return nil }
        return (best, worst)
    }
}
