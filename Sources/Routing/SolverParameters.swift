/// Tuning of the search; the defaults are the ones benchmarked.
public struct SolverParameters: Sendable, Hashable {
    /// Independent searches run in parallel (seeds `seed`, `seed + 1`, …); at least 1.
    public var threads: Int
    /// Mean number of requests removed by one ruin (SISR's c̄).
    public var averageRemoved: Int
    /// Longest string removed from one route (SISR's L_max).
    public var maxStringLength: Int
    /// Probability of skipping an insertion position (SISR's blink rate).
    public var blinkRate: Double
    /// Start and end temperature of simulated annealing, as fractions of the mean depot-to-stop
    /// distance cost.
    public var startTemperature: Double
    public var endTemperature: Double
    /// End temperature of the distance search after route elimination (fraction as above): that
    /// search anneals from `startTemperature` to it over the rest of the budget. Warmer than
    /// `endTemperature`: with it alone the search froze halfway on the Gehring–Homberger sets
    /// (BENCHMARKS.md, "VRPTW distance phase"). Unused when route elimination does not run.
    public var distanceEndTemperature: Double
    /// Granular neighbourhood size of the local search.
    public var neighbours: Int
    /// Probability that a ruin also empties a whole (short) route.
    public var routeRemovalRate: Double
    /// When positive, a removed request is first tried only in the routes holding one of its this
    /// many nearest stops (all routes if none fits); 0 tries all routes.
    public var insertionNeighbours: Int
    /// Most distinct routes kept for the GLPK set-partitioning recombination; 0 turns it off.
    public var poolSize: Int
    /// Share of the time budget given to each of the (up to five) set-partitioning solves; 0
    /// turns recombination off.
    public var recombinationShare: Double
    /// Share of the budget (0…1) spent on eliminating routes when the fixed vehicle cost dominates
    /// (the VRPTW sets); 0 turns the phase off.
    public var routeEliminationShare: Double
    /// Iterations one route-elimination attempt may take before the best plan comes back.
    public var routeEliminationIterations: Int
    /// After route elimination (VRPTW): every new best plan gets the time-warp education
    /// (`TimeWarpEducation`: local search on penalised costs, repair, feasible local search) in
    /// place of the feasible local search alone; kept when feasible and not dearer than the plan
    /// the iteration found. Unused when route elimination does not run (CVRP, pickup–delivery).
    /// Off by default: on the quiet machine, at 30 s, it was behind the feasible local search alone
    /// on a wider Gehring–Homberger sample in 9 of 11 runs (ahead on the *_2_1 instances;
    /// BENCHMARKS.md, "VRPTW time-warp education, quiet machine").
    public var educateNewBests: Bool
    /// Iterations without a new best after which a distance phase on long routes (more than 25
    /// stops per route on average: r2 and rc2) ends and a fresh search (construction, route
    /// elimination, distance phase) takes the rest of the budget, if at least a tenth of it is
    /// left; the best plan of all is kept. There the annealing stays in the basin its route
    /// elimination left it in (r2_2_1 and rc2_2_6 at 1,000,000 iterations: no new best after
    /// 160,000), while seeds differ by several percent (BENCHMARKS.md, "VRPTW session 10").
    /// 0 never restarts.
    public var restartAfter: Int
    /// Share of the time budget (0…1) during which the clock does not advance the search's
    /// progress (cooling schedule, recombination checkpoints) when an iteration budget bounds the
    /// search too: until then only the iteration count does; past it the larger of the iteration
    /// and time fractions counts, as always without a grace. So a search that its iteration budget
    /// stops, with its iteration fraction ahead of the clock's once the grace has passed, gives
    /// the same answer however loaded the machine is — without it, the construction's share of
    /// the time budget set the first iterations' temperatures from the clock, and a care wave's
    /// plan differed between runs of the same seed. Clock-bound searches follow the clock after
    /// the grace as before. 0 (the default) is the plain larger-of-both rule; care waves use 0.1
    /// (`ScenarioRunner.parameters`).
    public var clockGrace: Double
    /// Pickup–delivery problems: the ruin removes strings near the requests most related to a
    /// random seed request (`RequestRelatedness`: both ends near, similar windows) instead of near
    /// the stops closest to the seed stop. On for the care waves (`ScenarioRunner.parameters`: the
    /// sample's day sums −0.70 % at 40 iterations per ride, seeds 1–4, BENCHMARKS.md session 12);
    /// off by default: on Cordeau's 28 instances at 3,000 iterations it was neutral (−0.10 % mean,
    /// 40 runs better, 36 worse of 140) and b6-72 seed 1 lost 0.73 %.
    public var relatedRuin: Bool
    public init(threads: Int = 1, averageRemoved: Int = 10, maxStringLength: Int = 10, blinkRate: Double = 0.01,
                startTemperature: Double = 0.2, endTemperature: Double = 0.002, distanceEndTemperature: Double = 0.04,
                neighbours: Int = 20,
                routeRemovalRate: Double = 0.05, insertionNeighbours: Int = 0, poolSize: Int = 3000,
                recombinationShare: Double = 0.02, routeEliminationShare: Double = 0.5,
                routeEliminationIterations: Int = 10000, educateNewBests: Bool = false,
                restartAfter: Int = 100_000, clockGrace: Double = 0, relatedRuin: Bool = false) {
        self.threads = threads; self.averageRemoved = averageRemoved; self.maxStringLength = maxStringLength
        self.blinkRate = blinkRate; self.startTemperature = startTemperature; self.endTemperature = endTemperature
        self.distanceEndTemperature = distanceEndTemperature
        self.neighbours = neighbours; self.routeRemovalRate = routeRemovalRate
        self.insertionNeighbours = insertionNeighbours; self.poolSize = poolSize
        self.recombinationShare = recombinationShare; self.routeEliminationShare = routeEliminationShare
        self.routeEliminationIterations = routeEliminationIterations
        self.educateNewBests = educateNewBests
        self.restartAfter = restartAfter
        self.clockGrace = clockGrace
        self.relatedRuin = relatedRuin
    }

    /// The benchmarked defaults for `problem`: pickup–delivery problems (dial-a-ride) anneal at a
    /// four times higher temperature — their insertions detour twice and ride limits make the
    /// landscape more rugged (measured on Cordeau a6-72 and b5-60: 0.8 beat 0.05 and 0.2); problems
    /// with more than 300 stops first try insertions near the 50 nearest stops (X-n513-k21 at 20 s:
    /// 60% more iterations, lower cost).
    public static func recommended(for problem: RoutingProblem, threads: Int = 1) -> SolverParameters {
        var p = SolverParameters(threads: threads)
        if problem.hasPairs { p.startTemperature = 0.8; p.endTemperature = 0.008 }
        if problem.stops.count > 300 { p.insertionNeighbours = 50 }
        return p
    }
}
