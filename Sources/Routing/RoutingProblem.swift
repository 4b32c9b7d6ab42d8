import DagrouteCore

/// A load in the two dimensions a care vehicle has: ordinary seats and wheelchair places.
public struct Load: Hashable, Sendable, Codable {
    /// Ordinary seats (or, for CVRP and VRPTW, the single demand dimension).
    public var seats: Int
    /// Wheelchair places.
    public var wheelchairs: Int
    public init(seats: Int, wheelchairs: Int = 0) { self.seats = seats; self.wheelchairs = wheelchairs }
    public static let zero = Load(seats: 0)
}

/// A place where a vehicle stops to serve one side of one request.
public struct Stop: Hashable, Sendable {
    /// Index of the stop's location in the problem's matrices.
    public var location: Int
    /// Service (boarding or alighting) time in seconds.
    public var service: Int
    /// Earliest start of service, seconds since the planning day's origin.
    public var earliest: Int
    /// Latest start of service, seconds; `earliest <= latest`.
    public var latest: Int
    public init(location: Int, service: Int = 0, earliest: Int = 0, latest: Int = Int(Int32.max)) {
        self.location = location; self.service = service; self.earliest = earliest; self.latest = latest
    }
}

/// One transport request: a pickup–delivery pair, or a single stop served from or to the depot.
public struct Request: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Picked up at stop `pickup`, delivered at stop `delivery` by the same vehicle, later.
        case pickupDelivery(pickup: Int, delivery: Int)
        /// Loaded at the vehicle's start depot and delivered at `stop` (CVRP, VRPTW customers).
        case depotDelivery(stop: Int)
        /// Picked up at `stop` and carried to the vehicle's end depot.
        case depotPickup(stop: Int)
    }
    public var kind: Kind
    /// What the request occupies while on board.
    public var load: Load
    /// Maximum ride time in seconds (start of delivery service − end of pickup service); only for
    /// pickup–delivery pairs; nil means unlimited.
    public var maxRideTime: Int?
    public init(_ kind: Kind, load: Load, maxRideTime: Int? = nil) {
        self.kind = kind; self.load = load; self.maxRideTime = maxRideTime
    }
    /// The stops of this request, pickup first.
    public var stops: [Int] {
        switch kind {
        case let .pickupDelivery(p, d): return [p, d]
        case let .depotDelivery(s), let .depotPickup(s): return [s]
        }
    }
}

/// A kind of vehicle in the fleet, with how many of it are available.
public struct VehicleType: Hashable, Sendable {
    /// How many vehicles of this type may be used (routes); at least 0.
    public var count: Int
    /// Capacity in seats and wheelchair places.
    public var capacity: Load
    /// Location index (in the matrices) where the shift starts and ends.
    public var startLocation: Int
    public var endLocation: Int
    /// Earliest departure from and latest return to the depot, seconds.
    public var shiftStart: Int
    public var shiftEnd: Int
    /// Maximum shift duration (return − departure) in seconds, or nil for none.
    public var maxDuration: Int?
    /// Cost of using one vehicle for the day, in euro cents.
    public var fixedCost: Double
    /// Cost per hour of shift duration, euro cents.
    public var costPerHour: Double
    /// Cost per kilometre driven, euro cents.
    public var costPerKm: Double
    public init(count: Int, capacity: Load, startLocation: Int, endLocation: Int, shiftStart: Int = 0,
                shiftEnd: Int = Int(Int32.max), maxDuration: Int? = nil, fixedCost: Double = 0,
                costPerHour: Double = 0, costPerKm: Double = 0) {
        self.count = count; self.capacity = capacity; self.startLocation = startLocation
        self.endLocation = endLocation; self.shiftStart = shiftStart; self.shiftEnd = shiftEnd
        self.maxDuration = maxDuration; self.fixedCost = fixedCost; self.costPerHour = costPerHour
        self.costPerKm = costPerKm
    }
}

/// Square distance (metres) and duration (seconds) matrices over `count` locations, row-major:
/// entry `from * count + to`. Values are non-negative.
public struct TravelMatrices: Sendable {
    public let count: Int
    public let distance: [Int]
    public let duration: [Int]
    public init(count: Int, distance: [Int], duration: [Int]) {
        self.count = count; self.distance = distance; self.duration = duration
    }
}

/// An immutable, validated routing problem (dial-a-ride in general; CVRP and VRPTW as special
/// cases with depot-based deliveries). Every stop belongs to exactly one request.
public struct RoutingProblem: Sendable {
    public let stops: [Stop]
    public let requests: [Request]
    public let vehicleTypes: [VehicleType]
    public let matrices: TravelMatrices

    // Derived per-stop data, flat, for the solver's hot loops.
    /// Request index of every stop.
    let requestOfStop: [Int32]
    /// Load change at every stop (pickup +, delivery −), per dimension.
    let deltaSeats: [Int]
    let deltaWheelchairs: [Int]
    /// Load carried from the start depot for every stop (depot deliveries), per dimension.
    let depotSeats: [Int]
    let depotWheelchairs: [Int]
    /// True when some pickup–delivery pair exists (the solver then uses pair insertion).
    let hasPairs: Bool
    /// True when some request has a ride-time limit (routes are then re-simulated).
    let hasRideLimits: Bool
    /// True for pure CVRP: depot deliveries only, no time windows, shift limits or time costs, so
    /// insertion costs reduce to distance changes and a route-load check.
    let capacityOnly: Bool
    /// For pickup–delivery problems (empty otherwise): both matrices transposed and interleaved,
    /// `arrivals[2 * (to * count + from)]` seconds and `[… + 1]` metres from `from` to `to`, so
    /// that the drives into one location from many others lie in one contiguous row
    /// (`SearchState.forEachPairInsertion` reads them for the pickup and the delivery it places).
    let arrivals: [Int]

    /// Validates and builds the problem. Throws `DagrouteError.input` listing every problem found,
    /// with `source` as the file name in diagnostics.
    public init(stops: [Stop], requests: [Request], vehicleTypes: [VehicleType], matrices: TravelMatrices,
                source: String = "<routing problem>") throws {
        var issues: [Diagnostic] = []
        func bad(_ field: String, _ message: String) {
            if issues.count < 50 { issues.append(Diagnostic(file: source, field: field, message: message)) }
        }
        let n = matrices.count
        if matrices.distance.count != n * n || matrices.duration.count != n * n {
            bad("matrices", "expected \(n * n) entries in each matrix, found \(matrices.distance.count) distances and \(matrices.duration.count) durations")
        } else if let i = matrices.distance.firstIndex(where: { $0 < 0 }) ?? matrices.duration.firstIndex(where: { $0 < 0 }) {
            bad("matrices", "expected non-negative distances and durations, found a negative entry at \(i / n)→\(i % n)")
        }
        for (i, s) in stops.enumerated() {
            if !(0..<n).contains(s.location) { bad("stop \(i)", "expected a location in 0..<\(n), found \(s.location)") }
            if s.service < 0 { bad("stop \(i)", "expected a non-negative service time, found \(s.service)") }
            if s.earliest > s.latest { bad("stop \(i)", "expected earliest <= latest, found \(s.earliest) > \(s.latest)") }
        }
        var owner = [Int32](repeating: -1, count: stops.count)
        var dS = [Int](repeating: 0, count: stops.count), dW = dS, pS = dS, pW = dS
        var pairs = false, rides = false
        for (r, q) in requests.enumerated() {
            if q.load.seats < 0 || q.load.wheelchairs < 0 { bad("request \(r)", "expected a non-negative load, found \(q.load)") }
            if let m = q.maxRideTime {
                if m < 0 { bad("request \(r)", "expected a non-negative maximum ride time, found \(m)") }
                if case .pickupDelivery = q.kind { rides = true } else { bad("request \(r)", "expected a maximum ride time only on a pickup–delivery pair, found it on a depot request") }
            }
            for s in q.stops {
                guard (0..<stops.count).contains(s) else { bad("request \(r)", "expected a stop in 0..<\(stops.count), found \(s)"); continue }
                if owner[s] >= 0 { bad("request \(r)", "expected stop \(s) to belong to one request, found it also in request \(owner[s])") }
                owner[s] = Int32(r)
            }
            switch q.kind {
            case let .pickupDelivery(p, d):
                pairs = true
                if p == d { bad("request \(r)", "expected different pickup and delivery stops, found \(p) twice") }
                if (0..<stops.count).contains(p), (0..<stops.count).contains(d) {
                    dS[p] = q.load.seats; dW[p] = q.load.wheelchairs; dS[d] = -q.load.seats; dW[d] = -q.load.wheelchairs
                }
            case let .depotDelivery(s) where (0..<stops.count).contains(s):
                dS[s] = -q.load.seats; dW[s] = -q.load.wheelchairs; pS[s] = q.load.seats; pW[s] = q.load.wheelchairs
            case let .depotPickup(s) where (0..<stops.count).contains(s):
                dS[s] = q.load.seats; dW[s] = q.load.wheelchairs
            default: break
            }
        }
        if let s = owner.firstIndex(of: -1) { bad("stop \(s)", "expected every stop to belong to a request, found stop \(s) in none") }
        if vehicleTypes.isEmpty { bad("vehicleTypes", "expected at least one vehicle type, found none") }
        for (k, v) in vehicleTypes.enumerated() {
            if v.count < 0 { bad("vehicle type \(k)", "expected a non-negative count, found \(v.count)") }
            if v.capacity.seats < 0 || v.capacity.wheelchairs < 0 { bad("vehicle type \(k)", "expected a non-negative capacity, found \(v.capacity)") }
            if !(0..<n).contains(v.startLocation) || !(0..<n).contains(v.endLocation) {
                bad("vehicle type \(k)", "expected depot locations in 0..<\(n), found \(v.startLocation) and \(v.endLocation)")
            }
            if v.shiftStart > v.shiftEnd { bad("vehicle type \(k)", "expected shiftStart <= shiftEnd, found \(v.shiftStart) > \(v.shiftEnd)") }
            if let m = v.maxDuration, m < 0 { bad("vehicle type \(k)", "expected a non-negative maximum duration, found \(m)") }
            if !(v.fixedCost >= 0 && v.costPerHour >= 0 && v.costPerKm >= 0) || !(v.fixedCost + v.costPerHour + v.costPerKm).isFinite {
                bad("vehicle type \(k)", "expected finite non-negative costs, found fixed \(v.fixedCost), per hour \(v.costPerHour), per km \(v.costPerKm)")
            }
        }
        if !issues.isEmpty { throw DagrouteError.input(issues) }
        self.stops = stops; self.requests = requests; self.vehicleTypes = vehicleTypes; self.matrices = matrices
        requestOfStop = owner; deltaSeats = dS; deltaWheelchairs = dW; depotSeats = pS; depotWheelchairs = pW
        hasPairs = pairs; hasRideLimits = rides
        arrivals = pairs ? Self.transposed(matrices) : []
        let open = Int(Int32.max) / 2
        capacityOnly = requests.allSatisfy { if case .depotDelivery = $0.kind { return true } else { return false } }
            && vehicleTypes.allSatisfy { v in v.maxDuration == nil && v.costPerHour == 0 && v.shiftEnd >= open
                && stops.allSatisfy { $0.earliest <= v.shiftStart && $0.latest >= open } }
    }

    /// `arrivals` of `m`: both matrices transposed and interleaved.
    private static func transposed(_ m: TravelMatrices) -> [Int] {
        let n = m.count
        var into = [Int](repeating: 0, count: 2 * n * n)
        for from in 0..<n {
            for to in 0..<n {
                let k: Int = 2 * (to * n + from)
                into[k] = m.duration[from * n + to]
                into[k + 1] = m.distance[from * n + to]
            }
        }
        return into
    }

    /// Distance in metres between two locations.
    @inline(__always) public func distance(_ a: Int, _ b: Int) -> Int { matrices.distance[a * matrices.count + b] }
    /// Travel time in seconds between two locations.
    @inline(__always) public func duration(_ a: Int, _ b: Int) -> Int { matrices.duration[a * matrices.count + b] }
}
