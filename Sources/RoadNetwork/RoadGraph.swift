import DagrouteCore
import Foundation

/// A directed car graph in CSR (compressed sparse row) arrays, with the road segments it came from
/// for snapping.
///
/// Node `u`'s out-edges are `firstOut[u]..<firstOut[u+1]` in `head` (target node) and `weight`
/// (a `PathWeight`: milliseconds and centimetres). Between two nodes at most one directed edge is
/// kept (the lightest). Every segment is a straight piece of a way between two consecutive nodes,
/// drivable in at least one direction.
public struct RoadGraph: Sendable {
    /// Node positions, WGS84 degrees.
    public let latitudes: [Double], longitudes: [Double]
    /// The OSM node id of every node (or any caller-chosen id for hand-made graphs).
    public let osmIds: [Int64]
    /// CSR offsets, `nodeCount + 1` entries.
    public let firstOut: [Int32]
    /// Edge target nodes.
    public let head: [Int32]
    /// Edge weights (`PathWeight`).
    public let weight: [UInt64]
    /// The road segments, for snapping.
    public let segments: [Segment]

    /// A straight road piece between nodes `from` and `to`.
    public struct Segment: Sendable, Equatable {
        public var from: Int32
        public var to: Int32
        /// The weight of driving it from `from` to `to`, nil when that direction is not allowed.
        public var forward: UInt64?
        /// The weight of driving it from `to` to `from`, nil when not allowed.
        public var backward: UInt64?
        public init(from: Int32, to: Int32, forward: UInt64?, backward: UInt64?) {
            self.from = from; self.to = to; self.forward = forward; self.backward = backward
        }
    }

    public var nodeCount: Int { latitudes.count }
    public var edgeCount: Int { head.count }

    /// The position of node `u`.
    public func position(_ u: Int) -> GeoPoint { GeoPoint(lat: latitudes[u], lon: longitudes[u]) }

    /// Builds the graph of `segments` over nodes at `positions` (directed edges: every allowed
    /// direction of every segment, the lightest kept between the same two nodes).
    public init(positions: [GeoPoint], osmIds: [Int64]? = nil, segments: [Segment]) {
        latitudes = positions.map(\.lat); longitudes = positions.map(\.lon)
        self.osmIds = osmIds ?? positions.indices.map(Int64.init)
        self.segments = segments
        var edges: [(from: Int32, to: Int32, weight: UInt64)] = []
        edges.reserveCapacity(2 * segments.count)
        for s in segments {
            if let w = s.forward { edges.append((s.from, s.to, w)) }
            if let w = s.backward { edges.append((s.to, s.from, w)) }
        }
        edges.sort { ($0.from, $0.to, $0.weight) < ($1.from, $1.to, $1.weight) }
        var first = [Int32](repeating: 0, count: positions.count + 1)
        var heads: [Int32] = [], weights: [UInt64] = []
        heads.reserveCapacity(edges.count); weights.reserveCapacity(edges.count)
        var previous: (Int32, Int32)? = nil
        for e in edges where !(previous.map { $0 == (e.from, e.to) } ?? false) {
            heads.append(e.to); weights.append(e.weight)
            first[Int(e.from) + 1] += 1
            previous = (e.from, e.to)
        }
        for u in 0..<positions.count { first[u + 1] += first[u] }
        firstOut = first; head = heads; weight = weights
    }

    /// The car graph of an OSM extract: every drivable way cut into segments between consecutive
    /// nodes (segments whose nodes are missing from the extract are dropped, as are self-loops),
    /// weights from the segment's great-circle length and the way's speed, restricted to the largest
    /// strongly connected component so that every point can reach every other one.
    public init(extract: OSMExtract, progress: DagrouteCore.Progress = .silent) throws {
        var index: [Int64: Int32] = [:]
        var positions: [GeoPoint] = [], ids: [Int64] = []
        var segments: [Segment] = []
        var missing = 0
        func node(_ ref: Int64) -> Int32? {
            if let u = index[ref] { return u }
            guard let k = extract.nodeIndex(ref) else { return nil }
            let u = Int32(positions.count)
            index[ref] = u
            positions.append(GeoPoint(lat: extract.latitudes[k], lon: extract.longitudes[k])); ids.append(ref)
            return u
        }
        for way in extract.ways {
            for (a, b) in zip(way.refs, way.refs.dropFirst()) where a != b {
                guard let u = node(a), let v = node(b) else { missing += 1; continue }
                let w = PathWeight.driving(metres: positions[Int(u)].greatCircleMetres(to: positions[Int(v)]), kmh: way.use.kmh)
                segments.append(Segment(from: u, to: v, forward: way.use.forward ? w : nil, backward: way.use.backward ? w : nil))
            }
        }
        guard !segments.isEmpty else {
            throw DagrouteError.input(file: "<road extract>", "expected drivable roads in the extract, found none (an empty or non-road extract)")
        }
        let full = RoadGraph(positions: positions, osmIds: ids, segments: segments)
        let kept = full.largestStronglyConnectedComponent()
        progress.say("car graph: \(full.nodeCount) nodes, \(full.edgeCount) edges; largest strongly connected component \(kept.nodeCount) nodes, \(kept.edgeCount) edges" + (missing > 0 ? "; \(missing) segments with nodes outside the extract dropped" : ""))
        self = kept
    }

    /// The subgraph induced by the largest strongly connected component (ties: the one holding
    /// the smallest node index). Nodes keep their relative order.
    public func largestStronglyConnectedComponent() -> RoadGraph {
        let component = StronglyConnectedComponents(self).component
        var size = [Int](repeating: 0, count: nodeCount)
        var firstNode = [Int](repeating: .max, count: nodeCount)
        for (u, c) in component.enumerated() { size[Int(c)] += 1; firstNode[Int(c)] = min(firstNode[Int(c)], u) }
        guard let best = size.indices.max(by: { (size[$0], -firstNode[$0]) < (size[$1], -firstNode[$1]) }) else { return self }
        var newIndex = [Int32](repeating: -1, count: nodeCount)
        var positions: [GeoPoint] = [], ids: [Int64] = []
        for u in 0..<nodeCount where component[u] == Int32(best) {
            newIndex[u] = Int32(positions.count)
            positions.append(position(u)); ids.append(osmIds[u])
        }
        let kept = segments.compactMap { s -> Segment? in
            let u = newIndex[Int(s.from)], v = newIndex[Int(s.to)]
            guard u >= 0, v >= 0 else { return nil }
            return Segment(from: u, to: v, forward: s.forward, backward: s.backward)
        }
        return RoadGraph(positions: positions, osmIds: ids, segments: kept)
    }
}
