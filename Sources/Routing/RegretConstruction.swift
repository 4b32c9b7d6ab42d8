import DagrouteCore

extension SearchState {
    /// Regret-2 insertion: repeatedly inserts the unassigned request whose best and second-best
    /// routes differ most in cost (ties: cheaper first, then lower index). Costs per request and
    /// route are cached; only the changed route (and a newly usable empty slot) is re-evaluated.
    /// Stops early, leaving the rest unassigned, once `shouldStop` returns true (time limit, Ctrl-C).
    func regretConstruction(shouldStop: () -> Bool = { false }) {
        let nSlots = routes.count
        var pending = unassigned
        guard !pending.isEmpty, nSlots > 0 else { return }
        let nReq = problem.requests.count
        var cache = [Double](repeating: .infinity, count: nReq * nSlots)
        var best1 = [Int](repeating: -1, count: nReq), best2 = best1
        var candidates: [InsertionMove] = []
        var active = [Bool](repeating: false, count: nSlots)
        var activeSlots: [Int] = []   // non-empty slots and the usable empty one of every type
        var noRng = SeededGenerator(seed: 0)
        func evaluate(_ q: Int, _ r: Int) {
            cache[q * nSlots + r] = active[r]
                ? (bestInsertion(of: q, routesToTry: [r], blink: 0, rng: &noRng, candidates: &candidates)?.delta ?? .infinity)
                : .infinity
        }
        func rank(_ q: Int) {
            var a = -1, b = -1
            var va = Double.infinity, vb = Double.infinity
            let base = q * nSlots
            for r in activeSlots {
                let v = cache[base + r]
                if v < va { b = a; vb = va; a = r; va = v } else if v < vb { b = r; vb = v }
            }
            best1[q] = a; best2[q] = b
        }
        var list: [Int] = []
        candidateRoutes(into: &list)
        for r in list { active[r] = true; activeSlots.append(r) }
        for q in pending { for r in list { evaluate(q, r) }; rank(q) }
        while !pending.isEmpty, !shouldStop() {
            var pick = -1, pickRegret = -Double.infinity, pickCost = Double.infinity
            for (k, q) in pending.enumerated() where best1[q] >= 0 {
                let c1 = cache[q * nSlots + best1[q]]
                let c2 = best2[q] >= 0 ? cache[q * nSlots + best2[q]] : Double.infinity
                let regret = c2.isFinite ? c2 - c1 : Double.greatestFiniteMagnitude
                if regret > pickRegret || (regret == pickRegret && c1 < pickCost) { pick = k; pickRegret = regret; pickCost = c1 }
            }
            if pick < 0 { break }
            let q = pending.remove(at: pick)
            let r = best1[q]
            guard let move = bestInsertion(of: q, routesToTry: [r], blink: 0, rng: &noRng, candidates: &candidates) else { break }
            let wasEmpty = routes[r].isEmpty
            insert(q, route: r, i: move.i, j: move.j)
            var changed = [r]
            if wasEmpty, let next = (r + 1..<nSlots).first(where: { slotType[$0] == slotType[r] && routes[$0].isEmpty }) {
                active[next] = true; activeSlots.append(next); changed.append(next)
            }
            for q2 in pending {
                for c in changed { evaluate(q2, c) }
                let touchedBest = changed.contains(best1[q2]) || changed.contains(best2[q2]) || best1[q2] < 0
                if touchedBest { rank(q2) } else {
                    for c in changed {
                        let v = cache[q2 * nSlots + c]
                        let v1 = cache[q2 * nSlots + best1[q2]]
                        let v2 = best2[q2] >= 0 ? cache[q2 * nSlots + best2[q2]] : .infinity
                        if v < v1 { best2[q2] = best1[q2]; best1[q2] = c } else if v < v2 { best2[q2] = c }
                    }
                }
            }
        }
    }
}
