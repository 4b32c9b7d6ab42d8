/// Penalised route cost for the time-warp local search (Vidal et al. 2013, HGS-TW): a route may
/// break its windows, its maximum duration and its capacity, each priced per unit.
struct TimeWarpPenalty {
    /// Euro cents per second of time warp or of duration beyond the vehicle's maximum.
    var perSecond: Double
    /// Euro cents per seat or wheelchair place beyond the vehicle's capacity.
    var perLoad: Double

    /// The route cost of a whole-route summary (`rule.cost`) plus its penalties; equals
    /// `rule.cost(s)` for a feasible route.
    @inline(__always) func cost(_ s: RouteSegment, _ rule: VehicleRules) -> Double {
        let late = s.timeWarp + max(0, s.duration - rule.maxDuration)
        let excess = max(0, s.maxSeats - rule.seats) + max(0, s.maxWheelchairs - rule.wheelchairs)
        return rule.cost(s) + perSecond * Double(late) + perLoad * Double(excess)
    }
}
