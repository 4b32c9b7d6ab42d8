import DagrouteCore
import Foundation
import GLPK

/// Options of `AssignmentSolver.solve`.
public struct AssignmentParameters: Sendable {
    /// Wall-clock limit in seconds for GLPK (positive), nil for none.
    public var timeLimit: Double?
    /// Stop at this relative gap (0 = prove optimality).
    public var relativeGap: Double
    /// Hand a heuristic plan to GLPK as the first incumbent: the greedy/regret plan, or, when
    /// locations open or close, the LP-rounding plan if it is cheaper (`LPRounding`).
    public var warmStart: Bool

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, warmStart: Bool = true) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.warmStart = warmStart
    }
}

/// Client-to-location assignment as a GLPK MIP (DESIGN §4 "Assignment").
///
/// Variables: binary x(c, l) for allowed pairs only; u(c) ∈ [0, 1] unplaced slack; binary y(l) for
/// locations whose opening is decided (candidates, and open ones when they may close);
/// z(g, l) ∈ [0, 1] marking that group g has a member at l. Constraints: Σ_l x(c, l) + u(c) = 1;
/// per location and slot, the clients occupying the slot ≤ capacity (× y(l) when decided);
/// x(c, l) ≤ y(l) (the disaggregated links that make the LP bound tight: with them and the
/// long-step dual simplex, 2,000 clients × 60 locations with 20 candidates solve to optimality in
/// seconds; without them the gap stayed above 0.5 % after 30 s); x(c, l) ≤ z(g(c), l);
/// minOpen ≤ open locations ≤ maxOpen. Objective (euro cents per week): pair costs (travel +
/// move) + fixed costs + unplaced and cohesion penalties.
public enum AssignmentSolver {
    /// Solves the problem. Unplaced clients come back with their reason; an infeasible result is
    /// only possible when the open-location bounds cannot be met.
    /// - Throws: `GLPKError` for bad parameters (time limit, gap) or a GLPK failure.
    public static func solve(_ p: AssignmentProblem, parameters: AssignmentParameters = AssignmentParameters()) throws -> AssignmentPlan {
        let start = Date()
        let pairs = CandidatePairs(p)
        let decidable = p.locations.map { $0.status == .candidate || ($0.status == .open && p.options.mayCloseOpenLocations) }
        let built = try AssignmentModel(p, pairs, decidable: decidable)

        var warmStartCost: Double?
        // Without GLPK's MIP presolver (a warm start bypasses it anyway): its root LP uses the
        // primal simplex, many times slower on these models than the long-step dual.
        var mip = MIPParameters(timeLimit: parameters.timeLimit, relativeGap: parameters.relativeGap, presolve: false)
        var greedySeconds: Double?
        if let greedy = GreedyRegret(p, pairs, decidable: decidable) {
            warmStartCost = p.cost(locationOfClient: greedy.locationOfClient, open: greedy.open).total
            greedySeconds = Date().timeIntervalSince(start)
            if parameters.warmStart { mip.warmStart = built.point(greedy.locationOfClient, greedy.open) }
        }
        let rounding = RoundingRecord()
        if parameters.warmStart && decidable.contains(true) {
            let share = parameters.timeLimit.map { $0 * 0.25 }
            mip.rootHeuristic = { [built] relaxation in
                guard let rounded = try? LPRounding.plan(p, built, decidable: decidable, relaxation: relaxation, timeLimit: share) else { return nil }
                rounding.cost = p.cost(locationOfClient: rounded.locationOfClient, open: rounded.open).total
                return built.point(rounded.locationOfClient, rounded.open)
            }
        }
        if let limit = parameters.timeLimit { mip.timeLimit = max(0.1, limit - Date().timeIntervalSince(start)) }
        let s = try built.model.solveMIP(mip)
        if let cost = rounding.cost, cost < warmStartCost ?? .infinity { warmStartCost = cost }

        let noPairs = p.clients.indices.filter { pairs.byClient[$0].isEmpty }
        guard s.status.hasSolution else {
            return AssignmentPlan(status: s.status, locationOfClient: Array(repeating: nil, count: p.clients.count),
                                  open: Array(repeating: false, count: p.locations.count), unplaced: [], moved: [],
                                  cost: AssignmentCost(), bestBound: s.bestBound, warmStartCost: warmStartCost,
                                  seconds: Date().timeIntervalSince(start), secondsToFirstFeasible: nil)
        }
        let (locationOfClient, open) = built.decode(s)
        let unplaced = p.clients.indices.filter { locationOfClient[$0] == nil }.map {
            UnplacedClient(client: $0, reason: noPairs.contains($0) ? .noCompatibleLocationWithinRideLimit : .capacityExhausted)
        }
        let moved = p.clients.indices.filter {
            if let l = locationOfClient[$0], let current = p.clients[$0].currentLocation { return l != current }
            return false
        }
        return AssignmentPlan(status: s.status, locationOfClient: locationOfClient, open: open, unplaced: unplaced, moved: moved,
                              cost: p.cost(locationOfClient: locationOfClient, open: open), bestBound: s.bestBound,
                              warmStartCost: warmStartCost, seconds: Date().timeIntervalSince(start),
                              secondsToFirstFeasible: [parameters.warmStart ? greedySeconds : nil, s.secondsToFirstFeasible].compactMap { $0 }.min())
    }

    /// The MIP of a problem, e.g. to export it as MPS for another solver.
    public static func model(_ p: AssignmentProblem) throws -> Model {
        let pairs = CandidatePairs(p)
        let decidable = p.locations.map { $0.status == .candidate || ($0.status == .open && p.options.mayCloseOpenLocations) }
        return try AssignmentModel(p, pairs, decidable: decidable).model
    }
}

/// The GLPK model of an assignment problem and the maps between its variables and the plan.
struct AssignmentModel: Sendable {
    var model = Model(name: "assignment", sense: .minimize)
    /// `x[c]`: (location, variable) of each allowed pair of client c.
    var x: [[(location: Int, variable: Variable)]] = []
    /// Unplaced slack of each client that has at least one allowed pair.
    var u: [Variable?] = []
    /// Open variable of each decided location.
    var y: [Variable?] = []
    /// Group-at-location markers.
    var z: [[Int]: Variable] = [:]
    let problem: AssignmentProblem

    init(_ p: AssignmentProblem, _ pairs: CandidatePairs, decidable: [Bool]) throws {
        problem = p
        let penalty = Double(p.weights.unplacedPenalty.value)
        let days = Double(p.weights.openDaysPerWeek)
        var constant = 0.0
        for l in p.locations.indices {
            let fixed = Double(p.locations[l].fixedCostPerDay.value) * days
            if decidable[l] {
                y.append(try model.addVariable(.binary, objective: fixed, name: "open_\(l)"))
            } else {
                y.append(nil)
                if p.locations[l].status == .open { constant += fixed }
            }
        }
        // Per location: the clients allowed there and their pair variable.
        var clientsAt = [[(client: Int, x: Variable)]](repeating: [], count: p.locations.count)
        for c in p.clients.indices {
            let options = try pairs.byClient[c].map { pair in
                (location: pair.location, variable: try model.addVariable(.binary, objective: pair.cost))
            }
            x.append(options)
            for o in options { clientsAt[o.location].append((c, o.variable)) }
            if options.isEmpty {
                u.append(nil)
                constant += penalty
            } else {
                let slack = try model.addVariable(lower: 0, upper: 1, objective: penalty)
                u.append(slack)
                try model.addConstraint(options.map { ($0.variable, 1) } + [(slack, 1)], lower: 1, upper: 1)
            }
        }
        // Capacity per location and slot (only slots someone could occupy).
        for l in p.locations.indices where !clientsAt[l].isEmpty {
            for s in 0..<AttendanceSlot.count {
                let terms = clientsAt[l].filter { p.clients[$0.client].slots.contains(s) }.map { ($0.x, 1.0) }
                guard !terms.isEmpty else { continue }
                let cap = Double(p.locations[l].capacity[s])
                if let open = y[l] {
                    try model.addConstraint(terms + [(open, -cap)], upper: 0)
                } else if Double(terms.count) > cap {
                    try model.addConstraint(terms, upper: cap)
                }
            }
            if let open = y[l] {
                for pair in clientsAt[l] { try model.addConstraint([(pair.x, 1), (open, -1)], upper: 0) }
            }
        }
        // Number of open locations.
        let fixedOpen = p.locations.indices.filter { !decidable[$0] && p.locations[$0].status == .open }.count
        let decided = y.compactMap { $0 }
        if p.options.minOpen != nil || p.options.maxOpen != nil {
            let lo = p.options.minOpen.map { Double($0 - fixedOpen) } ?? -.infinity
            let hi = p.options.maxOpen.map { Double($0 - fixedOpen) } ?? .infinity
            try model.addConstraint(decided.map { ($0, 1) }, lower: lo, upper: hi, name: "open_count")
        }
        // Group cohesion.
        let groupPenalty = Double(p.weights.groupDestinationPenalty.value)
        for c in p.clients.indices {
            guard let g = p.clients[c].group else { continue }
            for o in x[c] {
                let key = [g, o.location]
                let marker: Variable
                if let existing = z[key] { marker = existing }
                else { marker = try model.addVariable(lower: 0, upper: 1, objective: groupPenalty); z[key] = marker }
                try model.addConstraint([(o.variable, 1), (marker, -1)], upper: 0)
            }
        }
        try model.setObjectiveConstant(constant)
    }

    func variable(_ c: Int, _ l: Int) -> Variable? { x[c].first { $0.location == l }?.variable }

    /// The model point of a plan (for the warm start).
    func point(_ locationOfClient: [Int?], _ open: [Bool]) -> [Double] {
        var v = [Double](repeating: 0, count: model.variableCount)
        for (c, l) in locationOfClient.enumerated() {
            if let l { v[variable(c, l)!.index] = 1 } else if let slack = u[c] { v[slack.index] = 1 }
        }
        for (l, isOpen) in open.enumerated() { if let open = y[l], isOpen { v[open.index] = 1 } }
        for (c, l) in locationOfClient.enumerated() {
            if let l, let g = problem.clients[c].group, let marker = z[[g, l]] { v[marker.index] = 1 }
        }
        return v
    }

    /// The plan of a solution.
    func decode(_ s: Solution) -> (locationOfClient: [Int?], open: [Bool]) {
        let locationOfClient = x.map { options in options.first { s[$0.variable] > 0.5 }?.location }
        let open = problem.locations.indices.map { l in
            if let v = y[l] { return s[v] > 0.5 }
            return problem.locations[l].status == .open
        }
        return (locationOfClient, open)
    }
}
