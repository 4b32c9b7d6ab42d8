/// Schedules one route (a fixed stop sequence) and decides whether it meets time windows, the shift
/// and every ride-time limit, with the eight-step procedure of Cordeau & Laporte (2003): earliest
/// schedule, departure delayed by the depot's forward time slack, then every pickup delayed by its
/// forward slack to shorten ride times. O(m²) for a route of m stops; buffers are reused. A value
/// type, so that its buffers are accessed without dynamic exclusivity checks.
struct RouteScheduler {
    private let problem: RoutingProblem
    private var e: [Int] = [], l: [Int] = [], s: [Int] = [], t: [Int] = []
    /// Service start (B), waiting (W) and departure (D) per position; 0 = start depot, m + 1 = end depot.
    private(set) var b: [Int] = []
    private var w: [Int] = [], d: [Int] = []
    /// For a delivery position: the position of its pickup (or −1); its ride limit.
    private var pickupPos: [Int] = [], rideLimit: [Int] = []
    /// For a pickup position: true when its request has a ride limit.
    private var limitedPickup: [Bool] = []
    private var positionOfStop: [Int]

    init(_ problem: RoutingProblem) {
        self.problem = problem
        positionOfStop = [Int](repeating: -1, count: problem.stops.count)
    }

    /// Departure time from the start depot of the last successful `schedule`.
    var departure: Int { d[0] }

    /// Schedules `stops[0..<count]` on a vehicle of type `vehicle`. Returns true when the schedule
    /// meets every window, the shift end, the maximum duration and every ride-time limit; the times
    /// are then in `b` (index k + 1 for the k-th stop; `b[count + 1]` is the return).
    mutating func schedule(vehicle: Int, stops: UnsafeBufferPointer<Int32>) -> Bool {
        let m = stops.count
        let v = problem.vehicleTypes[vehicle]
        let size = m + 2
        if e.count < size {
            let c = max(size, 2 * e.count)
            e = .init(repeating: 0, count: c); l = e; s = e; t = e; b = e; w = e; d = e
            pickupPos = e; rideLimit = e; limitedPickup = .init(repeating: false, count: c)
        }
        e[0] = v.shiftStart; l[0] = v.shiftEnd; s[0] = 0
        e[m + 1] = v.shiftStart; l[m + 1] = v.shiftEnd; s[m + 1] = 0
        var loc = v.startLocation
        for k in 0..<m {
            let st = Int(stops[k]), stop = problem.stops[st]
            e[k + 1] = stop.earliest; l[k + 1] = stop.latest; s[k + 1] = stop.service
            t[k] = problem.duration(loc, stop.location); loc = stop.location
            positionOfStop[st] = k + 1
        }
        t[m] = problem.duration(loc, v.endLocation)
        for k in 0..<m {
            let st = Int(stops[k])
            let req = problem.requests[Int(problem.requestOfStop[st])]
            pickupPos[k + 1] = -1; limitedPickup[k + 1] = false
            if case let .pickupDelivery(p, dl) = req.kind, let lim = req.maxRideTime {
                if st == dl { pickupPos[k + 1] = positionOfStop[p]; rideLimit[k + 1] = lim }
                else { limitedPickup[k + 1] = true }
            }
        }
        pickupPos[m + 1] = -1; pickupPos[0] = -1
        // Steps 1–2: earliest schedule.
        b[0] = e[0]; w[0] = 0; d[0] = b[0]
        forward(from: 0, m: m)
        for k in 1...(m + 1) where b[k] > l[k] { return false }
        // Step 3: delay the departure by the depot's forward slack (bounded by total waiting).
        var waitSum = 0
        for k in 1...(m + 1) { waitSum += w[k] }
        let delay0 = min(slack(at: 0, m: m), waitSum)
        if delay0 > 0 { b[0] += delay0; d[0] = b[0]; forward(from: 0, m: m) }
        // Steps 5–6: delay every ride-limited pickup by its forward slack.
        if problem.hasRideLimits && !ridesOK(m: m) {
            for j in 1..<(m + 1) where limitedPickup[j] {
                var after = 0
                for k in (j + 1)...(m + 1) { after += w[k] }
                let delta = min(slack(at: j, m: m), after)
                if delta > 0 { b[j] += delta; w[j] += delta; d[j] = b[j] + s[j]; forward(from: j, m: m) }
            }
        }
        // Step 7: final checks.
        for k in 1...(m + 1) where b[k] > l[k] { return false }
        if let md = v.maxDuration, b[m + 1] - d[0] > md { return false }
        return ridesOK(m: m)
    }

    private func ridesOK(m: Int) -> Bool {
        for k in 1..<(m + 1) where pickupPos[k] >= 0 {
            if b[k] - d[pickupPos[k]] > rideLimit[k] { return false }
        }
        return true
    }

    /// Recomputes arrival, waiting, service start and departure after position `i`.
    @inline(__always) private mutating func forward(from i: Int, m: Int) {
        var k = i + 1
        while k <= m + 1 {
            let a = d[k - 1] + t[k - 1]
            b[k] = max(e[k], a); w[k] = b[k] - a; d[k] = b[k] + s[k]
            k += 1
        }
    }

    /// Forward time slack of position `i` (Savelsbergh; with ride times as in Cordeau & Laporte):
    /// how far service at `i` can be delayed without breaking a window or the ride time of a
    /// request picked up before `i`.
    private func slack(at i: Int, m: Int) -> Int {
        var best = Int.max, cumWait = 0
        for j in i...(m + 1) {
            if j > i { cumWait += w[j] }
            var room = l[j] - b[j]
            if pickupPos[j] >= 0 && pickupPos[j] < i {
                room = min(room, rideLimit[j] - (b[j] - d[pickupPos[j]]))
            }
            best = min(best, cumWait + max(0, room))
        }
        return best
    }
}
