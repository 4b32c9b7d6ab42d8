import DagrouteCore
import Foundation

/// Where a point meets the road network: a position on one segment and how to get from the point
/// onto the graph (departures) and from the graph to the point (arrivals).
public struct SnappedPoint: Sendable, Equatable {
    /// A graph node and the `PathWeight` between it and the snapped position.
    public struct Anchor: Sendable, Equatable {
        public var node: Int32
        public var weight: UInt64
    }

    /// The segment index in `RoadGraph.segments`.
    public let segment: Int
    /// Position along the segment, 0 at its `from` node, 1 at its `to` node.
    public let fraction: Double
    /// The snapped position on the segment.
    public let position: GeoPoint
    /// Great-circle distance in metres from the original point to `position`.
    public let snapMetres: Double
    /// Nodes reachable from the snapped position along its segment, with the weight to reach them.
    public let departures: [Anchor]
    /// Nodes from which the snapped position is reached along its segment, with that weight.
    public let arrivals: [Anchor]
    /// Weight from the segment's `from` node to the position, driving forward (nil: not allowed).
    let forwardOffset: UInt64?
    /// Weight from the segment's `to` node to the position, driving backward (nil: not allowed).
    let backwardOffset: UInt64?

    /// `coincident` lists further graph nodes at `position` (within a millimetre): endpoints of
    /// other segments equally near, such as a second OSM node drawn on the same spot.
    init(graph: RoadGraph, segment index: Int, fraction f: Double, position: GeoPoint, snapMetres: Double,
         coincident: [Int32] = []) {
        let s = graph.segments[index]
        segment = index; fraction = f; self.position = position; self.snapMetres = snapMetres
        forwardOffset = s.forward.map { PathWeight.fraction($0, f) }
        backwardOffset = s.backward.map { PathWeight.fraction($0, 1 - f) }
        var departures: [Anchor] = [], arrivals: [Anchor] = []
        if let w = s.forward, let off = forwardOffset {
            departures.append(Anchor(node: s.to, weight: w - off)); arrivals.append(Anchor(node: s.from, weight: off))
        }
        if let w = s.backward, let off = backwardOffset {
            departures.append(Anchor(node: s.from, weight: w - off)); arrivals.append(Anchor(node: s.to, weight: off))
        }
        // A position on a node (within a millimetre) reaches and is reached through every edge of it.
        for node in [s.from, s.to] + coincident where position.greatCircleMetres(to: graph.position(Int(node))) < 0.001 {
            departures.append(Anchor(node: node, weight: 0)); arrivals.append(Anchor(node: node, weight: 0))
        }
        func lightest(_ anchors: [Anchor]) -> [Anchor] {
            var best: [Int32: UInt64] = [:]
            for a in anchors { best[a.node] = min(best[a.node] ?? .max, a.weight) }
            return best.keys.sorted().map { Anchor(node: $0, weight: best[$0]!) }
        }
        self.departures = lightest(departures); self.arrivals = lightest(arrivals)
    }

    /// The weight of driving straight along a shared segment from `self` to `target`, when both lie
    /// on the same segment and its direction allows it; nil otherwise.
    public func direct(to target: SnappedPoint) -> UInt64? {
        guard segment == target.segment else { return nil }
        var best: UInt64?
        if let a = forwardOffset, let b = target.forwardOffset, fraction <= target.fraction, b >= a {
            best = b - a
        }
        if let a = backwardOffset, let b = target.backwardOffset, fraction >= target.fraction, b >= a {
            best = min(best ?? .max, b - a)
        }
        return best
    }
}

/// A uniform grid over the road segments for nearest-segment queries. Distances are measured in a
/// local equirectangular projection around the graph's mean latitude (accurate to well below a
/// metre over a region).
public struct SegmentIndex: Sendable {
    let graph: RoadGraph
    let lat0: Double, lon0: Double, xScale: Double, yScale: Double
    let cellSize: Double
    let columns: Int, rows: Int
    let minX: Double, minY: Double
    let cellStart: [Int32], cellSegments: [Int32]

    /// Indexes every segment of `graph` in cells of `cellMetres` metres.
    public init(_ graph: RoadGraph, cellMetres: Double = 250) {
        self.graph = graph
        let n = max(1, graph.nodeCount)
        lat0 = graph.latitudes.reduce(0, +) / Double(n)
        lon0 = graph.longitudes.reduce(0, +) / Double(n)
        yScale = GeoPoint.earthRadiusMetres * Double.pi / 180
        xScale = yScale * cos(lat0 * Double.pi / 180)
        cellSize = cellMetres
        var xs = [Double](), ys = [Double]()
        for u in 0..<graph.nodeCount {
            xs.append((graph.longitudes[u] - lon0) * xScale); ys.append((graph.latitudes[u] - lat0) * yScale)
        }
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        let columns = Int(((xs.max() ?? 0) - minX) / cellMetres) + 1
        let rows = Int(((ys.max() ?? 0) - minY) / cellMetres) + 1
        self.minX = minX; self.minY = minY; self.columns = columns; self.rows = rows
        var count = [Int32](repeating: 0, count: columns * rows + 1)
        func cells(_ s: RoadGraph.Segment, _ body: (Int) -> Void) {
            let a = Int(s.from), b = Int(s.to)
            let c0 = Int((min(xs[a], xs[b]) - minX) / cellMetres), c1 = Int((max(xs[a], xs[b]) - minX) / cellMetres)
            let r0 = Int((min(ys[a], ys[b]) - minY) / cellMetres), r1 = Int((max(ys[a], ys[b]) - minY) / cellMetres)
            for r in r0...r1 { for c in c0...c1 { body(r * columns + c) } }
        }
        for s in graph.segments { cells(s) { count[$0 + 1] += 1 } }
        for k in 0..<(columns * rows) { count[k + 1] += count[k] }
        var fill = count
        var members = [Int32](repeating: 0, count: Int(count[columns * rows]))
        for (k, s) in graph.segments.enumerated() {
            cells(s) { members[Int(fill[$0])] = Int32(k); fill[$0] += 1 }
        }
        cellStart = count; cellSegments = members
    }

    /// The nearest point on any segment within `radius` metres of `point` (ties: the lowest segment
    /// index), or nil when no segment is that close.
    public func snap(_ point: GeoPoint, radius: Double) -> SnappedPoint? {
        let px = (point.lon - lon0) * xScale, py = (point.lat - lat0) * yScale
        let c0 = max(0, Int(((px - radius - minX) / cellSize).rounded(.down)))
        let c1 = min(columns - 1, Int(((px + radius - minX) / cellSize).rounded(.down)))
        let r0 = max(0, Int(((py - radius - minY) / cellSize).rounded(.down)))
        let r1 = min(rows - 1, Int(((py + radius - minY) / cellSize).rounded(.down)))
        guard c0 <= c1, r0 <= r1 else { return nil }
        /// Calls `body(segment, distance, fraction)` for every segment in the cells around the point.
        func scan(_ body: (Int, Double, Double) -> Void) {
            for r in r0...r1 {
                for c in c0...c1 {
                    for k in Int(cellStart[r * columns + c])..<Int(cellStart[r * columns + c + 1]) {
                        let index = Int(cellSegments[k])
                        let s = graph.segments[index]
                        let ax = (graph.longitudes[Int(s.from)] - lon0) * xScale, ay = (graph.latitudes[Int(s.from)] - lat0) * yScale
                        let bx = (graph.longitudes[Int(s.to)] - lon0) * xScale, by = (graph.latitudes[Int(s.to)] - lat0) * yScale
                        let dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy
                        let f = length2 > 0 ? min(1, max(0, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0
                        let ex = ax + f * dx - px, ey = ay + f * dy - py
                        body(index, (ex * ex + ey * ey).squareRoot(), f)
                    }
                }
            }
        }
        var best: (distance: Double, segment: Int, fraction: Double)?
        scan { index, d, f in
            if d <= radius, best.map({ (d, index) < ($0.distance, $0.segment) }) ?? true { best = (d, index, f) }
        }
        guard let best else { return nil }
        let s = graph.segments[best.segment]
        let a = graph.position(Int(s.from)), b = graph.position(Int(s.to))
        var position = GeoPoint(lat: a.lat + best.fraction * (b.lat - a.lat), lon: a.lon + best.fraction * (b.lon - a.lon))
        if best.fraction == 0 { position = a } else if best.fraction == 1 { position = b }
        // Nodes of other, equally near segments that sit on the same spot.
        var coincident: [Int32] = []
        scan { index, d, _ in
            guard index != best.segment, d <= best.distance + 0.001 else { return }
            let t = graph.segments[index]
            coincident += [t.from, t.to]
        }
        return SnappedPoint(graph: graph, segment: best.segment, fraction: best.fraction, position: position,
                            snapMetres: point.greatCircleMetres(to: position), coincident: coincident)
    }
}
