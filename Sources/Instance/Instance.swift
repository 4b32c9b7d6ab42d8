import DagrouteCore

/// A complete, validated care-domain instance: clients, locations, fleet and settings.
///
/// Invariants (checked on construction, every violation reported): ids are unique per file;
/// every client's provider has a location; every current location exists and is open; every
/// client has at least one compatible location (`Location.accepts`) that is open or a candidate;
/// depots and fleet providers exist; scenario names are unique and every location and provider
/// a scenario names exists (closing only non-closed, opening only non-open locations).
public struct Instance: Sendable {
    public let clients: [Client]
    public let locations: [Location]
    public let fleet: [VehicleType]
    public let settings: Settings
    /// Non-fatal findings (coordinates outside the Netherlands, a client at a location that does
    /// not serve their group, an ignored column, …), in file order.
    public let warnings: [Diagnostic]
    /// Ids of all providers (those with at least one location), sorted.
    public let providers: [String]
    private let locationIndex: [String: Int]

    /// Builds an instance from values made in code, checking the cross-file invariants.
    /// Throws `DagrouteError.input` listing every violation.
    public init(clients: [Client], locations: [Location], fleet: [VehicleType], settings: Settings) throws {
        let sink = DiagnosticSink()
        try self.init(clients: clients, locations: locations, fleet: fleet, settings: settings, sourceMap: SourceMap(), sink: sink)
    }

    init(clients: [Client], locations: [Location], fleet: [VehicleType], settings: Settings,
         sourceMap: SourceMap, sink: DiagnosticSink) throws {
        InstanceChecks(clients: clients, locations: locations, fleet: fleet, settings: settings, map: sourceMap, sink: sink).run()
        let ordered = InstanceChecks.ordered(sink.items)
        if sink.hasErrors { throw DagrouteError.input(ordered) }
        self.clients = clients; self.locations = locations; self.fleet = fleet; self.settings = settings
        self.warnings = ordered
        self.providers = Array(Set(locations.map(\.provider))).sorted()
        var index: [String: Int] = [:]
        for (i, l) in locations.enumerated() { index[l.id] = i }
        self.locationIndex = index
    }

    /// The location with `id`, or nil.
    public func location(id: String) -> Location? { locationIndex[id].map { locations[$0] } }

    /// Where vehicles of `vehicle` start and end (a depot location's position, or the given position).
    public func depotPosition(of vehicle: VehicleType) -> GeoPoint {
        switch vehicle.depot {
        case .position(let p): return p
        case .location(let id): return location(id: id)!.position
        }
    }

    /// The locations (open or candidate) that can serve `client`.
    public func compatibleLocations(for client: Client) -> [Location] {
        locations.filter { $0.accepts(client) }
    }
}
