import DagrouteCore
import Foundation

/// Generates a synthetic but realistic day-care region modelled on Gooi en Vechtstreek
/// (DESIGN §5): clients around the real town centres in proportion to population, eight
/// fictional providers with 25 open locations (plus two candidates) and fleets of 8-seat taxi
/// vans, capacities tight in Hilversum, Bussum and Weesp and loose elsewhere, and settings with
/// Dutch cost rates and four scenarios. The same `clients` and `seed` give the same instance
/// (all randomness comes from one `SeededGenerator`, nothing depends on hash order); across
/// operating systems a different `libm` could in rare cases change a last written digit.
///
/// Client mix (assumptions, see `Instances/README.md`): target groups pg 40 %, vg 25 %, ggz 20 %,
/// lg 15 %; wheelchair users pg 20 %, vg 8 %, ggz 2 %, lg 50 % (≈ 18 % overall); 1–5 days a week
/// (mostly 2–3); whole days mostly for pg; about 20 % travel independently (never wheelchair users);
/// providers chosen with a preference for nearby ones; the current location is the provider's
/// nearest suitable one for ≈ 85 % of clients and another of its locations for the rest.
public struct RegionGenerator: Sendable {
    /// Number of clients (≥ 1).
    public let clientCount: Int
    public let seed: UInt64

    /// The default region: 600 clients, seed 1 (the committed `Instances/gooi-en-vechtstreek`).
    public init(clients: Int = 600, seed: UInt64 = 1) {
        precondition(clients >= 1, "a region needs at least one client")
        self.clientCount = clients; self.seed = seed
    }

    /// Builds the region. Throws only on a defect (the result is checked like any instance).
    public func generate() throws -> Instance {
        var rng = SeededGenerator(seed: seed)
        var (locations, townOf) = makeLocations(&rng)
        let clients = makeClients(locations: locations, &rng)
        locations = setCapacities(locations, townOf: townOf, clients: clients)
        let fleet = makeFleet(locations: locations, clients: clients)
        return try Instance(clients: clients, locations: locations, fleet: fleet,
                            settings: makeSettings(locations, townOf: townOf, clients: clients))
    }

    // MARK: - Locations

    /// The locations (capacities and costs still zero) and the town of each location id.
    private func makeLocations(_ rng: inout SeededGenerator) -> ([Location], [String: GooiEnVechtstreek.Town]) {
        var out: [Location] = []
        var townOf: [String: GooiEnVechtstreek.Town] = [:]
        func add(_ p: GooiEnVechtstreek.Provider, town: String, status: LocationStatus) {
            let t = GooiEnVechtstreek.town(town)
            let n = out.filter { $0.provider == p.id && townOf[$0.id]?.name == town }.count
            let id = String(format: "L%02d", out.count + 1)
            townOf[id] = t
            out.append(Location(
                id: id, name: "\(p.name) \(town)" + (n > 0 ? " \(n + 1)" : ""), provider: p.id,
                position: Self.scatter(around: t.centre, sigmaKm: t.spreadKm * 0.5, &rng),
                capacity: 0, targetGroups: p.groups, products: p.basisOnly.contains(town) ? [.basis] : [.basis, .extra],
                wheelchairAccessible: !p.inaccessible.contains(town), start: p.start, end: p.end, status: status,
                fixedCostPerDay: .zero))
        }
        for p in GooiEnVechtstreek.providers { for town in p.towns { add(p, town: town, status: .open) } }
        for c in GooiEnVechtstreek.candidates {
            add(GooiEnVechtstreek.providers.first { $0.id == c.provider }!, town: c.town, status: .candidate)
        }
        return (out, townOf)
    }

    /// A point around `centre` (Gaussian, σ in km), not in water, rounded to 6 decimals.
    static func scatter(around centre: GeoPoint, sigmaKm: Double, _ rng: inout SeededGenerator) -> GeoPoint {
        let kmPerDegLat = 111.2, kmPerDegLon = 111.2 * cos(centre.lat * .pi / 180)
        var p = centre
        for _ in 0..<100 {
            let dy = rng.nextGaussian() * sigmaKm, dx = rng.nextGaussian() * sigmaKm
            guard dx * dx + dy * dy <= 9 * sigmaKm * sigmaKm else { continue }
            let q = GeoPoint(lat: centre.lat + dy / kmPerDegLat, lon: centre.lon + dx / kmPerDegLon)
            if !GooiEnVechtstreek.isWater(q) { p = q; break }
        }
        return GeoPoint(lat: (p.lat * 1e6).rounded() / 1e6, lon: (p.lon * 1e6).rounded() / 1e6)
    }

    // MARK: - Clients

    private func makeClients(locations: [Location], _ rng: inout SeededGenerator) -> [Client] {
        let towns = GooiEnVechtstreek.towns
        let perTown = Self.apportion(clientCount, weights: towns.map { Double($0.population) })
        let open = locations.filter { $0.status == .open }
        var out: [Client] = []
        for (town, n) in zip(towns, perTown) {
            for _ in 0..<n {
                let group = Self.pick([TargetGroup.pg, .vg, .ggz, .lg], weights: [40, 25, 20, 15], &rng)
                let extraShare: Double = [TargetGroup.pg: 0.35, .vg: 0.35, .ggz: 0.2, .lg: 0.3][group]!
                let wheelchairShare: Double = [TargetGroup.pg: 0.2, .vg: 0.08, .ggz: 0.02, .lg: 0.5][group]!
                let transportShare: Double = [TargetGroup.pg: 0.9, .vg: 0.85, .ggz: 0.55, .lg: 0.85][group]!
                let product: CareProduct = rng.nextUnit() < extraShare ? .extra : .basis
                let wheelchair = rng.nextUnit() < wheelchairShare
                let daysPerWeek = Self.pick([1, 2, 3, 4, 5], weights: [10, 30, 30, 15, 15], &rng)
                var days: [Weekday] = [], dayWeights: [Double] = [1, 1, 0.8, 1, 0.7]
                for _ in 0..<daysPerWeek {
                    let k = Self.pick(Array(0..<5), weights: dayWeights, &rng)
                    days.append(Weekday.workingDays[k]); dayWeights[k] = 0
                }
                let part = group == .pg ? Self.pick([DayPart.day, .morning, .afternoon], weights: [60, 25, 15], &rng)
                                        : Self.pick([DayPart.day, .morning, .afternoon], weights: [40, 35, 25], &rng)
                let needsTransport = wheelchair || rng.nextUnit() < transportShare
                let home = Self.scatter(around: town.centre, sigmaKm: town.spreadKm, &rng)
                let probe = Client(id: "", position: home, municipality: town.municipality, targetGroup: group, product: product,
                                   wheelchair: wheelchair, days: days, dayPart: part, provider: "", currentLocation: nil, needsTransport: needsTransport)
                // Provider: proportional to 1 / (1 km + distance to its nearest suitable location)².
                let suitable = open.filter { $0.accepts(probe) }
                var providerIds: [String] = [], weights: [Double] = []
                for p in GooiEnVechtstreek.providers {
                    let d = suitable.filter { $0.provider == p.id }.map { $0.position.greatCircleMetres(to: home) / 1000 }.min()
                    if let d { providerIds.append(p.id); weights.append(1 / ((1 + d) * (1 + d))) }
                }
                let provider = Self.pick(providerIds, weights: weights, &rng)
                let own = suitable.filter { $0.provider == provider }
                    .sorted { $0.position.greatCircleMetres(to: home) < $1.position.greatCircleMetres(to: home) }
                let current = own.count > 1 && rng.nextUnit() >= 0.85 ? own[1 + Int(rng.next() % UInt64(own.count - 1))] : own[0]
                let maxRide: Seconds? = group == .pg && product == .extra && rng.nextUnit() < 0.1 ? .minutes(30) : nil
                let boarding: Seconds? = wheelchair && rng.nextUnit() < 0.1 ? .minutes(5) : nil
                out.append(Client(id: "", position: home, municipality: town.municipality, targetGroup: group, product: product,
                                  wheelchair: wheelchair, days: days, dayPart: part, provider: provider, currentLocation: current.id,
                                  needsTransport: needsTransport, maxRide: maxRide, boarding: boarding))
            }
        }
        // Pseudonymous ids in a random order, so that ids say nothing about where people live.
        var order = Array(out.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        return order.enumerated().map { k, i in
            let c = out[i]
            return Client(id: String(format: "C%04d", k + 1), position: c.position, municipality: c.municipality,
                          targetGroup: c.targetGroup, product: c.product, wheelchair: c.wheelchair, days: c.days, dayPart: c.dayPart,
                          provider: c.provider, currentLocation: c.currentLocation, needsTransport: c.needsTransport,
                          maxRide: c.maxRide, boarding: c.boarding)
        }.sorted { $0.id < $1.id }
    }

    // MARK: - Capacities and costs

    /// Capacity from today's peak use: ≈ peak in tight towns, 1.35 × peak elsewhere (at least 8);
    /// a reduced Friday capacity where Friday use allows; candidates get 20 places. Fixed cost per
    /// day € 120 + € 6 per place (estimate: rent and overhead of a day-care building).
    private func setCapacities(_ locations: [Location], townOf: [String: GooiEnVechtstreek.Town], clients: [Client]) -> [Location] {
        locations.map { l in
            let town = townOf[l.id]!
            func load(_ day: Weekday) -> Int {
                [DayPart.morning, .afternoon].map { slot in clients.filter { $0.currentLocation == l.id && $0.attends(day, slot: slot) }.count }.max()!
            }
            let peak = Weekday.workingDays.map(load).max()!
            let capacity = l.status == .candidate ? 20 : max(8, town.tight ? peak + (peak >= 10 ? 1 : 0) : Int((1.35 * Double(peak)).rounded(.up)))
            var byDay: [Weekday: Int] = [:]
            let friday = Int((0.75 * Double(capacity)).rounded(.up))
            if l.status == .open && load(.fri) <= friday && friday < capacity { byDay[.fri] = friday }
            return Location(id: l.id, name: l.name, provider: l.provider, position: l.position, capacity: capacity, capacityByDay: byDay,
                            targetGroups: l.targetGroups, products: l.products, wheelchairAccessible: l.wheelchairAccessible,
                            start: l.start, end: l.end, status: l.status, fixedCostPerDay: EuroCents(euros: 120 + 6 * Double(capacity)))
        }
    }

    // MARK: - Fleet

    /// Per provider: wheelchair vans (5 seats + 3 wheelchair places) for its peak wheelchair
    /// riders and 8-seat vans for the other peak riders, at 6 riders per van, plus one spare;
    /// the regional pool gets as many vans as all providers together. Rates are estimates
    /// (see `Instances/README.md`).
    private func makeFleet(locations: [Location], clients: [Client]) -> [VehicleType] {
        var out: [VehicleType] = []
        var poolVans = 0, poolWheelchairVans = 0
        for p in GooiEnVechtstreek.providers {
            let riders = clients.filter { $0.provider == p.id && $0.needsTransport }
            var peakAmbulant = 0, peakWheelchair = 0
            for day in Weekday.workingDays {
                for slot in [DayPart.morning, .afternoon] {
                    // Arrivals of a slot: morning → clients starting in the morning; afternoon → afternoon-only clients.
                    let arriving = riders.filter { $0.days.contains(day) && (slot == .morning ? $0.dayPart != .afternoon : $0.dayPart == .afternoon) }
                    peakAmbulant = max(peakAmbulant, arriving.filter { !$0.wheelchair }.count)
                    peakWheelchair = max(peakWheelchair, arriving.filter(\.wheelchair).count)
                }
            }
            let wheelchairVans = (peakWheelchair + 2) / 3
            let vans = max(1, Int((Double(max(0, peakAmbulant - 5 * wheelchairVans)) / 6).rounded(.up))) + 1
            let depot = locations.first { $0.provider == p.id && $0.status == .open }!.id
            out.append(Self.van(id: "\(p.id)-van8", count: vans, wheelchair: false, depot: .location(depot), provider: p.id))
            if wheelchairVans > 0 {
                out.append(Self.van(id: "\(p.id)-van5r3", count: wheelchairVans, wheelchair: true, depot: .location(depot), provider: p.id))
            }
            poolVans += vans; poolWheelchairVans += wheelchairVans
        }
        out.append(Self.van(id: "pool-van8", count: poolVans, wheelchair: false, depot: .position(GooiEnVechtstreek.poolDepot), provider: nil))
        out.append(Self.van(id: "pool-van5r3", count: poolWheelchairVans, wheelchair: true, depot: .position(GooiEnVechtstreek.poolDepot), provider: nil))
        return out
    }

    /// A taxi van: 8 seats, or 5 seats and 3 wheelchair places. € 38/h driver cost, € 0.32/km
    /// (€ 0.36 for the heavier wheelchair van), € 45 (€ 55) per day lease and insurance, 10 h shift.
    static func van(id: String, count: Int, wheelchair: Bool, depot: Depot, provider: String?) -> VehicleType {
        VehicleType(id: id, count: count, seats: wheelchair ? 5 : 8, wheelchairPlaces: wheelchair ? 3 : 0, depot: depot, provider: provider,
                    costPerHour: EuroCents(3800), costPerKm: EuroCents(wheelchair ? 36 : 32),
                    fixedCostPerDay: EuroCents(wheelchair ? 5500 : 4500), maxShift: .minutes(600))
    }

    // MARK: - Settings

    private func makeSettings(_ locations: [Location], townOf: [String: GooiEnVechtstreek.Town], clients: [Client]) -> Settings {
        // Close the busiest location of a tight town; let the provider with the fewest clients exit.
        let closing = locations.filter { $0.status == .open && townOf[$0.id]!.tight }
            .max { a, b in (a.capacity, b.id) < (b.capacity, a.id) }!
        let exiting = GooiEnVechtstreek.providers.map(\.id)
            .min { a, b in (clients.filter { $0.provider == a }.count, a) < (clients.filter { $0.provider == b }.count, b) }!
        let candidate = locations.first { $0.status == .candidate }!
        return Settings(scenarios: [
            ScenarioSpec(name: "close-\(closing.id)", description: "\(closing.name) closes; its clients move within their provider where possible",
                         closeLocations: [closing.id]),
            ScenarioSpec(name: "exit-\(exiting)", description: "provider \(exiting) stops; its clients move to other providers, groups kept together",
                         exitProviders: [exiting], clientsMayChangeProvider: true, keepGroupsTogether: true),
            ScenarioSpec(name: "strict-ride", description: "stricter ride-time policy: direct + 10 minutes, at most 45 minutes",
                         rideTime: RideTimePolicy(factor: 1, extra: .minutes(10), cap: .minutes(45))),
            ScenarioSpec(name: "open-\(candidate.id)", description: "candidate location \(candidate.name) opens",
                         openLocations: [candidate.id]),
        ], careTariffs: CareTariffs())
    }

    // MARK: - Helpers

    /// Splits `total` over `weights` proportionally (largest remainder; ties to the earlier entry).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        for i in order.prefix(total - counts.reduce(0, +)) { counts[i] += 1 }
        return counts
    }

    /// One of `items` with probability proportional to `weights` (all ≥ 0, some > 0).
    static func pick<T>(_ items: [T], weights: [Double], _ rng: inout SeededGenerator) -> T {
        var r = rng.nextUnit() * weights.reduce(0, +)
        for (item, w) in zip(items, weights) {
            if r < w { return item }
            r -= w
        }
        return items[weights.lastIndex { $0 > 0 }!]
    }
}
