/// A binary min-heap of (key, node) pairs ordered by key, then node, without decrease-key:
/// searches push a node again when its key improves and skip stale entries when popping.
/// `removeAll` keeps the storage, so a heap reused across searches allocates nothing.
struct MinHeap {
    private var keys: [UInt64] = []
    private var nodes: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }
    var minKey: UInt64? { keys.first }

    mutating func removeAll() { keys.removeAll(keepingCapacity: true); nodes.removeAll(keepingCapacity: true) }

    @inline(__always) private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j])
    }

    private mutating func swapAt(_ i: Int, _ j: Int) { keys.swapAt(i, j); nodes.swapAt(i, j) }

    mutating func push(_ key: UInt64, _ node: Int32) {
        keys.append(key); nodes.append(node)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(i, parent) else { break }
            swapAt(i, parent); i = parent
        }
    }

    mutating func pop() -> (key: UInt64, node: Int32)? {
        guard let key = keys.first else { return nil }
        let node = nodes[0]
        let last = keys.count - 1
        swapAt(0, last)
        keys.removeLast(); nodes.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < keys.count, less(l, m) { m = l }
            if r < keys.count, less(r, m) { m = r }
            if m == i { break }
            swapAt(i, m); i = m
        }
        return (key, node)
    }
}

/// Per-search distances reset in O(1) by a timestamp: an entry is valid only when its stamp equals
/// the current search's stamp.
struct StampedDistances {
    private var distance: [UInt64]
    private var stamp: [UInt32]
    private var now: UInt32 = 0

    init(count: Int) {
        distance = [UInt64](repeating: PathWeight.infinity, count: count)
        stamp = [UInt32](repeating: 0, count: count)
    }

    /// Starts a new search: every distance reads as infinity again.
    mutating func reset() {
        if now == .max { for k in stamp.indices { stamp[k] = 0 }; now = 0 }
        now += 1
    }

    @inline(__always) subscript(_ u: Int) -> UInt64 {
        get { stamp[u] == now ? distance[u] : PathWeight.infinity }
        set { distance[u] = newValue; stamp[u] = now }
    }
}
