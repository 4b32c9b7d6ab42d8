import DagrouteCore

extension Population {
    /// One generation of the hybrid search on `state`'s problem (single vehicle type): two parents
    /// by tournament, their giant tours crossed (`OrderCrossover`), the child cut into at most
    /// `maxRoutes` routes (`GiantTourSplit` on the education's penalties) and educated
    /// (`TimeWarpEducation.educate`). While the population is below `minimumSize`, the child is the
    /// plan in `state` (the annealing's current plan) educated instead. A feasible child joins the
    /// population and is returned with its cost. `state` holds its plan again afterwards.
    mutating func generation(state: SearchState, localSearch: LocalSearch, education: inout TimeWarpEducation,
                             maxRoutes: Int, rng: inout SeededGenerator,
                             shouldStop: () -> Bool) -> (slots: [[Int32]], cost: Double)? {
        let before = state.snapshot(), routeLimit = state.maxRoutes
        defer { state.maxRoutes = routeLimit; state.restore(before) }
        state.maxRoutes = maxRoutes
        if members.count >= Self.minimumSize {
            updateFitness()
            let first = tournament(rng: &rng), second = tournament(rng: &rng)
            let child = OrderCrossover.cross(first.tour, second.tour, stopCount: stopCount, rng: &rng)
            let split = GiantTourSplit.split(child, maxRoutes: maxRoutes, type: state.slotType[0], rules: state.rules,
                                             penalty: education.penalty, problem: state.problem)
            var slots = [[Int32]](repeating: [], count: state.routes.count)
            for (k, route) in split.routes.enumerated() { slots[k] = route }
            state.restore(slots)
        }
        guard state.unassigned.isEmpty,
              education.educate(state: state, localSearch: localSearch, rng: &rng, shouldStop: shouldStop),
              state.unassigned.isEmpty, state.usedRoutes <= maxRoutes else { return nil }
        let slots = state.snapshot(), cost = state.routesCost
        add(slots: slots, cost: cost)
        return (slots, cost)
    }
}
