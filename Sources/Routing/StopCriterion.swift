/// When a search stops. Small values combined with `anyOf`.
public indirect enum StopCriterion: Sendable, Hashable {
    /// Wall-clock seconds since the solve started.
    case maxRuntime(Double)
    /// Ruin-and-recreate iterations (per thread).
    case maxIterations(Int)
    /// Iterations (per thread) without improving that thread's best plan.
    case noImprovement(Int)
    /// Stops as soon as any of these stops.
    case anyOf([StopCriterion])

    /// True when the search must stop.
    func isMet(iteration: Int, sinceImprovement: Int, elapsed: Double) -> Bool {
        switch self {
        case .maxRuntime(let s): return elapsed >= s
        case .maxIterations(let n): return iteration >= n
        case .noImprovement(let n): return sinceImprovement >= n
        case .anyOf(let all): return all.contains { $0.isMet(iteration: iteration, sinceImprovement: sinceImprovement, elapsed: elapsed) }
        }
    }

    /// How far the search is, 0…1, for cooling schedules (the largest fraction among runtime and
    /// iteration budgets; 0 when there is none). A runtime budget's fraction counts only from
    /// `clockGrace` (0…1) on, 0 before (`SolverParameters.clockGrace`).
    func progress(iteration: Int, elapsed: Double, clockGrace: Double = 0) -> Double {
        switch self {
        case .maxRuntime(let s):
            let f = s > 0 ? min(1, elapsed / s) : 1
            return f < clockGrace ? 0 : f
        case .maxIterations(let n): return n > 0 ? min(1, Double(iteration) / Double(n)) : 1
        case .noImprovement: return 0
        case .anyOf(let all): return all.map { $0.progress(iteration: iteration, elapsed: elapsed, clockGrace: clockGrace) }.max() ?? 0
        }
    }
}

extension StopCriterion {
    /// The smallest wall-clock budget in seconds, nil when only iterations bound the search.
    var runtimeLimit: Double? {
        switch self {
        case .maxRuntime(let s): return s
        case .maxIterations, .noImprovement: return nil
        case .anyOf(let all): return all.compactMap(\.runtimeLimit).min()
        }
    }

    /// True when an iteration budget bounds the search (alone or with others).
    var hasIterationBudget: Bool {
        switch self {
        case .maxIterations: return true
        case .maxRuntime, .noImprovement: return false
        case .anyOf(let all): return all.contains(where: \.hasIterationBudget)
        }
    }
}

extension StopCriterion {
    /// What is left of this criterion after `iterations` iterations and `elapsed` seconds, for a
    /// search that starts afresh: budgets shrink by what was used (never below 0),
    /// `noImprovement` stays as it is.
    func remainder(iterations: Int, elapsed: Double) -> StopCriterion {
        switch self {
        case .maxRuntime(let s): return .maxRuntime(max(0, s - elapsed))
        case .maxIterations(let n): return .maxIterations(max(0, n - iterations))
        case .noImprovement: return self
        case .anyOf(let all): return .anyOf(all.map { $0.remainder(iterations: iterations, elapsed: elapsed) })
        }
    }
}
