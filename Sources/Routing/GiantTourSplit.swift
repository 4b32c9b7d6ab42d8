/// Split (Prins 2004; Vidal 2016 for a limited fleet) of a giant tour into at most `maxRoutes`
/// consecutive routes of one vehicle type at least penalised cost: every route is priced as
/// `TimeWarpPenalty.cost` of its summary (distance and fixed cost, plus the penalties for time warp,
/// excess duration and excess load), so the routes may be infeasible; the education repairs them.
/// Bellman over (routes used, stops covered): O(`maxRoutes` · n²) concatenations, exact.
enum GiantTourSplit {
    /// The cheapest cut of `tour` (stop ids, each once) into at most `maxRoutes` ≥ 1 routes of
    /// vehicle type `type`, as the routes in tour order (none empty), with their total penalised
    /// cost (`maxRoutes` is capped at `tour.count`).
    static func split(_ tour: [Int32], maxRoutes: Int, type: Int, rules: [VehicleRules], penalty: TimeWarpPenalty,
                      problem: RoutingProblem) -> (routes: [[Int32]], cost: Double) {
        let n = tour.count, rule = rules[type]
        guard n > 0 else { return ([], 0) }
        let layers = max(1, min(maxRoutes, n))
        // pot[k][j]: least cost of the first j stops in exactly k routes; pred[k][j] the cut.
        var pot = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: layers + 1)
        var pred = [[Int]](repeating: [Int](repeating: -1, count: n + 1), count: layers + 1)
        pot[0][0] = 0
        for k in 1...layers {
            for i in 0..<n where pot[k - 1][i].isFinite {
                var seg = rule.start
                for j in i..<n {
                    seg = .concat(seg, .stop(Int(tour[j]), in: problem), in: problem)
                    let c = pot[k - 1][i] + penalty.cost(.concat(seg, rule.end, in: problem), rule)
                    if c < pot[k][j + 1] { pot[k][j + 1] = c; pred[k][j + 1] = i }
                }
            }
        }
        var bestK = 1
        for k in 1...layers where pot[k][n] < pot[bestK][n] { bestK = k }
        var routes: [[Int32]] = [], j = n, k = bestK
        while k > 0 { let i = pred[k][j]; routes.append(Array(tour[i..<j])); j = i; k -= 1 }
        return (routes.reversed(), pot[bestK][n])
    }
}
