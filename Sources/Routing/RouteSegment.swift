/// A concatenable summary of a consecutive part of a route (Vidal et al. 2013 for time windows):
/// with it, the distance, minimal duration, time warp and peak loads of `A ⊕ B` follow from the
/// summaries of `A` and `B` in O(1). Times in seconds, distances in metres.
struct RouteSegment {
    /// First and last location of the segment.
    var first: Int
    var last: Int
    /// Metres driven inside the segment.
    var distance: Int
    /// Minimal duration (travel, service, unavoidable waiting), seconds.
    var duration: Int
    /// Unavoidable lateness (time warp), seconds; 0 when the windows can be met.
    var timeWarp: Int
    /// Earliest and latest start of the segment that achieve `duration` and `timeWarp`.
    var earliest: Int
    var latest: Int
    /// Load carried from the start depot (depot deliveries), per dimension.
    var depotSeats: Int
    var depotWheelchairs: Int
    /// Net load change over the segment, per dimension.
    var netSeats: Int
    var netWheelchairs: Int
    /// Largest prefix sum of load changes (≥ 0), per dimension.
    var peakSeats: Int
    var peakWheelchairs: Int

    /// The peak number of seats occupied when this segment is a whole route.
    @inline(__always) var maxSeats: Int { depotSeats + peakSeats }
    @inline(__always) var maxWheelchairs: Int { depotWheelchairs + peakWheelchairs }

    /// A depot visit within the shift.
    @inline(__always) static func depot(location: Int, shiftStart: Int, shiftEnd: Int) -> RouteSegment {
        RouteSegment(first: location, last: location, distance: 0, duration: 0, timeWarp: 0,
                     earliest: shiftStart, latest: shiftEnd, depotSeats: 0, depotWheelchairs: 0,
                     netSeats: 0, netWheelchairs: 0, peakSeats: 0, peakWheelchairs: 0)
    }

    /// A single stop of `problem`.
    @inline(__always) static func stop(_ s: Int, in problem: RoutingProblem) -> RouteSegment {
        let st = problem.stops[s]
        let ds = problem.deltaSeats[s], dw = problem.deltaWheelchairs[s]
        return RouteSegment(first: st.location, last: st.location, distance: 0, duration: st.service, timeWarp: 0,
                            earliest: st.earliest, latest: st.latest,
                            depotSeats: problem.depotSeats[s], depotWheelchairs: problem.depotWheelchairs[s],
                            netSeats: ds, netWheelchairs: dw, peakSeats: max(0, ds), peakWheelchairs: max(0, dw))
    }

    /// `a` followed by `b`.
    @inline(__always) static func concat(_ a: RouteSegment, _ b: RouteSegment, in problem: RoutingProblem) -> RouteSegment {
        let k = a.last * problem.matrices.count + b.first
        return concat(a, b, travel: problem.matrices.duration[k], metres: problem.matrices.distance[k])
    }

    /// `a` followed by `b` when the drive from `a.last` to `b.first` takes `travel` seconds over
    /// `metres` metres (the matrices' entries): the same summary as `concat(_:_:in:)`, for callers
    /// that looked the leg up once for several concatenations.
    @inline(__always) static func concat(_ a: RouteSegment, _ b: RouteSegment, travel: Int, metres: Int) -> RouteSegment {
        let atOther = a.duration - a.timeWarp + travel
        let wait = max(b.earliest - atOther - a.latest, 0)
        let warp = max(a.earliest + atOther - b.latest, 0)
        return RouteSegment(
            first: a.first, last: b.last,
            distance: a.distance + b.distance + metres,
            duration: a.duration + b.duration + travel + wait,
            timeWarp: a.timeWarp + b.timeWarp + warp,
            earliest: max(b.earliest - atOther, a.earliest) - wait,
            latest: min(b.latest - atOther, a.latest) + warp,
            depotSeats: a.depotSeats + b.depotSeats, depotWheelchairs: a.depotWheelchairs + b.depotWheelchairs,
            netSeats: a.netSeats + b.netSeats, netWheelchairs: a.netWheelchairs + b.netWheelchairs,
            peakSeats: max(a.peakSeats, a.netSeats + b.peakSeats),
            peakWheelchairs: max(a.peakWheelchairs, a.netWheelchairs + b.peakWheelchairs))
    }
}

/// Per-vehicle-type constants used to judge and price a complete route summary.
struct VehicleRules {
    var seats: Int
    var wheelchairs: Int
    var maxDuration: Int
    var fixed: Double
    var perMetre: Double
    var perSecond: Double
    var start: RouteSegment
    var end: RouteSegment

    init(_ v: VehicleType) {
        seats = v.capacity.seats; wheelchairs = v.capacity.wheelchairs
        maxDuration = v.maxDuration ?? Int(Int32.max)
        fixed = v.fixedCost; perMetre = v.costPerKm / 1000; perSecond = v.costPerHour / 3600
        start = .depot(location: v.startLocation, shiftStart: v.shiftStart, shiftEnd: v.shiftEnd)
        end = .depot(location: v.endLocation, shiftStart: v.shiftStart, shiftEnd: v.shiftEnd)
    }

    /// The summary of the whole route (start depot, `stops` in order, end depot).
    func route<S: Sequence>(_ stops: S, in p: RoutingProblem) -> RouteSegment where S.Element: BinaryInteger {
        var seg = start
        for s in stops { seg = .concat(seg, .stop(Int(s), in: p), in: p) }
        return .concat(seg, end, in: p)
    }

    /// True when a whole route (depot to depot) with this summary meets windows, shift and capacity.
    @inline(__always) func isFeasible(_ s: RouteSegment) -> Bool {
        s.timeWarp == 0 && s.duration <= maxDuration && s.maxSeats <= seats && s.maxWheelchairs <= wheelchairs
    }

    /// Cost in euro cents of a non-empty route with this summary.
    @inline(__always) func cost(_ s: RouteSegment) -> Double {
        fixed + perMetre * Double(s.distance) + perSecond * Double(s.duration)
    }
}
