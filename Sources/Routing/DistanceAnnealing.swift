import Foundation

/// The annealing schedule of the distance phase that follows route elimination (VRPTW, single-stop
/// problems): the phase is split into annealing runs. Each run starts from the best plan, at
/// `reheat` × the start temperature (the first at the start temperature itself), and cools
/// geometrically to the distance end temperature over `1 / runs` of the phase — or ends early when
/// the best plan has not improved for `stagnation` of the phase (0: never early). One run without
/// stagnation (`runs` 1, `stagnation` 0) is the single annealing of sessions 4–7.
///
/// Progress is the phase's own, 0…1 (iterations or time, as the stop criterion counts), so the
/// schedule is deterministic under an iteration budget.
struct DistanceAnnealing {
    private let runs: Int
    private let stagnation: Double
    private let reheat: Double
    /// Phase progress at which the running annealing run started, and at which it ends.
    private var runStart = 0.0
    private var runEnd: Double
    /// Phase progress of the last new best plan (or of the run's start, if later).
    private var lastBest = 0.0
    /// Restarts so far.
    private(set) var restarts = 0

    init(runs: Int, stagnation: Double, reheat: Double) {
        self.runs = max(1, runs); self.stagnation = max(0, stagnation); self.reheat = reheat
        runEnd = min(1, 1 / Double(self.runs))
    }

    /// Records a new best plan at phase progress `phase`.
    mutating func noteBest(at phase: Double) { lastBest = phase }

    /// Called before every iteration of the phase: true when a new run starts now (the caller then
    /// goes back to the best plan).
    mutating func restartsNow(at phase: Double) -> Bool {
        let ended = phase >= runEnd && runEnd < 1
        let stagnant = stagnation > 0 && phase - max(lastBest, runStart) >= stagnation && phase < 1
        guard ended || stagnant else { return false }
        runStart = phase; runEnd = min(1, phase + 1 / Double(runs)); lastBest = phase
        restarts += 1
        return true
    }

    /// The temperature at phase progress `phase`, from the run's start temperature (`t0`, times
    /// `reheat` after a restart) down to `tf` at the run's end.
    func temperature(at phase: Double, t0: Double, tf: Double) -> Double {
        let hot = restarts == 0 ? t0 : t0 * reheat
        let span = max(1e-12, runEnd - runStart)
        return hot * pow(tf / hot, min(1, max(0, phase - runStart) / span))
    }
}
