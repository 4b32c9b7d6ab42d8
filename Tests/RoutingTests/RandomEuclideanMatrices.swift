import DagrouteCore
@testable import Routing

extension TravelMatrices {
    /// `count` random points on a 100 × 100 grid drawn from `rng` and their Euclidean matrices,
    /// truncated: distance in hundredths of a grid step, duration in tenths. The random problems of
    /// the routing tests are built on it.
    static func randomEuclidean(count: Int, rng: inout SeededGenerator) -> TravelMatrices {
        let pts = (0..<count).map { _ in (Double(rng.next() % 100), Double(rng.next() % 100)) }
        var dist = [Int](repeating: 0, count: count * count), time = dist
        for i in 0..<count { for j in 0..<count {
            let d = ((pts[i].0 - pts[j].0) * (pts[i].0 - pts[j].0) + (pts[i].1 - pts[j].1) * (pts[i].1 - pts[j].1)).squareRoot()
            dist[i * count + j] = Int(d * 100); time[i * count + j] = Int(d * 10)
        } }
        return TravelMatrices(count: count, distance: dist, duration: time)
    }
}
