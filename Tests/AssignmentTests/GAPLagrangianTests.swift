@testable import Assignment
import DagrouteCore
import Formats
import GLPK
import SharedInstances
import XCTest

/// The Lagrangian machinery of the GAP engine: `Knapsack` against enumeration, `GAPLagrangian`'s
/// bound between the LP bound and the known optimum on OR-Library problems, its fixing never
/// removing the optimal assignment, and `GAPLagrangianBranching` against enumeration.
final class GAPLagrangianTests: XCTestCase {
    /// Best knapsack value over every subset (optionally with one item forced in or out).
    func bruteForceKnapsack(_ k: Knapsack, forcedIn: Int? = nil, forcedOut: Int? = nil) -> Double {
        var best = -Double.infinity
        for mask in 0..<(1 << k.profit.count) {
            if let f = forcedIn, mask & (1 << f) == 0 { continue }
            if let f = forcedOut, mask & (1 << f) != 0 { continue }
            var (w, p) = (0, 0.0)
            for t in k.profit.indices where mask & (1 << t) != 0 { w += k.weight[t]; p += k.profit[t] }
            if w <= k.capacity { best = max(best, p) }
        }
        return best
    }

    func testKnapsackEqualsEnumerationWithAndWithoutForcedItems() {
        var rng = SeededGenerator(seed: 11)
        for case_ in 0..<300 {
            let n = Int.random(in: 0...9, using: &rng)
            let k = Knapsack(profit: (0..<n).map { _ in Double(Int.random(in: -20...40, using: &rng)) / 4 },
                             weight: (0..<n).map { _ in Int.random(in: 0...15, using: &rng) },
                             capacity: Int.random(in: 0...40, using: &rng))
            let name = "case \(case_): \(k)"
            let (value, chosen) = k.solve()
            XCTAssertEqual(value, bruteForceKnapsack(k), accuracy: 1e-9, name)
            // The chosen items fit and are worth the value.
            XCTAssertLessThanOrEqual(k.weight.indices.filter { chosen[$0] }.reduce(0) { $0 + k.weight[$1] }, k.capacity, name)
            XCTAssertEqual(k.profit.indices.filter { chosen[$0] }.reduce(0) { $0 + k.profit[$1] }, value, accuracy: 1e-9, name)
            let forced = k.forcedValues()
            for t in 0..<n {
                XCTAssertEqual(forced.forcedOut[t], bruteForceKnapsack(k, forcedOut: t), accuracy: 1e-9, name)
                let inValue = bruteForceKnapsack(k, forcedIn: t)
                if inValue == -.infinity { XCTAssertEqual(forced.forcedIn[t], -.infinity, name) }
                else { XCTAssertEqual(forced.forcedIn[t], inValue, accuracy: 1e-9, name) }
            }
        }
    }

    /// The plain in-place recursion over one table row per item (the textbook dynamic programme):
    /// the value, the items it takes (an item only when strictly better) and the forced values.
    func plainKnapsack(_ k: Knapsack) -> (value: Double, chosen: [Bool], forcedIn: [Double], forcedOut: [Double]) {
        let (n, width) = (k.profit.count, k.capacity + 1)
        var table = [[Double]](repeating: [Double](repeating: 0, count: width), count: n + 1)
        var suffix = table
        var take = [[Bool]](repeating: [Bool](repeating: false, count: width), count: n)
        for t in 0..<n {
            for r in 0..<width {
                table[t + 1][r] = table[t][r]
                if k.profit[t] > 0, k.weight[t] <= r, table[t][r - k.weight[t]] + k.profit[t] > table[t][r] {
                    table[t + 1][r] = table[t][r - k.weight[t]] + k.profit[t]; take[t][r] = true
                }
            }
        }
        for t in stride(from: n - 1, through: 0, by: -1) {
            for r in 0..<width {
                suffix[t][r] = suffix[t + 1][r]
                if k.profit[t] > 0, k.weight[t] <= r { suffix[t][r] = max(suffix[t][r], suffix[t + 1][r - k.weight[t]] + k.profit[t]) }
            }
        }
        var chosen = [Bool](repeating: false, count: n), r = k.capacity
        for t in stride(from: n - 1, through: 0, by: -1) where take[t][r] { chosen[t] = true; r -= k.weight[t] }
        func split(_ t: Int, _ room: Int) -> Double { (0...room).map { table[t][$0] + suffix[t + 1][room - $0] }.max()! }
        return (table[n][k.capacity], chosen, (0..<n).map { k.weight[$0] <= k.capacity ? k.profit[$0] + split($0, k.capacity - k.weight[$0]) : -.infinity },
                (0..<n).map { split($0, k.capacity) })
    }

    /// Both row kernels (`SIMD4` and unrolled scalar) and the skipped capacities change nothing:
    /// on knapsacks of the size of gapd's (up to 60 items of weight 1–100, capacities up to 500; weight 0 is covered above)
    /// value, chosen items and forced values equal the plain recursion's exactly.
    func testKnapsackEqualsThePlainRecursionOnLargerKnapsacks() {
        var rng = SeededGenerator(seed: 12)
        for case_ in 0..<60 {
            let n = Int.random(in: 1...60, using: &rng)
            let k = Knapsack(profit: (0..<n).map { _ in Double(Int.random(in: -400...900, using: &rng)) / 7 },
                             weight: (0..<n).map { _ in Int.random(in: 1...100, using: &rng) },
                             capacity: Int.random(in: 0...500, using: &rng))
            let plain = plainKnapsack(k)
            for vectorised in [false, true] {
                let name = "case \(case_), vectorised \(vectorised)"
                let fast = k.solve(vectorised: vectorised), forced = k.forcedValues(vectorised: vectorised)
                XCTAssertEqual(fast.value, plain.value, name)
                XCTAssertEqual(fast.chosen, plain.chosen, name)
                XCTAssertEqual(forced.forcedIn, plain.forcedIn, name)
                XCTAssertEqual(forced.forcedOut, plain.forcedOut, name)
            }
        }
    }

    /// The ascent's evaluation (`GAPLagrangian.bound`, on one reused `KnapsackWorkspace`) equals
    /// `evaluate` exactly — bound and how many knapsacks take each job — on gapd#5 with random pair
    /// sets (some jobs left with one pair, i.e. forced; some agents with no pair) and random
    /// multipliers, and on an infeasible pair set.
    func testAscentEvaluationEqualsEvaluate() throws {
        let (_, p) = try gap("gapd", 5, .minimize)
        let (m, n) = (p.agents, p.jobs)
        var rng = SeededGenerator(seed: 13)
        let workspace = KnapsackWorkspace()
        var checked = 0
        for case_ in 0..<40 {
            var allowed = (0..<m).flatMap { i in (0..<n).map { p.resource[i][$0] <= p.capacity[i] } }
            let keep = Double.random(in: 0.05...1, using: &rng)
            for k in allowed.indices where Double.random(in: 0...1, using: &rng) > keep { allowed[k] = false }
            if case_ % 5 == 0 { for j in 0..<n { allowed[(case_ / 5 % m) * n + j] = false } }
            guard let lagrangian = GAPLagrangian(p, allowed: allowed) else { XCTFail("case \(case_)"); continue }
            var chosen = [Bool](repeating: false, count: max(1, lagrangian.jobsOf.map(\.count).max() ?? 0))
            var timesChosen = [Int](repeating: -1, count: n)
            for _ in 0..<5 {
                let u = (0..<n).map { _ in Double(Int.random(in: 0...4_000, using: &rng)) / 40 }
                let e = lagrangian.evaluate(u)
                let bound = lagrangian.bound(u, workspace: workspace, chosen: &chosen, timesChosen: &timesChosen)
                if lagrangian.infeasible { XCTAssertEqual(e.bound, .infinity, "case \(case_)"); continue }
                XCTAssertEqual(bound, e.bound, "case \(case_)")
                XCTAssertEqual(timesChosen, e.timesChosen, "case \(case_)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func gap(_ file: String, _ index: Int, _ sense: Sense) throws -> (ORLibraryGAPProblem, GeneralizedAssignmentProblem) {
        let f = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/\(file).txt"))[index - 1]
        return (f, GeneralizedAssignmentProblem(cost: f.cost.map { $0.map(Double.init) }, resource: f.resource.map { $0.map(Double.init) },
                                                capacity: f.capacity.map(Double.init), sense: sense))
    }

    /// On real problems: LP bound ≤ Lagrangian bound ≤ known optimum; fixing at the optimum keeps
    /// an optimal assignment's pairs, and the branching answers "yes" at the optimum and "no" one below.
    func testLagrangianBoundFixingAndBranchingOnORLibraryProblems() throws {
        for (file, k, sense, family) in [("gap1", 1, Sense.minimize, "gap_min"), ("gap1", 2, .maximize, "gap_max"),
                                         ("gapc", 1, .minimize, "gap_min"), ("gapa", 1, .minimize, "gap_min")] {
            let name = "\(file)#\(k) \(sense)"
            let (f, p) = try gap(file, k, sense)
            let known = try XCTUnwrap(SharedInstances.value(family, "\(file)#\(k)"), name)
            let sign = sense == .minimize ? 1.0 : -1.0
            let allowed = (0..<p.agents).flatMap { i in (0..<p.jobs).map { p.resource[i][$0] <= p.capacity[i] } }
            let lp = try GeneralizedAssignment.model(p, allowed: allowed).model.solveLP(LPParameters(presolve: false, dualSimplex: true))
            let lagrangian = try XCTUnwrap(GAPLagrangian(p, allowed: allowed), name)
            let ascent = lagrangian.ascend(from: (0..<p.jobs).map { sign * lp.duals[$0] }, upperBound: nil, integral: true,
                                           iterations: 300, deadline: nil)
            XCTAssertGreaterThanOrEqual(ascent.bound, sign * lp.objective! - 1e-6, name)
            XCTAssertLessThanOrEqual(ascent.bound, sign * known + 1e-6, name)

            // An optimal assignment (the engine's, re-checked from the file) survives fixing at the optimum.
            let r = try GeneralizedAssignment.solve(p, parameters: MIPParameters(timeLimit: 60))
            let optimal = try XCTUnwrap(r.agentOfJob, name)
            let check = checkedGAPObjective(f, optimal)
            XCTAssertEqual(check.violations, [], name)
            XCTAssertEqual(Double(check.objective), known, name)
            let pairBound = lagrangian.pairBounds(ascent.multipliers)
            for (j, i) in optimal.enumerated() { XCTAssertLessThanOrEqual(pairBound[i * p.jobs + j], sign * known + 1e-6, name) }
            var u = ascent.multipliers, evaluations = 0
            let kept = try XCTUnwrap(GAPLagrangianBranching.reduce(p, kept: allowed, limit: sign * known, multipliers: &u,
                                                                   integral: true, evaluations: &evaluations)?.kept, name)
            for (j, i) in optimal.enumerated() { XCTAssertTrue(kept[i * p.jobs + j], name) }
            XCTAssertLessThan(kept.filter { $0 }.count, allowed.filter { $0 }.count, "fixing removes pairs on \(name)")

            var branching = GAPLagrangianBranching(p, integral: true, deadline: nil, maximumNodes: 20_000)
            guard case .found(let a) = branching.search(kept: allowed, limit: sign * known, multipliers: ascent.multipliers) else {
                return XCTFail("no assignment at the optimum of \(name)")
            }
            let found = checkedGAPObjective(f, a)
            XCTAssertEqual(found.violations, [], name)
            XCTAssertEqual(Double(found.objective), known, name)
            XCTAssertEqual(branching.search(kept: allowed, limit: sign * known - 1, multipliers: ascent.multipliers), .none, name)
        }
    }

    /// `GAPLagrangianBranching` on tiny random problems against enumeration: "yes" at the optimum
    /// with an assignment worth at most it, "no" one below it and on infeasible problems.
    func testBranchingEqualsEnumerationOnTinyRandomProblems() {
        var rng = SeededGenerator(seed: 5)
        for case_ in 0..<200 {
            let m = Int.random(in: 1...3, using: &rng), n = Int.random(in: 1...7, using: &rng)
            let cost = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...30, using: &rng)) } }
            let resource = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...12, using: &rng)) } }
            let capacity = (0..<m).map { i in (resource[i].reduce(0, +) * Double.random(in: 0.2...0.9, using: &rng)).rounded() }
            let p = GeneralizedAssignmentProblem(cost: cost, resource: resource, capacity: capacity, sense: .minimize)
            let name = "case \(case_): \(p)"
            // Enumeration.
            var optimum = Double.infinity
            func visit(_ j: Int, _ load: [Double], _ value: Double) {
                if j == n { optimum = min(optimum, value); return }
                for i in 0..<m where load[i] + resource[i][j] <= capacity[i] {
                    var l = load; l[i] += resource[i][j]
                    visit(j + 1, l, value + cost[i][j])
                }
            }
            visit(0, [Double](repeating: 0, count: m), 0)
            let allowed = (0..<m).flatMap { i in (0..<n).map { resource[i][$0] <= capacity[i] } }
            guard GAPLagrangian(p, allowed: allowed) != nil else { return XCTFail(name) }
            let start = [Double](repeating: 0, count: n)
            var branching = GAPLagrangianBranching(p, integral: true, deadline: nil)
            guard optimum.isFinite else {
                XCTAssertEqual(branching.search(kept: allowed, limit: 1e6, multipliers: start), .none, name)
                continue
            }
            guard case .found(let a) = branching.search(kept: allowed, limit: optimum, multipliers: start) else {
                XCTFail("no assignment at the optimum: \(name)"); continue
            }
            var load = [Double](repeating: 0, count: m)
            for (j, i) in a.enumerated() { load[i] += resource[i][j] }
            XCTAssertTrue((0..<m).allSatisfy { load[$0] <= capacity[$0] }, name)
            XCTAssertEqual(a.enumerated().reduce(0) { $0 + cost[$1.element][$1.offset] }, optimum, name)
            XCTAssertEqual(branching.search(kept: allowed, limit: optimum - 1, multipliers: start), .none, name)
        }
    }
}
