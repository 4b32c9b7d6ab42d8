import Foundation

extension RoadGraph {
    /// `nodes.csv`: `id,lat,lon` — `id` is the 0-based node index used by `edges.csv`, positions in
    /// WGS84 degrees with 7 decimals (OpenStreetMap's own precision).
    public func nodesCSV() -> Data {
        var out = "id,lat,lon\n"
        out.reserveCapacity(nodeCount * 28)
        for u in 0..<nodeCount {
            out += "\(u)," + String(format: "%.7f,%.7f", latitudes[u], longitudes[u]) + "\n"
        }
        return Data(out.utf8)
    }

    /// `edges.csv`: `from,to,seconds,metres` — one line per directed edge, seconds with 3 decimals
    /// (the graph's millisecond weights exactly) and metres with 2 decimals (centimetres exactly).
    public func edgesCSV() -> Data {
        var out = "from,to,seconds,metres\n"
        out.reserveCapacity(edgeCount * 32)
        func fixed(_ v: UInt64, _ scale: UInt64, _ digits: Int) -> String {
            let fraction = String(v % scale)
            return "\(v / scale)." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        for u in 0..<nodeCount {
            for e in Int(firstOut[u])..<Int(firstOut[u + 1]) {
                let w = weight[e]
                out += "\(u),\(head[e]),\(fixed(PathWeight.milliseconds(w), 1000, 3)),\(fixed(PathWeight.centimetres(w), 100, 2))\n"
            }
        }
        return Data(out.utf8)
    }
}
