import DagrouteCore
import Dispatch
import Foundation
import Instance
import Routing

/// How `ScenarioRunner` spends its time.
public struct RunOptions: Sendable {
    /// Wall-clock budget of the whole run in seconds (assignments and all routing problems). The
    /// routing stops `outputReserve` before it, so that writing the outputs fits within it too.
    public var timeLimit: Double
    /// Seconds kept free at the end of `timeLimit` for writing outputs: 5 % of it, at most 3 s.
    public var outputReserve: Double { min(3, 0.05 * timeLimit) }
    /// Seed of the routing searches; each problem gets its own seed derived from it and its position.
    public var seed: UInt64
    /// Routing problems solved at the same time, one thread each (≥ 1).
    public var threads: Int
    /// Ruin-and-recreate iterations per ride and problem; the search stops at this budget or at its
    /// share of the time limit, whichever comes first (with the iteration budget binding, results are
    /// the same for a seed whatever the thread count).
    public var iterationsPerRide: Int
    /// Relative MIP gap of the assignment model.
    public var assignmentGap: Double
    /// Weekdays to plan.
    public var days: [Weekday]

    public init(timeLimit: Double = 50, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                iterationsPerRide: Int = 40, assignmentGap: Double = 0, days: [Weekday] = Weekday.workingDays) {
        self.timeLimit = timeLimit; self.seed = seed; self.threads = max(1, threads)
        self.iterationsPerRide = iterationsPerRide; self.assignmentGap = assignmentGap; self.days = days
    }
}

/// Everything one scenario produced: plain values for writers and reports.
public struct ScenarioResult: Sendable {
    public let spec: ScenarioSpec
    public let assignment: CareAssignment
    /// One plan per planned weekday, in weekday order.
    public let days: [DayPlan]
    public let kpis: ScenarioKPIs
    /// Weekdays whose routes are the status quo's union of provider routes, kept because the
    /// pooled search found nothing cheaper on the same locations (pooling can reproduce them
    /// whenever together they need no more hired vehicles than the pool has).
    public let daysFromStatusQuo: [Weekday]
}

/// Runs scenarios: assignment per scenario, then every (scenario, weekday, wave, fleet) routing
/// problem on `threads` workers within the shared time budget.
public enum ScenarioRunner {
    public static func run(_ instance: Instance, scenarios: [ScenarioSpec], options: RunOptions = RunOptions(),
                           table: TravelTable? = nil, progress: DagrouteCore.Progress = .silent) throws -> [ScenarioResult] {
        let started = Date()
        let deadline = started.addingTimeInterval(options.timeLimit - options.outputReserve)
        let table = table ?? TravelTable(instance)
        progress.say("travel table: \(table.points.count) points (\(table.sourceDescription))")

        var assignments: [CareAssignment] = []
        for spec in scenarios {
            let left = max(0.5, deadline.timeIntervalSinceNow)
            let a = try CareAssignmentBuilder.solve(instance, spec, table: table, timeLimit: max(0.5, left * 0.1), gap: options.assignmentGap)
            progress.say("\(spec.name): assignment \(a.status), \(a.moved.count) moved, \(a.waiting.count) waiting")
            assignments.append(a)
        }

        var jobs: [Job] = []
        for (s, spec) in scenarios.enumerated() {
            for day in options.days {
                for wave in TripWave.allCases {
                    for fleet in fleets(instance, spec) {
                        let rides = WaveProblem.rides(instance, assignments[s], spec, table, day: day, wave: wave) {
                            fleet.provider == nil || instance.locations[$0].provider == fleet.provider
                        }
                        if rides.isEmpty { continue }
                        jobs.append(Job(scenario: s, provider: fleet.provider,
                                        problem: try WaveProblem(instance, table, day: day, wave: wave, rides: rides, rows: fleet.rows),
                                        label: "\(spec.name) \(day.rawValue) \(wave.rawValue)" + (fleet.provider.map { " \($0)" } ?? "")))
                    }
                }
            }
        }
        // Day by day (most rides first: `dayOrder`) and wave by wave (in `TripWave.couplingOrder`)
        // across scenarios, so that an overrun early on squeezes every scenario alike rather than
        // the last ones.
        let days = dayOrder(jobs, options.days)
        let key = { (j: Job) in days.firstIndex(of: j.problem.day)! * 10 + TripWave.couplingOrder.firstIndex(of: j.problem.wave)! }
        jobs = jobs.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(\.element)
        for j in jobs.indices {
            let earlier = jobs[j].problem.wave.earlierInCoupling
            jobs[j].earlier = jobs.indices.filter {
                jobs[$0].scenario == jobs[j].scenario && jobs[$0].provider == jobs[j].provider
                    && jobs[$0].problem.day == jobs[j].problem.day && earlier.contains(jobs[$0].problem.wave)
            }
        }
        let bases = warmStartBases(scenarios)
        for j in jobs.indices {
            guard let b = bases[jobs[j].scenario] else { continue }
            guard let i = jobs.firstIndex(where: { $0.scenario == b && $0.problem.day == jobs[j].problem.day && $0.problem.wave == jobs[j].problem.wave }) else { continue }
            if jobs[j].problem.shareOfSameRides(as: jobs[i].problem) >= warmStartShare { jobs[j].base = i }
        }
        for j in jobs.indices where jobs[j].base == nil { jobs[j].base = crossDayBase(of: j, in: jobs) }
        let plans = solve(jobs, instance: instance, table: table, options: options, deadline: deadline, progress: progress)

        var results: [ScenarioResult] = []
        for (s, spec) in scenarios.enumerated() {
            var days: [DayPlan] = []
            for day in options.days {
                let waves = TripWave.allCases.map { wave in
                    var merged = WavePlan(day: day, wave: wave, routes: [], rides: [], unrouted: [])
                    for (j, job) in jobs.enumerated() where job.scenario == s && job.problem.day == day && job.problem.wave == wave {
                        merged.routes += plans[j].routes; merged.rides += plans[j].rides; merged.unrouted += plans[j].unrouted
                    }
                    merged.rides.sort { ($0.client, $0.inbound ? 0 : 1) < ($1.client, $1.inbound ? 0 : 1) }
                    merged.routes = numbered(merged.routes)
                    return merged
                }
                days.append(DayPlan(day: day, waves: waves))
            }
            // Pooling can always drive the status quo's routes: keep them for a day when cheaper.
            var fromStatusQuo: [Weekday] = []
            if spec.transport == .pooled, let q = scenarios.firstIndex(where: { $0.transport == .perProvider }),
               q < results.count, results[q].assignment.locationOfClient == assignments[s].locationOfClient,
               scenarios[q].rideTime == spec.rideTime {
                for d in days.indices {
                    let day = days[d].day, mine = days[d], theirs = results[q].days[d]
                    let unroutedMine = mine.waves.reduce(0) { $0 + $1.unrouted.count }, unroutedTheirs = theirs.waves.reduce(0) { $0 + $1.unrouted.count }
                    if ScenarioRunner.withinFleet(theirs, instance), (unroutedTheirs, dayCost(theirs, fleet: instance.fleet)) < (unroutedMine, dayCost(mine, fleet: instance.fleet)) {
                        days[d] = theirs; fromStatusQuo.append(day)
                    }
                }
            }
            if !fromStatusQuo.isEmpty {
                progress.say("\(spec.name): keeps the status quo's routes on \(fromStatusQuo.map(\.rawValue).joined(separator: ", ")) (cheaper than the pooled search found)")
            }
            if spec.transport == .perProvider, let over = days.first(where: { !ScenarioRunner.withinFleet($0, instance) }) {
                progress.say("\(spec.name): on \(over.day.rawValue) the providers together hire more pool vehicles in one wave than the pool has (hired vans stand for taxis from the market)")
            }
            let kpis = ScenarioKPIs(name: spec.name, instance: instance, table: table, assignment: assignments[s], days: days)
            progress.say(String(format: "%@: € %.0f per day, %d vehicles at peak, %.1f vehicle hours per week", spec.name, kpis.costEurPerDay, kpis.peakVehicles, kpis.vehicleHoursPerWeek))
            results.append(ScenarioResult(spec: spec, assignment: assignments[s], days: days, kpis: kpis, daysFromStatusQuo: fromStatusQuo))
        }
        return results
    }

    /// The fleets of a scenario. Pooled: every row of `fleet.csv` as one regional fleet.
    /// Per provider: each provider plans its own clients alone with its own rows plus the regional
    /// pool's rows (provider empty) as hired vehicles — providers hire taxis when their own vans do
    /// not suffice, but never share a ride with another provider.
    static func fleets(_ instance: Instance, _ spec: ScenarioSpec) -> [(provider: String?, rows: [Int])] {
        switch spec.transport {
        case .pooled: return [(nil, Array(instance.fleet.indices))]
        case .perProvider:
            return instance.providers.map { p in (p, instance.fleet.indices.filter { instance.fleet[$0].provider == p || instance.fleet[$0].provider == nil }) }
        }
    }

    /// The routes with vehicles numbered `<row>/1`, `<row>/2`, … per fleet row across the whole wave
    /// (hired pool vehicles of several providers are distinct vehicles).
    static func numbered(_ routes: [VehicleRoute]) -> [VehicleRoute] {
        var next: [String: Int] = [:]
        return routes.map { r in
            next[r.fleetRow, default: 0] += 1
            return VehicleRoute(vehicle: "\(r.fleetRow)/\(next[r.fleetRow]!)", fleetRow: r.fleetRow, day: r.day, wave: r.wave, stops: r.stops)
        }
    }

    /// True when `plan` uses no fleet row more often in one wave than it has vehicles.
    static func withinFleet(_ plan: DayPlan, _ instance: Instance) -> Bool {
        let count = Dictionary(uniqueKeysWithValues: instance.fleet.map { ($0.id, $0.count) })
        return plan.waves.allSatisfy { wave in
            Dictionary(grouping: wave.routes, by: \.fleetRow).allSatisfy { $0.value.count <= count[$0.key] ?? 0 }
        }
    }

    struct Job {
        var scenario: Int
        /// The provider whose own fleet (plus hired pool vehicles) plans the rides; nil when pooled.
        var provider: String?
        var problem: WaveProblem
        var label: String
        /// The job whose plan this one starts from, if any: the same day and wave of a related
        /// scenario (`warmStartBases`), else, for a pooled `morning-in`, the same scenario's wave
        /// on another weekday (`crossDayBase`).
        var base: Int? = nil
        /// The jobs of the waves of the same scenario, day and fleet solved before this one
        /// (`TripWave.couplingOrder`): their vehicles are free in this one.
        var earlier: [Int] = []
    }

    /// For each scenario, the earlier scenario whose plans its routing problems may start from, or
    /// nil: a pooled scenario's base is the first earlier pooled one with the same `reassign`
    /// (`close-L03`, `open-L26`, … from `reassigned-pooled`); `pooled` and `reassigned-pooled`
    /// themselves and per-provider scenarios start cold. (Starting `reassigned-pooled` from
    /// `pooled`, 77 clients apart, cost 2.4 % more at 20 iterations per ride.)
    static func warmStartBases(_ scenarios: [ScenarioSpec]) -> [Int?] {
        scenarios.indices.map { s in
            guard scenarios[s].transport == .pooled else { return nil }
            return scenarios[..<s].indices.first { scenarios[$0].transport == .pooled && scenarios[$0].reassign == scenarios[s].reassign }
        }
    }

    /// Least share of a wave's rides that must be the same in the base scenario's wave
    /// (`WaveProblem.shareOfSameRides`) for the wave to start from the base's plan. Measured at 20
    /// iterations per ride on the default instance: `open-L26` (98 % the same) gained 1.1–1.2 %
    /// from warm starts, `close-L03` (90 %) lost up to 0.6 % and `exit-vechtstroom` (74 %) up to 1.2 %.
    static let warmStartShare = 0.95

    /// Solves every job on `options.threads` workers; each gets a share of the remaining time in
    /// proportion to its rides². A job starts once its prerequisites are done: the jobs of the
    /// earlier waves of its day (`Job.earlier`), whose most routes per fleet row it gets free of
    /// fixed cost (`WaveProblem.coupled(freeVehicles:)`), and its `base`, whose routes it starts
    /// from (`WaveProblem.warmStart(from:_:)`). So its plan does not depend on the order in which
    /// the workers take the jobs.
    static func solve(_ jobs: [Job], instance: Instance, table: TravelTable, options: RunOptions, deadline: Date,
                      progress: DagrouteCore.Progress) -> [WavePlan] {
        // Search effort grows faster than the ride count (construction and each iteration scan
        // more routes and positions), so larger problems get a more than proportional share:
        // rides². With rides^1.5, 40 of the default instance's care waves reached their slice
        // before their 20 iterations per ride (all of them large morning waves); with rides², 3.
        let weights = jobs.map { pow(Double($0.problem.rides.count), 2) }
        let board = JobBoard(prerequisites: jobs.map { $0.earlier + ($0.base.map { [$0] } ?? []) }, weights: weights)
        let workers = min(options.threads, max(1, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let (j, slice) = board.next(workers: workers, deadline: deadline) {
                let job = jobs[j]
                // The budget is spent: setting up a search (neighbour lists, feasibility of each
                // request alone) would overrun the limit and construct nothing, so the rides are
                // reported unplanned at once.
                if slice <= 0 {
                    let plan = job.problem.unplanned(reason: "time-limit")
                    board.store(j, JobBoard.Solved(problem: job.problem, plan: plan, result: nil))
                    progress.say("\(job.label): not started, time limit reached (\(plan.unrouted.count) rides unplanned)")
                    continue
                }
                let free = job.problem.vehiclesPaid(by: job.earlier.map { board.solved($0).plan }, instance)
                let wave = job.problem.coupled(freeVehicles: free)
                var result: RoutingResult?
                var attemptIterations = 0, attemptSeconds = 0.0
                if let problem = wave.problem {
                    let budget = options.iterationsPerRide * job.problem.rides.count, seed = options.seed &+ UInt64(j) &* 0x9E37_79B9
                    let stop = StopCriterion.anyOf([.maxIterations(budget), .maxRuntime(slice)])
                    var initial: [[Int]] = []
                    if let b = job.base {
                        let base = board.solved(b)
                        if let solved = base.result { initial = wave.warmStart(from: base.problem, solved) }
                    }
                    let solved = RoutingSolver.solve(problem, parameters: parameters(for: problem, warm: !initial.isEmpty), stop: stop,
                                                     seed: seed, initial: initial)
                    result = wave.withFreeVehiclesUsedFirst(solved)
                    // A wave its iteration budget stopped has time left in its slice: attempts to
                    // do without its paid routes (never a clock-bound wave, which has none).
                    if solved.statistics.iterations >= budget {
                        result = wave.withoutPaidRoutes(result!) { capped, start, attempt in
                            let left = max(0.05, slice - solved.statistics.runtime - attemptSeconds) / Double(WaveProblem.paidRouteAttempts - attempt)
                            let stop = StopCriterion.anyOf([.maxIterations(paidRouteIterationsPerRide * job.problem.rides.count), .maxRuntime(left)])
                            let tried = RoutingSolver.solve(capped, parameters: parameters(for: capped, warm: true), stop: stop,
                                                            seed: seed &+ UInt64(attempt + 1), initial: start)
                            attemptIterations += tried.statistics.iterations; attemptSeconds += tried.statistics.runtime
                            return tried
                        }
                        result!.statistics = solved.statistics
                    }
                }
                let plan = wave.plan(instance, table, result)
                board.store(j, JobBoard.Solved(problem: wave, plan: plan, result: result))
                // Iterations and seconds of the search and the paid-route attempts together.
                let stats = result.map { String(format: " (%d iterations, %.2f s)", $0.statistics.iterations + attemptIterations,
                                                $0.statistics.runtime + attemptSeconds) } ?? ""
                let paid = free.reduce(0, +)
                progress.say("\(job.label): \(plan.routes.count) vehicles" + (paid > 0 ? " (\(paid) from earlier waves)" : "") + ", \(plan.rides.count) rides"
                             + (plan.unrouted.isEmpty ? "" : ", \(plan.unrouted.count) unrouted") + stats)
            }
        }
        return board.plans
    }

    /// Iterations per ride of one attempt to do without a paid route of a coupled wave
    /// (`WaveProblem.withoutPaidRoutes`, at most `WaveProblem.paidRouteAttempts` per wave).
    static let paidRouteIterationsPerRide = 10

    /// `SolverParameters.clockGrace` of the care waves.
    static let waveClockGrace = 0.1

    /// Search parameters of a care wave: the dial-a-ride defaults (hotter annealing), but every
    /// route is tried for a removed ride (restricting insertions to routes near the pickup cut
    /// the CPU time by 40 % and raised the cost by 2 % at equal iterations). A wave that starts
    /// from a related scenario's or another weekday's plan anneals from 0.1 instead of 0.8 of a
    /// mean depot leg (the setting measured for `warmStartShare`), so that the first iterations
    /// keep most of the start. The clock advances a wave's cooling only after the first tenth
    /// of its slice (`SolverParameters.clockGrace`), so that a wave its iteration budget stops
    /// gives the same plan for a seed however loaded the machine is. The ruin takes strings near
    /// related rides (`SolverParameters.relatedRuin`: −0.70 % on the sample's day sums).
    static func parameters(for problem: RoutingProblem, warm: Bool) -> SolverParameters {
        var params = SolverParameters.recommended(for: problem, threads: 1)
        params.insertionNeighbours = 0
        params.clockGrace = waveClockGrace
        params.relatedRuin = true
        if warm { params.startTemperature = 0.1 }
        return params
    }
}

/// Hands out jobs in order — a job whose prerequisite jobs are not all done yet waits, later
/// ready ones go first — and collects what they solved (shared by the workers).
final class JobBoard: @unchecked Sendable {
    /// What one job produced: the problem it solved (coupled to the earlier waves of its day), the
    /// plan in care terms, and the routing result (nil when not started or without vehicles).
    struct Solved {
        var problem: WaveProblem
        var plan: WavePlan
        var result: RoutingResult?
    }

    private let condition = NSCondition()
    private let prerequisites: [[Int]]
    private let weights: [Double]
    /// Per job, the weight of the heaviest chain of jobs that can start only after it (each
    /// waiting for the previous one): they need their time after it.
    private let after: [Double]
    private var handedOut: [Bool]
    private var handedCount = 0
    private var remainingWeight: Double
    private var results: [Solved?]

    /// `prerequisites[j]`: the jobs that must be done before job `j` starts, all of them earlier
    /// in the order (`< j`). `weights[j]`: job `j`'s claim on the time, > 0.
    init(prerequisites: [[Int]], weights: [Double]) {
        precondition(prerequisites.indices.allSatisfy { j in prerequisites[j].allSatisfy { $0 < j } }, "a prerequisite comes after its job")
        self.prerequisites = prerequisites; self.weights = weights; remainingWeight = weights.reduce(0, +)
        var after = [Double](repeating: 0, count: weights.count)
        for j in weights.indices.reversed() { for p in prerequisites[j] { after[p] = max(after[p], weights[j] + after[j]) } }
        self.after = after
        handedOut = Array(repeating: false, count: prerequisites.count)
        results = Array(repeating: nil, count: prerequisites.count)
    }

    /// The next job and its time slice in seconds, or nil when all are handed out. Waits while
    /// every job left waits for a prerequisite still being solved.
    func next(workers: Int, deadline: Date) -> (Int, Double)? {
        condition.lock(); defer { condition.unlock() }
        while true {
            guard handedCount < results.count else { return nil }
            if let j = handedOut.indices.first(where: { !handedOut[$0] && prerequisites[$0].allSatisfy { results[$0] != nil } }) {
                handedOut[j] = true; handedCount += 1
                let w = weights[j]
                let share = w / max(1e-9, remainingWeight)
                remainingWeight -= w
                // A floor before the deadline: a small problem's regret construction takes
                // milliseconds of CPU, but on a loaded machine a thread can wait longer than that
                // for a core, and construction cut short leaves rides unrouted. 0.1 s, but at most
                // a quarter of an equal split of the time left, so that short limits do not
                // starve the later problems. After the deadline, 0.02 s per problem (enough to
                // construct a small one), and from half a second after it 0: the job is not
                // started, so the run keeps its limit.
                let left = deadline.timeIntervalSinceNow
                let floor = min(0.1, 0.25 * left * Double(workers) / Double(results.count - handedCount + 1))
                // The workers share the time left, so a job's slice is its share of workers × time
                // left — but never more than its part of the time left beside the chain of jobs
                // that must wait for it (`routes`: the three waves of a day one after another; the
                // last job of a run may use the whole time left, never workers × the time left).
                if left <= 0 { return (j, left > -0.5 ? 0.02 : 0) }
                return (j, min(left * w / (w + after[j]), max(floor, left * Double(workers) * share)))
            }
            condition.wait()
        }
    }

    func store(_ j: Int, _ solved: Solved) {
        condition.lock(); results[j] = solved; condition.broadcast(); condition.unlock()
    }

    /// What job `j` produced; only for a job that is done (a prerequisite of the caller's job).
    func solved(_ j: Int) -> Solved { condition.lock(); defer { condition.unlock() }; return results[j]! }

    var plans: [WavePlan] { condition.lock(); defer { condition.unlock() }; return results.map { $0!.plan } }
}
