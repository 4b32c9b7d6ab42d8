import Instance

/// Warm starts across weekdays: a pooled scenario's `morning-in` wave starts from the plan of the
/// same scenario's `morning-in` on the most similar weekday solved before it.
///
/// The same clients ride to the same locations on several weekdays, but only about two thirds of
/// a wave's rides recur on any other day (default instance: 55–71 %), so a base plan has holes and
/// a third of the rides go in by regret insertion. Measured on the default instance (BENCHMARKS.md,
/// "Compare … session 10"): at equal iterations the plans are as good as cold ones, but the search
/// from such a start costs less CPU per iteration, so the clock-bound default run gets further; on
/// the coupled later waves (`afternoon-out`, `midday`) the same warm start was worse.
extension ScenarioRunner {
    /// Least share of a wave's rides (`WaveProblem.shareOfSameRides`) that the base day's wave
    /// must have too. Every weekday pair of the default instance is above it (55–71 %).
    static let crossDayShare = 0.5

    /// The weekdays in solving order: most rides (summed over all jobs) first, ties in `days`
    /// order, so that the largest days are solved first and serve as the others' bases.
    static func dayOrder(_ jobs: [Job], _ days: [Weekday]) -> [Weekday] {
        var rides: [Weekday: Int] = [:]
        for job in jobs { rides[job.problem.day, default: 0] += job.problem.rides.count }
        return days.enumerated().sorted { (-(rides[$0.element] ?? 0), $0.offset) < (-(rides[$1.element] ?? 0), $1.offset) }.map(\.element)
    }

    /// For job `j` of `jobs` (in solving order): the earlier job of the same scenario, pooled
    /// fleet and wave on another weekday that shares the most of its rides, at least
    /// `crossDayShare` (ties: the earliest); nil for other waves than `morning-in`, for
    /// per-provider fleets and when no earlier day shares enough.
    static func crossDayBase(of j: Int, in jobs: [Job]) -> Int? {
        let job = jobs[j]
        guard job.provider == nil, job.problem.wave == .morningIn else { return nil }
        var best: (share: Double, job: Int)?
        for i in 0..<j where jobs[i].scenario == job.scenario && jobs[i].provider == nil
            && jobs[i].problem.wave == job.problem.wave && jobs[i].problem.day != job.problem.day {
            let share = job.problem.shareOfSameRides(as: jobs[i].problem)
            if share >= crossDayShare, share > best?.share ?? -1 { best = (share, i) }
        }
        return best?.job
    }
}
