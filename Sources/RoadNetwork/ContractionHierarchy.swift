import DagrouteCore
import Foundation

/// A contraction hierarchy of a `RoadGraph` for exact shortest `PathWeight`s (time, then distance).
///
/// Nodes are contracted one by one in the order of a lazily updated priority
/// `edge difference + contracted neighbours + level`; contracting `v` adds a shortcut `u → w` for
/// every pair of remaining neighbours unless a witness search (Dijkstra from `u` avoiding `v`,
/// limited to `witnessSettleLimit` settled nodes) finds a path at most as heavy. A limit reached only
/// adds shortcuts that may be unnecessary, never loses a shortest path. Queries run on the upward
/// graph (edges towards later-contracted nodes), stored in CSR arrays with nodes renumbered by rank.
public struct ContractionHierarchy: Sendable {
    /// Number of nodes (as in the graph).
    public let nodeCount: Int
    /// The rank (contraction position) of every graph node; CH node ids are ranks.
    public let rank: [Int32]
    /// Upward edges for forward searches: `upFirst[r]..<upFirst[r+1]` are edges `r → upHead[e]`.
    let upFirst: [Int32], upHead: [Int32], upWeight: [UInt64]
    /// Upward edges for backward searches: `downFirst[r]..<downFirst[r+1]` are edges `downHead[e] → r`.
    let downFirst: [Int32], downHead: [Int32], downWeight: [UInt64]
    /// Number of shortcut edges added.
    public let shortcutCount: Int

    /// Settled-node limit of witness searches while contracting (and a fifth of it while estimating
    /// priorities).
    public static let witnessSettleLimit = 500

    struct Arc { var node: Int32; var weight: UInt64 }

    /// A hierarchy from its arrays (used by `HierarchyCache`, which checks them first).
    init(nodeCount: Int, rank: [Int32], upFirst: [Int32], upHead: [Int32], upWeight: [UInt64],
         downFirst: [Int32], downHead: [Int32], downWeight: [UInt64], shortcutCount: Int) {
        self.nodeCount = nodeCount; self.rank = rank
        self.upFirst = upFirst; self.upHead = upHead; self.upWeight = upWeight
        self.downFirst = downFirst; self.downHead = downHead; self.downWeight = downWeight
        self.shortcutCount = shortcutCount
    }

    /// Contracts `graph` without a checkpoint.
    public init(graph: RoadGraph, progress: DagrouteCore.Progress = .silent) {
        self.init(graph: graph, progress: progress, checkpoint: {})
    }

    /// Contracts `graph` (deterministic: same graph, same hierarchy). `checkpoint` is called every
    /// 1,024 contracted nodes; whatever it throws (e.g. a `CancellationError` on Ctrl-C) ends the
    /// construction at once and is rethrown.
    public init(graph: RoadGraph, progress: DagrouteCore.Progress = .silent,
                checkpoint: () throws -> Void) rethrows {
        let n = graph.nodeCount
        nodeCount = n
        var outs = [[Arc]](repeating: [], count: n), ins = [[Arc]](repeating: [], count: n)
        for u in 0..<n {
            for e in Int(graph.firstOut[u])..<Int(graph.firstOut[u + 1]) {
                let v = Int(graph.head[e])
                outs[u].append(Arc(node: Int32(v), weight: graph.weight[e]))
                ins[v].append(Arc(node: Int32(u), weight: graph.weight[e]))
            }
        }
        var witness = StampedDistances(count: n)
        var heap = MinHeap()
        var targets: [Arc] = []

        /// Shortcuts needed when contracting `v`; added to the graph when `apply`.
        func contract(_ v: Int, limit: Int, apply: Bool) -> Int {
            var needed = 0
            for incoming in ins[v] {
                let u = Int(incoming.node)
                targets.removeAll(keepingCapacity: true)
                var maxVia: UInt64 = 0
                for out in outs[v] where Int(out.node) != u {
                    targets.append(out)
                    maxVia = max(maxVia, incoming.weight + out.weight)
                }
                if targets.isEmpty { continue }
                // Witness search from u avoiding v, up to maxVia.
                witness.reset(); heap.removeAll()
                witness[u] = 0; heap.push(0, Int32(u))
                var settled = 0
                while let (d, x32) = heap.pop() {
                    let x = Int(x32)
                    if d > witness[x] { continue }
                    if d > maxVia { break }
                    settled += 1
                    if settled > limit { break }
                    for arc in outs[x] where Int(arc.node) != v {
                        let nd = d + arc.weight
                        if nd < witness[Int(arc.node)] { witness[Int(arc.node)] = nd; heap.push(nd, arc.node) }
                    }
                }
                for out in targets {
                    let via = incoming.weight + out.weight
                    if witness[Int(out.node)] <= via { continue }
                    needed += 1
                    guard apply else { continue }
                    let w = Int(out.node)
                    if let k = outs[u].firstIndex(where: { Int($0.node) == w }) {
                        if via < outs[u][k].weight {
                            outs[u][k].weight = via
                            let j = ins[w].firstIndex { Int($0.node) == u }!
                            ins[w][j].weight = via
                        }
                    } else {
                        outs[u].append(Arc(node: Int32(w), weight: via))
                        ins[w].append(Arc(node: Int32(u), weight: via))
                    }
                }
            }
            return needed
        }

        var contractedNeighbours = [Int](repeating: 0, count: n), level = [Int](repeating: 0, count: n)
        var priority = [Int](repeating: 0, count: n)
        func computePriority(_ v: Int) -> Int {
            let added = contract(v, limit: ContractionHierarchy.witnessSettleLimit / 5, apply: false)
            return added - ins[v].count - outs[v].count + contractedNeighbours[v] + level[v]
        }
        @inline(__always) func key(_ p: Int) -> UInt64 { UInt64(bitPattern: Int64(p)) ^ (1 << 63) }
        var order = MinHeap()
        for v in 0..<n { priority[v] = computePriority(v); order.push(key(priority[v]), Int32(v)) }

        var rank = [Int32](repeating: -1, count: n)
        var upOut = [[Arc]](repeating: [], count: n), upIn = [[Arc]](repeating: [], count: n)
        var next: Int32 = 0, shortcuts = 0
        let edgesBefore = graph.edgeCount
        var neighbours: [Int] = []
        while let (k, v32) = order.pop() {
            let v = Int(v32)
            if rank[v] >= 0 || k != key(priority[v]) { continue }
            // Lazy update: re-evaluate; if v is no longer the minimum, put it back.
            let fresh = computePriority(v)
            if fresh != priority[v] {
                priority[v] = fresh
                if let top = order.minKey, key(fresh) > top { order.push(key(fresh), v32); continue }
            }
            if next % 1024 == 0 { try checkpoint() }
            rank[v] = next; next += 1
            upOut[v] = outs[v]; upIn[v] = ins[v]
            shortcuts += contract(v, limit: ContractionHierarchy.witnessSettleLimit, apply: true)
            neighbours.removeAll(keepingCapacity: true)
            for arc in ins[v] {
                let u = Int(arc.node)
                outs[u].removeAll { Int($0.node) == v }
                neighbours.append(u)
            }
            for arc in outs[v] {
                let w = Int(arc.node)
                ins[w].removeAll { Int($0.node) == v }
                neighbours.append(w)
            }
            outs[v] = []; ins[v] = []
            neighbours.sort()
            var previous = -1
            for u in neighbours where u != previous {
                previous = u
                contractedNeighbours[u] += 1
                level[u] = max(level[u], level[v] + 1)
                priority[u] = computePriority(u)
                order.push(key(priority[u]), Int32(u))
            }
            if next % 20_000 == 0 { progress.say("contraction hierarchy: \(next) of \(n) nodes contracted") }
        }
        self.rank = rank
        shortcutCount = shortcuts

        func csr(_ lists: [[Arc]]) -> ([Int32], [Int32], [UInt64]) {
            var first = [Int32](repeating: 0, count: n + 1)
            var heads: [Int32] = [], weights: [UInt64] = []
            var byRank = [Int](repeating: 0, count: n)
            for v in 0..<n { byRank[Int(rank[v])] = v }
            for r in 0..<n {
                let arcs = lists[byRank[r]].map { Arc(node: rank[Int($0.node)], weight: $0.weight) }.sorted { $0.node < $1.node }
                for a in arcs { heads.append(a.node); weights.append(a.weight) }
                first[r + 1] = Int32(heads.count)
            }
            return (first, heads, weights)
        }
        (upFirst, upHead, upWeight) = csr(upOut)
        (downFirst, downHead, downWeight) = csr(upIn)
        progress.say("contraction hierarchy: \(n) nodes, \(edgesBefore) edges + \(shortcuts) shortcuts, \(upHead.count + downHead.count) upward edges")
    }
}
