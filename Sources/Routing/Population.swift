import DagrouteCore

/// A population of feasible plans for the VRPTW distance phase, managed as in HGS (Vidal et al.
/// 2012): parents are drawn by binary tournament on biased fitness (the rank by cost plus, weighted
/// by 1 − `elite`/size, the rank by diversity contribution: the mean broken-pairs distance to the
/// `closest` nearest members); once the population holds `minimumSize` + `generationSize` plans,
/// the worst by biased fitness go, clones first, until `minimumSize` remain.
struct Population {
    struct Member {
        /// Routes per vehicle slot (as `SearchState.routes`) and their total cost, euro cents.
        var slots: [[Int32]]
        var cost: Double
        /// The routes' stops concatenated in slot order.
        var tour: [Int32]
        /// Next and previous stop of every stop in its route (−1: the depot; −2: not routed).
        var successor: [Int32]
        var predecessor: [Int32]
        /// Biased fitness (lower is better), set by `updateFitness`.
        var fitness = 0.0
    }

    static let minimumSize = 12
    static let generationSize = 20
    static let closest = 4
    static let elite = 4

    private(set) var members: [Member] = []
    let stopCount: Int

    init(stopCount: Int) { self.stopCount = stopCount }

    /// Adds a feasible plan with every request served.
    mutating func add(slots: [[Int32]], cost: Double) {
        var successor = [Int32](repeating: -2, count: stopCount), predecessor = successor
        var tour: [Int32] = []
        for route in slots where !route.isEmpty {
            for (k, s) in route.enumerated() {
                predecessor[Int(s)] = k == 0 ? -1 : route[k - 1]
                successor[Int(s)] = k == route.count - 1 ? -1 : route[k + 1]
            }
            tour += route
        }
        members.append(Member(slots: slots, cost: cost, tour: tour, successor: successor, predecessor: predecessor))
        if members.count >= Self.minimumSize + Self.generationSize { selectSurvivors() }
    }

    /// Broken-pairs distance (0…1): the share of routed stops whose successor in `a` is neither
    /// their successor nor their predecessor in `b` (a route's direction does not count), plus
    /// those that start a route in `a` but neither start nor end one in `b`.
    func distance(_ a: Member, _ b: Member) -> Double {
        var broken = 0
        for s in a.tour {
            let i = Int(s), next = a.successor[i]
            if next != b.successor[i] && next != b.predecessor[i] { broken += 1 }
            if a.predecessor[i] == -1 && b.predecessor[i] != -1 && b.successor[i] != -1 { broken += 1 }
        }
        return Double(broken) / Double(max(1, a.tour.count))
    }

    /// Sets every member's biased fitness.
    mutating func updateFitness() {
        let n = members.count
        guard n > 1 else { if n == 1 { members[0].fitness = 0 }; return }
        var contribution = [Double](repeating: 0, count: n)
        var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in (i + 1)..<n { let x = distance(members[i], members[j]); d[i][j] = x; d[j][i] = x } }
        for i in 0..<n {
            let nearest = (0..<n).filter { $0 != i }.map { d[i][$0] }.sorted().prefix(Self.closest)
            contribution[i] = nearest.reduce(0, +) / Double(nearest.count)
        }
        // Ranks 0…1: by cost ascending, by contribution descending (ties by index).
        let byCost = (0..<n).sorted { (members[$0].cost, $0) < (members[$1].cost, $1) }
        let byDiversity = (0..<n).sorted { (-contribution[$0], $0) < (-contribution[$1], $1) }
        var costRank = [Double](repeating: 0, count: n), diversityRank = costRank
        for (r, i) in byCost.enumerated() { costRank[i] = Double(r) / Double(n - 1) }
        for (r, i) in byDiversity.enumerated() { diversityRank[i] = Double(r) / Double(n - 1) }
        let weight = 1 - Double(min(Self.elite, n)) / Double(n)
        for i in 0..<n { members[i].fitness = costRank[i] + weight * diversityRank[i] }
    }

    /// The better by biased fitness of two random members (fitness as last updated).
    func tournament(rng: inout SeededGenerator) -> Member {
        let a = Int(rng.next() % UInt64(members.count)), b = Int(rng.next() % UInt64(members.count))
        return members[a].fitness <= members[b].fitness ? members[a] : members[b]
    }

    /// Removes members until `minimumSize` remain: a clone (distance 0 to another member) first,
    /// the worst by biased fitness among them, otherwise the worst overall.
    mutating func selectSurvivors() {
        while members.count > Self.minimumSize {
            updateFitness()
            let n = members.count
            let clones = (0..<n).filter { i in (0..<n).contains { $0 != i && members[i].cost == members[$0].cost && distance(members[i], members[$0]) == 0 } }
            let candidates = clones.isEmpty ? Array(0..<n) : clones
            let worst = candidates.max { (members[$0].fitness, $0) < (members[$1].fitness, $1) }!
            members.remove(at: worst)
        }
        updateFitness()
    }
}
