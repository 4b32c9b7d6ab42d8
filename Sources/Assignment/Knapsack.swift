/// Exact 0-1 knapsack by dynamic programming over the integer capacity: maximise Σ profit(k) x(k)
/// subject to Σ weight(k) x(k) ≤ capacity, x(k) ∈ {0, 1}. Weights and the capacity are whole
/// numbers ≥ 0; profits are any finite numbers (an item of profit ≤ 0 is never chosen freely).
/// Time and memory O(items × capacity). The subproblem of `GAPLagrangian`: one knapsack per agent.
struct Knapsack {
    let profit: [Double]
    let weight: [Int]
    let capacity: Int

    /// The best value and which items it takes.
    func solve() -> (value: Double, chosen: [Bool]) {
        var chosen = [Bool](repeating: false, count: profit.count)
        var value = 0.0
        var items: [Int] = []
        var total = 0
        for k in profit.indices where profit[k] > 0 && weight[k] <= capacity {
            if weight[k] == 0 { chosen[k] = true; value += profit[k] } else { items.append(k); total += weight[k] }
        }
        // Everything that pays fits: no choice to make.
        if total <= capacity {
            for k in items { chosen[k] = true; value += profit[k] }
            return (value, chosen)
        }
        let c = capacity, width = c + 1
        var best = [Double](repeating: 0, count: width)
        var take = [Bool](repeating: false, count: items.count * width)
        best.withUnsafeMutableBufferPointer { best in
            take.withUnsafeMutableBufferPointer { take in
                for (t, k) in items.enumerated() {
                    let w = weight[k], p = profit[k], row = t * width
                    var r = c
                    while r >= w {
                        let candidate = best[r - w] + p
                        if candidate > best[r] { best[r] = candidate; take[row + r] = true }
                        r -= 1
                    }
                }
            }
        }
        value += best[c]
        var r = c
        for t in stride(from: items.count - 1, through: 0, by: -1) where take[t * width + r] {
            chosen[items[t]] = true
            r -= weight[items[t]]
        }
        return (value, chosen)
    }

    /// For every item, the best value with that item forced into the knapsack (−∞ when it does not
    /// fit) and forced out of it: prefix and suffix tables over the items, combined over every
    /// split of the capacity.
    func forcedValues() -> (forcedIn: [Double], forcedOut: [Double]) {
        let n = profit.count, width = capacity + 1
        // prefix[k]: best value of items 0..<k per capacity; suffix[k]: of items k..<n.
        var prefix = [Double](repeating: 0, count: (n + 1) * width)
        var suffix = [Double](repeating: 0, count: (n + 1) * width)
        for k in 0..<n {
            let (from, to) = (k * width, (k + 1) * width)
            for r in 0..<width {
                var v = prefix[from + r]
                if profit[k] > 0, weight[k] <= r { v = max(v, prefix[from + r - weight[k]] + profit[k]) }
                prefix[to + r] = v
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            let (from, to) = ((k + 1) * width, k * width)
            for r in 0..<width {
                var v = suffix[from + r]
                if profit[k] > 0, weight[k] <= r { v = max(v, suffix[from + r - weight[k]] + profit[k]) }
                suffix[to + r] = v
            }
        }
        var forcedIn = [Double](repeating: -.infinity, count: n), forcedOut = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let (before, after) = (k * width, (k + 1) * width)
            func split(_ room: Int) -> Double {
                var v = -Double.infinity
                for r in 0...room { v = max(v, prefix[before + r] + suffix[after + room - r]) }
                return v
            }
            forcedOut[k] = split(capacity)
            if weight[k] <= capacity { forcedIn[k] = profit[k] + split(capacity - weight[k]) }
        }
        return (forcedIn, forcedOut)
    }
}
