import DagrouteCore
import Foundation
import Instance

/// The current situation of an instance, for `dagroute analyze`: where clients live and which
/// location they attend, the direct drive from home to that location (time and estimated road
/// distance by the instance's crow-fly `TravelTimeModel`), each location's catchment, the flows
/// between municipalities, and capacity use per location, weekday and half-day slot.
///
/// Locations carry no municipality in `locations.csv`; a location's municipality is estimated as
/// the most common municipality among the 7 client homes nearest to it (ties: the nearest home's).
public struct CurrentSituation: Sendable {
    /// One client's direct drive from home to their current location.
    public struct Trip: Sendable, Equatable {
        public let client: String
        public let location: String
        public let needsTransport: Bool
        /// Direct drive time, seconds.
        public let time: Seconds
        /// Estimated road distance (detour factor × great-circle distance), metres.
        public let distance: Metres
    }

    /// Summary statistics of a set of trips (nearest-rank quantiles).
    public struct Distribution: Sendable, Equatable {
        public let count: Int
        /// Mean time, seconds (0 when empty).
        public let meanTime: Double
        public let medianTime: Seconds
        public let p90Time: Seconds
        public let maxTime: Seconds
        /// Mean distance, metres (0 when empty).
        public let meanDistance: Double
        public let maxDistance: Metres
        /// Trips strictly longer than 30, 45 and 60 minutes.
        public let over30: Int, over45: Int, over60: Int

        init(_ trips: [Trip]) {
            count = trips.count
            let times = trips.map(\.time).sorted(), distances = trips.map(\.distance).sorted()
            func rank(_ p: Double) -> Seconds { times.isEmpty ? .zero : times[max(0, Int((p * Double(times.count)).rounded(.up)) - 1)] }
            meanTime = times.isEmpty ? 0 : Double(times.reduce(0) { $0 + $1.value }) / Double(times.count)
            medianTime = rank(0.5); p90Time = rank(0.9); maxTime = times.last ?? .zero
            meanDistance = distances.isEmpty ? 0 : Double(distances.reduce(0) { $0 + $1.value }) / Double(distances.count)
            maxDistance = distances.last ?? .zero
            over30 = times.filter { $0 > .minutes(30) }.count
            over45 = times.filter { $0 > .minutes(45) }.count
            over60 = times.filter { $0 > .minutes(60) }.count
        }

        /// Share (0…1) of `n` among `count`; 0 when empty.
        public func share(_ n: Int) -> Double { count == 0 ? 0 : Double(n) / Double(count) }
    }

    /// Clients living in one municipality.
    public struct Municipality: Sendable, Equatable {
        public let name: String
        public let clients: Int
        public let needingTransport: Int
        /// Direct trips of its clients that have a current location.
        public let direct: Distribution
    }

    /// The clients of one location.
    public struct Catchment: Sendable, Equatable {
        public let location: Location
        /// Estimated municipality of the location (see the type's documentation).
        public let municipality: String
        public let direct: Distribution
    }

    /// Clients living in `from` attending a location in (estimated) municipality `to`.
    public struct Flow: Sendable, Equatable {
        public let from: String
        public let to: String
        public let clients: Int
    }

    /// Clients of a location attending in one half-day slot of one weekday, against its places.
    public struct SlotUse: Sendable, Equatable {
        public let location: String
        public let day: Weekday
        /// `.morning` or `.afternoon`.
        public let slot: DayPart
        public let clients: Int
        public let capacity: Int
    }

    public let clients: Int
    public let needingTransport: Int
    /// Direct trips of all clients with a current location, in client order.
    public let trips: [Trip]
    /// Statistics over all trips and over the trips of clients who need transport.
    public let all: Distribution
    public let transported: Distribution
    /// Municipalities of residence, sorted by name.
    public let municipalities: [Municipality]
    /// Locations that are open or have clients, in file order.
    public let catchments: [Catchment]
    /// Non-zero flows, sorted by origin and destination.
    public let flows: [Flow]
    /// Per catchment location, per weekday attended by anyone, morning then afternoon.
    public let capacityUse: [SlotUse]
    /// The weekdays on which any client attends, in week order.
    public let days: [Weekday]
    /// The travel-time model used.
    public let model: TravelTimeModel
    /// The OpenStreetMap extract the direct drives were measured on, or nil for the crow-fly `model`.
    public let roadExtract: String?

    /// Analyses `instance` with `model` (default: the instance's `settings.travelTime`), or — with
    /// `road` — with the drive time and distance `road.direct(client index, location index)` over the
    /// roads of `road.extract` (instance order indices).
    public init(instance: Instance, model: TravelTimeModel? = nil,
                road: (extract: String, direct: (_ client: Int, _ location: Int) -> (time: Seconds, distance: Metres))? = nil) {
        let model = model ?? instance.settings.travelTime
        self.model = model
        roadExtract = road?.extract
        let cs = instance.clients
        clients = cs.count
        needingTransport = cs.filter(\.needsTransport).count
        let locationIndex = Dictionary(instance.locations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let trips: [Trip] = cs.enumerated().compactMap { k, c in
            guard let id = c.currentLocation, let l = locationIndex[id] else { return nil }
            let (time, distance) = road?.direct(k, l) ?? model.estimate(from: c.position, to: instance.locations[l].position)
            return Trip(client: c.id, location: id, needsTransport: c.needsTransport, time: time, distance: distance)
        }
        self.trips = trips
        all = Distribution(trips)
        transported = Distribution(trips.filter(\.needsTransport))

        let municipalityOf = Dictionary(cs.map { ($0.id, $0.municipality) }, uniquingKeysWith: { a, _ in a })
        let tripsByMunicipality = Dictionary(grouping: trips) { municipalityOf[$0.client]! }
        let tripsByLocation = Dictionary(grouping: trips, by: \.location)
        municipalities = Set(cs.map(\.municipality)).sorted().map { m in
            let members = cs.filter { $0.municipality == m }
            return Municipality(name: m, clients: members.count, needingTransport: members.filter(\.needsTransport).count,
                                direct: Distribution(tripsByMunicipality[m] ?? []))
        }

        let used = Set(trips.map(\.location))
        let catchments = instance.locations.filter { $0.status == .open || used.contains($0.id) }.map { l in
            Catchment(location: l, municipality: CurrentSituation.municipality(of: l.position, clients: cs),
                      direct: Distribution(tripsByLocation[l.id] ?? []))
        }
        self.catchments = catchments
        let locationMunicipality = Dictionary(catchments.map { ($0.location.id, $0.municipality) }, uniquingKeysWith: { a, _ in a })
        var flowCount: [String: [String: Int]] = [:]
        for t in trips {
            flowCount[municipalityOf[t.client]!, default: [:]][locationMunicipality[t.location]!, default: 0] += 1
        }
        flows = flowCount.keys.sorted().flatMap { from in
            flowCount[from]!.keys.sorted().map { to in Flow(from: from, to: to, clients: flowCount[from]![to]!) }
        }

        let days = Weekday.allCases.filter { d in cs.contains { $0.days.contains(d) } }
        self.days = days
        // One pass over the clients: attendance per location, weekday and half-day slot.
        struct SlotKey: Hashable { let location: String, day: Weekday, slot: DayPart }
        var attendance: [SlotKey: Int] = [:]
        for c in cs {
            guard let l = c.currentLocation, instance.location(id: l) != nil else { continue }
            for day in c.days { for slot in c.dayPart.slots { attendance[SlotKey(location: l, day: day, slot: slot), default: 0] += 1 } }
        }
        capacityUse = catchments.flatMap { c in
            days.flatMap { day in
                [DayPart.morning, .afternoon].map { slot in
                    SlotUse(location: c.location.id, day: day, slot: slot,
                            clients: attendance[SlotKey(location: c.location.id, day: day, slot: slot)] ?? 0, capacity: c.location.capacity(on: day))
                }
            }
        }
    }

    /// The most common municipality among the 7 client homes nearest to `p` (ties: the one of
    /// the nearest home among the tied); `-` when there are no clients.
    static func municipality(of p: GeoPoint, clients: [Client]) -> String {
        // The 7 nearest homes by a bounded insertion (ties by id), then a vote.
        var nearest: [(metres: Double, municipality: String, id: String)] = []
        for c in clients {
            let entry = (metres: c.position.greatCircleMetres(to: p), municipality: c.municipality, id: c.id)
            if nearest.count == 7, let last = nearest.last, (last.metres, last.id) <= (entry.metres, entry.id) { continue }
            let at = nearest.firstIndex { (entry.metres, entry.id) < ($0.metres, $0.id) } ?? nearest.count
            nearest.insert(entry, at: at)
            if nearest.count > 7 { nearest.removeLast() }
        }
        var votes: [String: Int] = [:]
        for n in nearest { votes[n.municipality, default: 0] += 1 }
        let best = votes.values.max() ?? 0
        return nearest.first { votes[$0.municipality] == best }?.municipality ?? "-"
    }
}
