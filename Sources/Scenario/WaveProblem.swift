import DagrouteCore
import Instance
import Routing

/// One routing problem: the rides of one wave of one weekday for one fleet (a provider's own, or
/// the regional pool), as a dial-a-ride `RoutingProblem` plus what is needed to turn its solution
/// back into care terms.
///
/// Every ride is a pickup–delivery request loading one seat (or one wheelchair place) with the
/// client's boarding and alighting times. Inbound: alighting starts within the arrival window
/// before the programme start and ends by it. Outbound: boarding starts within the departure
/// window after the programme half ends. The home side's window follows from the location side's
/// and the ride limit. Vehicles start and end at their row's depot; costs in euro cents.
struct WaveProblem {
    struct Ride {
        var client: Int
        var location: Int
        var inbound: Bool
        var direct: Int
        var limit: Int
        /// Latest allowed service start at the location side.
        var latest: Int
    }

    let day: Weekday
    let wave: TripWave
    let rides: [Ride]
    /// Fleet rows (indices into `Instance.fleet`) the problem's vehicles come from, in order.
    let rows: [Int]
    /// Fleet row (index into `Instance.fleet`) of every vehicle type of `problem`, in type order:
    /// `rows` itself, one type per row; in a wave coupled to the earlier waves of its day
    /// (`coupled(freeVehicles:)`), per row a type without fixed cost and one with it.
    let typeRows: [Int]
    /// Table point of every matrix index.
    let points: [Int]
    let problem: RoutingProblem?

    /// The rides of `day`/`wave` of the placed, transport-needing clients whose location passes
    /// `include` (e.g. a provider's locations).
    static func rides(_ instance: Instance, _ assignment: CareAssignment, _ spec: ScenarioSpec, _ table: TravelTable,
                      day: Weekday, wave: TripWave, include: (Int) -> Bool) -> [Ride] {
        let settings = instance.settings
        let policy = spec.rideTime ?? settings.rideTime
        var out: [Ride] = []
        for (c, client) in instance.clients.enumerated() where client.needsTransport && client.days.contains(day) {
            guard let l = assignment.locationOfClient[c], include(l) else { continue }
            let location = instance.locations[l]
            for ride in wave.rides(for: client.dayPart) {
                let direct = table.time(table.client(c), table.location(l))
                let limit = settings.maxRide(for: client, direct: Seconds(direct), policy: policy).value
                let programme = location.programme(ride.half)
                let latest = ride.inbound
                    ? programme.arrive.secondsSinceMidnight.value - settings.alightingTime(for: client).value
                    : programme.leave.secondsSinceMidnight.value + settings.departureWindow.value
                out.append(Ride(client: c, location: l, inbound: ride.inbound, direct: direct, limit: limit, latest: latest))
            }
        }
        return out
    }

    init(_ instance: Instance, _ table: TravelTable, day: Weekday, wave: TripWave, rides: [Ride], rows: [Int]) throws {
        self.day = day; self.wave = wave; self.rides = rides; self.rows = rows; self.typeRows = rows
        var points: [Int] = [], local: [Int: Int] = [:]
        func index(_ p: Int) -> Int {
            if let i = local[p] { return i }
            local[p] = points.count; points.append(p); return points.count - 1
        }
        for r in rows { _ = index(table.depot(r)) }
        let settings = instance.settings
        var stops: [Stop] = [], requests: [Request] = []
        for ride in rides {
            let client = instance.clients[ride.client]
            let home = index(table.client(ride.client)), site = index(table.location(ride.location))
            let board = settings.boardingTime(for: client).value, alight = settings.alightingTime(for: client).value
            let load = client.wheelchair ? Load(seats: 0, wheelchairs: 1) : Load(seats: 1)
            // The home side's window is implied by the location side's and the ride limit
            // (direct ≤ ride ≤ limit), so tightening it loses no plan and speeds the search.
            if ride.inbound {
                let earliest = min(ride.latest + alight - settings.arrivalWindow.value, ride.latest)
                stops.append(Stop(location: home, service: board, earliest: max(0, earliest - ride.limit - board),
                                  latest: max(0, ride.latest - ride.direct - board)))
                stops.append(Stop(location: site, service: alight, earliest: earliest, latest: ride.latest))
            } else {
                let earliest = ride.latest - settings.departureWindow.value
                stops.append(Stop(location: site, service: board, earliest: earliest, latest: ride.latest))
                stops.append(Stop(location: home, service: alight, earliest: earliest + board + ride.direct,
                                  latest: ride.latest + board + ride.limit))
            }
            requests.append(Request(.pickupDelivery(pickup: stops.count - 2, delivery: stops.count - 1), load: load, maxRideTime: ride.limit))
        }
        self.points = points
        guard !rides.isEmpty, !rows.isEmpty else { problem = nil; return }
        let n = points.count
        var distance = [Int](repeating: 0, count: n * n), duration = distance
        for i in 0..<n { for j in 0..<n { distance[i * n + j] = table.distance(points[i], points[j]); duration[i * n + j] = table.time(points[i], points[j]) } }
        let types = rows.map { r -> Routing.VehicleType in
            let v = instance.fleet[r]
            let depot = local[table.depot(r)]!
            return Routing.VehicleType(count: v.count, capacity: Load(seats: v.seats, wheelchairs: v.wheelchairPlaces),
                                       startLocation: depot, endLocation: depot, shiftStart: 0, shiftEnd: 24 * 3600,
                                       maxDuration: v.maxShift.value, fixedCost: Double(v.fixedCostPerDay.value),
                                       costPerHour: Double(v.costPerHour.value), costPerKm: Double(v.costPerKm.value))
        }
        problem = try RoutingProblem(stops: stops, requests: requests, vehicleTypes: types,
                                     matrices: TravelMatrices(count: n, distance: distance, duration: duration),
                                     source: "<\(day.rawValue) \(wave.rawValue) routes>")
    }

    /// `base` with another routing problem over the same stops and requests, whose vehicle type
    /// `k` comes from fleet row `typeRows[k]`.
    init(_ base: WaveProblem, problem: RoutingProblem, typeRows: [Int]) {
        day = base.day; wave = base.wave; rides = base.rides; rows = base.rows; points = base.points
        self.problem = problem; self.typeRows = typeRows
    }

    /// The plan with every ride unrouted for `reason` (e.g. `time-limit` when the run's budget was
    /// spent before this problem's turn).
    func unplanned(reason: String) -> WavePlan {
        WavePlan(day: day, wave: wave, routes: [], rides: [],
                 unrouted: rides.map { UnroutedRide(client: $0.client, day: day, wave: wave, reason: reason) })
    }

    /// The plan in care terms. Without a problem (no vehicles), every ride is unrouted (`capacity`).
    func plan(_ instance: Instance, _ table: TravelTable, _ result: RoutingResult?) -> WavePlan {
        guard let problem, let result else { return unplanned(reason: UnassignedReason.capacity.rawValue) }
        var routes: [VehicleRoute] = [], planned: [ClientRide] = []
        var numbering: [Int: Int] = [:]
        var boarded: [Int: Int] = [:]
        for route in result.routes {
            let row = typeRows[route.vehicleType], fleet = instance.fleet[row]
            numbering[row, default: 0] += 1
            let depot = table.depot(row)
            var out: [RouteStop] = [RouteStop(kind: .depart, client: nil, place: fleet.id, position: table.points[depot],
                                              time: Seconds(route.departure), done: Seconds(route.departure), leg: .zero, seats: 0, wheelchairs: 0)]
            var at = depot, seats = 0, chairs = 0
            for (k, s) in route.stops.enumerated() {
                let q = s / 2, ride = rides[q], pickup = s % 2 == 0
                let client = instance.clients[ride.client]
                let point = points[problem.stops[s].location]
                let start = route.serviceStart[k], end = start + problem.stops[s].service
                let delta = pickup ? 1 : -1
                if client.wheelchair { chairs += delta } else { seats += delta }
                let place = point == table.location(ride.location) ? instance.locations[ride.location].id : "home"
                out.append(RouteStop(kind: pickup ? .pickup : .dropoff, client: client.id, place: place, position: table.points[point],
                                     time: Seconds(start), done: Seconds(end), leg: Metres(table.distance(at, point)), seats: seats, wheelchairs: chairs))
                at = point
                if pickup { boarded[q] = end } else {
                    let latestSide = ride.inbound ? start : (boarded[q]! - problem.stops[s - 1].service)
                    planned.append(ClientRide(client: ride.client, day: day, wave: wave, inbound: ride.inbound, location: ride.location,
                                              ride: Seconds(start - boarded[q]!), direct: Seconds(ride.direct), limit: Seconds(ride.limit),
                                              late: Seconds(max(0, latestSide - ride.latest))))
                }
            }
            out.append(RouteStop(kind: .return, client: nil, place: fleet.id, position: table.points[depot], time: Seconds(route.arrival),
                                 done: Seconds(route.arrival), leg: Metres(table.distance(at, depot)), seats: 0, wheelchairs: 0))
            routes.append(VehicleRoute(vehicle: "\(fleet.id)/\(numbering[row]!)", fleetRow: fleet.id, day: day, wave: wave, stops: out))
        }
        planned.sort { ($0.client, $0.inbound ? 0 : 1) < ($1.client, $1.inbound ? 0 : 1) }
        let unrouted = result.unassigned.map { UnroutedRide(client: rides[$0.request].client, day: day, wave: wave, reason: $0.reason.rawValue) }
        return WavePlan(day: day, wave: wave, routes: routes, rides: planned, unrouted: unrouted)
    }
}
