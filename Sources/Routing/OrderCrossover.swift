import DagrouteCore

/// Order crossover (OX) of two giant tours, as in HGS (Vidal 2012): the child keeps `first`'s stops
/// at positions `start…end` (cyclically, inclusive), and fills the other positions, from `end + 1`
/// on and wrapping around, with the stops `first`'s segment lacks in the order they follow in
/// `second` from its position `end + 1` on.
enum OrderCrossover {
    /// The child of `first` and `second` (permutations of the same stops, ids below `stopCount`).
    static func cross(_ first: [Int32], _ second: [Int32], start: Int, end: Int, stopCount: Int) -> [Int32] {
        let n = first.count
        precondition(second.count == n && (0..<n).contains(start) && (0..<n).contains(end))
        var child = [Int32](repeating: -1, count: n)
        var taken = [Bool](repeating: false, count: stopCount)
        var k = start
        while true {
            child[k] = first[k]; taken[Int(first[k])] = true
            if k == end { break }
            k = (k + 1) % n
        }
        var write = (end + 1) % n
        for step in 0..<n {
            let s = second[(end + 1 + step) % n]
            if taken[Int(s)] { continue }
            child[write] = s; write = (write + 1) % n
        }
        return child
    }

    /// A child from two random cut points.
    static func cross(_ first: [Int32], _ second: [Int32], stopCount: Int, rng: inout SeededGenerator) -> [Int32] {
        let n = UInt64(first.count)
        let start = Int(rng.next() % n)
        var end = Int(rng.next() % n)
        while first.count > 1 && end == start { end = Int(rng.next() % n) }
        return cross(first, second, start: start, end: end, stopCount: stopCount)
    }
}
