/// Exact 0-1 knapsack by dynamic programming over the integer capacity: maximise Σ profit(k) x(k)
/// subject to Σ weight(k) x(k) ≤ capacity, x(k) ∈ {0, 1}. Weights and the capacity are whole
/// numbers ≥ 0; profits are any finite numbers (an item of profit ≤ 0 is never chosen freely).
/// Time and memory O(items × capacity). The subproblem of `GAPLagrangian`: one knapsack per agent.
///
/// The table rows are computed from the previous row into a second buffer, four capacities at a
/// time — with `SIMD4` in optimised builds, unrolled scalar code in debug builds (where the generic
/// SIMD operations are not specialised and run about 6× slower than scalar code, which broke
/// `--time-limit` in debug test runs) — and `solve` skips the capacities no later item can reach
/// the full capacity from. Every value and choice is the one of the plain in-place recursion
/// (same sums in the same order), with either kernel.
struct Knapsack {
    /// Whether `solve` and `forcedValues` use the `SIMD4` kernel by default: in optimised builds.
    #if DEBUG
    static let vectorisedByDefault = false
    #else
    static let vectorisedByDefault = true
    #endif

    let profit: [Double]
    let weight: [Int]
    let capacity: Int

    /// The best value and which items it takes. `vectorised`: the `SIMD4` kernel (else the
    /// unrolled scalar one; the same results).
    func solve(vectorised: Bool = vectorisedByDefault) -> (value: Double, chosen: [Bool]) {
        guard !profit.isEmpty else { return (0, []) }
        var chosen = [Bool](repeating: false, count: profit.count)
        let value = profit.withUnsafeBufferPointer { profit in
            weight.withUnsafeBufferPointer { weight in
                chosen.withUnsafeMutableBufferPointer { chosen in
                    Self.solve(profit: profit.baseAddress!, weight: weight.baseAddress!, count: profit.count, capacity: capacity,
                               workspace: KnapsackWorkspace(), chosen: chosen.baseAddress!, vectorised: vectorised)
                }
            }
        }
        return (value, chosen)
    }

    /// `solve` on raw buffers: the best value, and `chosen[0..<count]` set to the items it takes.
    /// The table lives in `workspace`, which grows as needed and can serve any number of calls (one
    /// thread at a time): the subgradient ascent solves thousands of knapsacks of about 14 items and
    /// 200 capacity units per tree node on gapd#5, where allocating the buffers cost more than the
    /// table. Same values and choices as `solve`.
    static func solve(profit: UnsafePointer<Double>, weight: UnsafePointer<Int>, count: Int, capacity: Int,
                      workspace: KnapsackWorkspace, chosen: UnsafeMutablePointer<Bool>,
                      vectorised: Bool = vectorisedByDefault) -> Double {
        chosen.update(repeating: false, count: count)
        var value = 0.0
        let items = workspace.items(count)
        var itemCount = 0
        var total = 0
        for k in 0..<count where profit[k] > 0 && weight[k] <= capacity {
            if weight[k] == 0 { chosen[k] = true; value += profit[k] } else { items[itemCount] = k; itemCount += 1; total += weight[k] }
        }
        // Everything that pays fits: no choice to make.
        if total <= capacity {
            for t in 0..<itemCount { chosen[items[t]] = true; value += profit[items[t]] }
            return value
        }
        let c = capacity, width = c + 1
        let rows = workspace.rows(2 * width)
        rows.update(repeating: 0, count: 2 * width)
        // Every byte the reconstruction can read is written by `row`.
        let take = workspace.take(itemCount * width)
        var old = rows, new = rows + width
        var after = total // weight of the items after item t
        for t in 0..<itemCount {
            let k = items[t]
            after -= weight[k]
            // Capacities below c − after are never read again: the later items cannot fill the gap
            // from there to c.
            row(from: old, to: new, weight: weight[k], profit: profit[k], low: max(0, c - after), high: c,
                take: take + t * width, vectorised: vectorised)
            swap(&old, &new)
        }
        value += old[c]
        var r = c
        for t in stride(from: itemCount - 1, through: 0, by: -1) where take[t * width + r] != 0 {
            chosen[items[t]] = true
            r -= weight[items[t]]
        }
        return value
    }

    /// For every item, the best value with that item forced into the knapsack (−∞ when it does not
    /// fit) and forced out of it: prefix and suffix tables over the items, combined over every
    /// split of the capacity. `vectorised` as for `solve`.
    func forcedValues(vectorised: Bool = vectorisedByDefault) -> (forcedIn: [Double], forcedOut: [Double]) {
        let n = profit.count, width = capacity + 1
        // prefix[k]: best value of items 0..<k per capacity; suffix[k]: of items k..<n.
        var prefix = [Double](repeating: 0, count: (n + 1) * width)
        var suffix = [Double](repeating: 0, count: (n + 1) * width)
        prefix.withUnsafeMutableBufferPointer { prefix in
            suffix.withUnsafeMutableBufferPointer { suffix in
                let (p, s) = (prefix.baseAddress!, suffix.baseAddress!)
                for k in 0..<n {
                    Self.row(from: p + k * width, to: p + (k + 1) * width, weight: weight[k], profit: profit[k], low: 0,
                             high: capacity, take: nil, vectorised: vectorised)
                }
                for k in stride(from: n - 1, through: 0, by: -1) {
                    Self.row(from: s + (k + 1) * width, to: s + k * width, weight: weight[k], profit: profit[k], low: 0,
                             high: capacity, take: nil, vectorised: vectorised)
                }
            }
        }
        var forcedIn = [Double](repeating: -.infinity, count: n), forcedOut = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let (before, after) = (k * width, (k + 1) * width)
            // The best prefix + suffix value over every split of `room`; the maximum of the same
            // sums whatever the order, four splits at a time with `vectorised`.
            func split(_ room: Int) -> Double {
                prefix.withUnsafeBufferPointer { prefix in
                    suffix.withUnsafeBufferPointer { suffix in
                        let (low, high) = (prefix.baseAddress! + before, suffix.baseAddress! + after + room) // high[-r]
                        var v = -Double.infinity
                        var r = 0
                        if vectorised, room >= 3 {
                            var best = SIMD4<Double>(repeating: -.infinity)
                            while r + 4 <= room + 1 {
                                let a = UnsafeRawPointer(low + r).loadUnaligned(as: SIMD4<Double>.self)
                                let b = UnsafeRawPointer(high - r - 3).loadUnaligned(as: SIMD4<Double>.self)
                                let sum = a + SIMD4(b[3], b[2], b[1], b[0])
                                best = best.replacing(with: sum, where: sum .> best)
                                r += 4
                            }
                            v = max(max(best[0], best[1]), max(best[2], best[3]))
                        }
                        while r <= room { v = max(v, low[r] + high[-r]); r += 1 }
                        return v
                    }
                }
            }
            forcedOut[k] = split(capacity)
            if weight[k] <= capacity { forcedIn[k] = profit[k] + split(capacity - weight[k]) }
        }
        return (forcedIn, forcedOut)
    }

    /// One row of the table, over capacities `low...high`: new[r] = max(old[r], old[r − weight] +
    /// profit), the item taken (take[r] = 1, else 0) only when that is strictly better; an item of
    /// profit ≤ 0 is never taken. `old` and `new` do not overlap.
    @inline(__always)
    private static func row(from old: UnsafeMutablePointer<Double>, to new: UnsafeMutablePointer<Double>, weight w: Int,
                            profit p: Double, low: Int, high: Int, take: UnsafeMutablePointer<UInt8>?, vectorised: Bool) {
        let copied = p > 0 ? min(w, high + 1) : high + 1
        if low < copied {
            (new + low).update(from: old + low, count: copied - low)
            take.map { ($0 + low).update(repeating: 0, count: copied - low) }
        }
        var r = max(low, copied)
        if vectorised {
            let profits = SIMD4<Double>(repeating: p)
            let blocks = (high + 1 - r) / 4
            if blocks > 0 {
                var source = UnsafeRawPointer(old + r), shifted = UnsafeRawPointer(old + (r - w))
                var target = UnsafeMutableRawPointer(new + r)
                var taken = take.map { UnsafeMutableRawPointer($0 + r) }
                for _ in 0..<blocks {
                    let candidate = shifted.loadUnaligned(as: SIMD4<Double>.self) + profits
                    let current = source.loadUnaligned(as: SIMD4<Double>.self)
                    let better = candidate .> current
                    target.storeBytes(of: current.replacing(with: candidate, where: better), as: SIMD4<Double>.self)
                    if let t = taken {
                        // Lane by lane: converting the mask to bytes looked up generic metadata on
                        // every call (about 8 % of a gapd#5 tree's time).
                        let bytes = t.assumingMemoryBound(to: UInt8.self)
                        bytes[0] = candidate[0] > current[0] ? 1 : 0
                        bytes[1] = candidate[1] > current[1] ? 1 : 0
                        bytes[2] = candidate[2] > current[2] ? 1 : 0
                        bytes[3] = candidate[3] > current[3] ? 1 : 0
                        taken = t + 4
                    }
                    source += 32; shifted += 32; target += 32
                }
                r += 4 * blocks
            }
        } else {
            while r + 4 <= high + 1 {
                let (c0, c1, c2, c3) = (old[r - w] + p, old[r - w + 1] + p, old[r - w + 2] + p, old[r - w + 3] + p)
                let (o0, o1, o2, o3) = (old[r], old[r + 1], old[r + 2], old[r + 3])
                let (b0, b1, b2, b3) = (c0 > o0, c1 > o1, c2 > o2, c3 > o3)
                new[r] = b0 ? c0 : o0; new[r + 1] = b1 ? c1 : o1; new[r + 2] = b2 ? c2 : o2; new[r + 3] = b3 ? c3 : o3
                if let take { take[r] = b0 ? 1 : 0; take[r + 1] = b1 ? 1 : 0; take[r + 2] = b2 ? 1 : 0; take[r + 3] = b3 ? 1 : 0 }
                r += 4
            }
        }
        while r <= high {
            let candidate = old[r - w] + p, current = old[r]
            if candidate > current { new[r] = candidate; take?[r] = 1 } else { new[r] = current; take?[r] = 0 }
            r += 1
        }
    }
}

/// Buffers `Knapsack.solve(profit:weight:count:capacity:workspace:chosen:vectorised:)` reuses
/// from call to call; they only grow. Not for two threads at once.
final class KnapsackWorkspace {
    private var profitBuffer = GrowingBuffer<Double>(), itemBuffer = GrowingBuffer<Int>()
    private var rowBuffer = GrowingBuffer<Double>(), takeBuffer = GrowingBuffer<UInt8>()

    deinit { profitBuffer.deallocate(); itemBuffer.deallocate(); rowBuffer.deallocate(); takeBuffer.deallocate() }

    /// At least `count` profits for a caller to fill (contents undefined; not used by `solve`).
    func profits(_ count: Int) -> UnsafeMutablePointer<Double> { profitBuffer.atLeast(count) }

    /// At least `count` item indices (contents undefined).
    func items(_ count: Int) -> UnsafeMutablePointer<Int> { itemBuffer.atLeast(count) }

    /// At least `count` table cells (contents undefined).
    func rows(_ count: Int) -> UnsafeMutablePointer<Double> { rowBuffer.atLeast(count) }

    /// At least `count` take flags (contents undefined).
    func take(_ count: Int) -> UnsafeMutablePointer<UInt8> { takeBuffer.atLeast(count) }
}

/// Raw memory that only grows; its owner deallocates it.
private struct GrowingBuffer<Element> {
    private var base = UnsafeMutablePointer<Element>.allocate(capacity: 0), capacity = 0

    /// Room for at least `count` elements (contents undefined); earlier pointers are invalid once it grows.
    mutating func atLeast(_ count: Int) -> UnsafeMutablePointer<Element> {
        if count > capacity { base.deallocate(); base = .allocate(capacity: count); capacity = count }
        return base
    }

    func deallocate() { base.deallocate() }
}
