import Routing
import XCTest

/// Independent re-check of a routing result by straightforward simulation (no segment summaries,
/// no solver code): every request once (pair on one route, pickup first), capacities in both
/// dimensions at every stop, windows, shift, maximum duration and ride times against the planned
/// times, and the cost recomputed from the matrices.
enum SolutionChecker {
    /// Returns the problems found (empty when the result is valid) and the recomputed cost.
    static func check(_ p: RoutingProblem, _ result: RoutingResult) -> (issues: [String], cost: Double) {
        var issues: [String] = []
        var seen = [Int](repeating: 0, count: p.stops.count)
        var routeOfStop = [Int](repeating: -1, count: p.stops.count), position = routeOfStop
        var used = [Int](repeating: 0, count: p.vehicleTypes.count)
        var cost = 0.0
        for (r, route) in result.routes.enumerated() {
            let v = p.vehicleTypes[route.vehicleType]
            used[route.vehicleType] += 1
            if route.stops.isEmpty { issues.append("route \(r) is empty") }
            if route.serviceStart.count != route.stops.count { issues.append("route \(r): times and stops differ in length"); continue }
            var seats = 0, chairs = 0
            for s in route.stops {
                let q = p.requests.firstIndex { $0.stops.contains(s) }!
                if case .depotDelivery = p.requests[q].kind { seats += p.requests[q].load.seats; chairs += p.requests[q].load.wheelchairs }
            }
            if route.departure < v.shiftStart { issues.append("route \(r) departs before the shift") }
            var at = v.startLocation, ready = route.departure, dist = 0
            for (k, s) in route.stops.enumerated() {
                seen[s] += 1; routeOfStop[s] = r; position[s] = k
                let stop = p.stops[s]
                let arrive = ready + p.duration(at, stop.location)
                dist += p.distance(at, stop.location)
                let start = route.serviceStart[k]
                if start < arrive { issues.append("route \(r) stop \(s): service at \(start) before arrival \(arrive)") }
                if start < stop.earliest || start > stop.latest { issues.append("route \(r) stop \(s): service at \(start) outside [\(stop.earliest), \(stop.latest)]") }
                let q = p.requests.firstIndex { $0.stops.contains(s) }!
                let req = p.requests[q]
                switch req.kind {
                case let .pickupDelivery(pk, _) where pk == s: seats += req.load.seats; chairs += req.load.wheelchairs
                case .pickupDelivery, .depotDelivery: seats -= req.load.seats; chairs -= req.load.wheelchairs
                case .depotPickup: seats += req.load.seats; chairs += req.load.wheelchairs
                }
                if seats > v.capacity.seats || chairs > v.capacity.wheelchairs { issues.append("route \(r) overloaded after stop \(s): \(seats) seats, \(chairs) wheelchairs") }
                ready = start + stop.service; at = stop.location
            }
            let back = ready + p.duration(at, v.endLocation)
            dist += p.distance(at, v.endLocation)
            if route.arrival < back { issues.append("route \(r): return at \(route.arrival) before possible \(back)") }
            if route.arrival > v.shiftEnd { issues.append("route \(r): return at \(route.arrival) after the shift end \(v.shiftEnd)") }
            if let md = v.maxDuration, route.arrival - route.departure > md { issues.append("route \(r): duration \(route.arrival - route.departure) over \(md)") }
            if dist != route.distance { issues.append("route \(r): distance \(route.distance) reported, \(dist) recomputed") }
            cost += v.fixedCost + v.costPerKm * Double(dist) / 1000 + v.costPerHour * Double(route.arrival - route.departure) / 3600
        }
        for (k, v) in p.vehicleTypes.enumerated() where used[k] > v.count { issues.append("vehicle type \(k) used \(used[k]) times, \(v.count) available") }
        let unassigned = Set(result.unassigned.map(\.request))
        for (q, req) in p.requests.enumerated() {
            let counts = req.stops.map { seen[$0] }
            if unassigned.contains(q) {
                if counts.contains(where: { $0 != 0 }) { issues.append("request \(q) is unassigned but routed") }
                continue
            }
            if counts.contains(where: { $0 != 1 }) { issues.append("request \(q) visited \(counts) times"); continue }
            if case let .pickupDelivery(pk, dl) = req.kind {
                if routeOfStop[pk] != routeOfStop[dl] || position[pk] >= position[dl] { issues.append("request \(q): pickup and delivery out of order or on different routes"); continue }
                if let lim = req.maxRideTime {
                    let route = result.routes[routeOfStop[pk]]
                    let ride = route.serviceStart[position[dl]] - (route.serviceStart[position[pk]] + p.stops[pk].service)
                    if ride > lim { issues.append("request \(q): ride time \(ride) over \(lim)") }
                }
            }
        }
        if abs(cost - result.cost.total) > 1e-6 * max(1, cost) { issues.append("cost \(result.cost.total) reported, \(cost) recomputed") }
        return (issues, cost)
    }

    /// Asserts the result is valid.
    static func assertValid(_ p: RoutingProblem, _ result: RoutingResult, file: StaticString = #filePath, line: UInt = #line) {
        let (issues, _) = check(p, result)
        XCTAssertEqual(issues, [], file: file, line: line)
    }
}
