import DagrouteCore
import Foundation
@testable import RoadNetwork

/// The slow, obviously correct twin of the contraction hierarchy: Dijkstra on the plain graph
/// with a binary heap (no hierarchy, no stalling, no buckets), from a snapped point's departures to every node, then the
/// best arrival at each target.
enum DijkstraOracle {
    static func distances(_ g: RoadGraph, from anchors: [SnappedPoint.Anchor]) -> [UInt64] {
        var dist = [UInt64](repeating: PathWeight.infinity, count: g.nodeCount)
        var done = [Bool](repeating: false, count: g.nodeCount)
        var heap = MinHeap()
        for a in anchors where a.weight < dist[Int(a.node)] { dist[Int(a.node)] = a.weight; heap.push(a.weight, a.node) }
        while let (d, u32) = heap.pop() {
            let u = Int(u32)
            if done[u] { continue }
            done[u] = true
            for e in Int(g.firstOut[u])..<Int(g.firstOut[u + 1]) {
                let v = Int(g.head[e]), nd = d + g.weight[e]
                if nd < dist[v] { dist[v] = nd; heap.push(nd, Int32(v)) }
            }
        }
        return dist
    }

    static func weight(_ g: RoadGraph, from s: SnappedPoint, to t: SnappedPoint, distances: [UInt64]) -> UInt64 {
        var best = s.direct(to: t) ?? PathWeight.infinity
        for a in t.arrivals where distances[Int(a.node)] != PathWeight.infinity {
            best = min(best, distances[Int(a.node)] + a.weight)
        }
        return best
    }
}
