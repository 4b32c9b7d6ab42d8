import DagrouteCore
import Instance

/// The outputs of `dagroute analyze`: text tables, the JSON document and the report model.
/// None of the tables or the JSON names a client; only the report model (map, GeoJSON) does.
extension CurrentSituation {
    /// `n (12.3%)` for `n` of a distribution.
    private func countShare(_ n: Int, _ d: Distribution) -> String {
        NumberFormat.integer(n) + " (" + NumberFormat.percent(d.share(n)) + ")"
    }

    private func minutes(_ seconds: Double) -> String { NumberFormat.decimal(seconds / 60, digits: 1) }
    private func km(_ metres: Double) -> String { NumberFormat.decimal(metres / 1000, digits: 1) }

    /// A one-line description of the travel-time model.
    public var modelDescription: String {
        if let roadExtract { return "road network of \(roadExtract) (shortest drive times over OpenStreetMap roads)" }
        return "crow-fly model: detour factor \(NumberFormat.decimal(model.detourFactor, digits: 2)), "
            + "\(NumberFormat.decimal(model.speedShortKmh, digits: 0)) km/h rising to \(NumberFormat.decimal(model.speedLongKmh, digits: 0)) km/h "
            + "(half-way at \(NumberFormat.kilometres(model.halfSpeedDistance)) km)"
    }

    /// Direct drive statistics for all clients with a location and for those needing transport.
    public var directTable: ReportTable {
        var t = ReportTable(title: "Direct drive from home to the current location", columns: [
            .text("clients"), .number("count"), .number("mean min"), .number("median min"), .number("p90 min"),
            .number("max min"), .number("mean km"), .number("max km"), .number("over 30 min"), .number("over 45 min"),
            .number("over 60 min"),
        ], note: "Time and \(roadExtract == nil ? "estimated " : "")road distance of a direct drive by the \(modelDescription). Over: strictly longer than.")
        for (name, d) in [("all with a location", all), ("needing transport", transported)] {
            t.add([name, NumberFormat.integer(d.count), minutes(d.meanTime), NumberFormat.minutes(d.medianTime),
                   NumberFormat.minutes(d.p90Time), NumberFormat.minutes(d.maxTime), km(d.meanDistance),
                   NumberFormat.kilometres(d.maxDistance), countShare(d.over30, d), countShare(d.over45, d), countShare(d.over60, d)])
        }
        return t
    }

    /// Clients per 5-minute band of direct drive time, with a bar of `#`.
    public var histogramTable: ReportTable {
        var t = ReportTable(title: "Direct drive time distribution", columns: [.text("minutes"), .number("clients"), .number("share"), .text("")])
        let counts = SVGCharts.binCounts([ReportModel.RideTimes(name: "", samples: trips.map(\.time))], bin: 5).first ?? []
        let top = max(counts.max() ?? 0, 1)
        for (k, n) in counts.enumerated() {
            t.add(["\(k * 5)–\((k + 1) * 5)", NumberFormat.integer(n), NumberFormat.percent(all.share(n)),
                   String(repeating: "#", count: Int((Double(n) / Double(top) * 40).rounded(.up)))])
        }
        return t
    }

    /// Clients per municipality of residence.
    public var municipalityTable: ReportTable {
        var t = ReportTable(title: "Clients per municipality", columns: [
            .text("municipality"), .number("clients"), .number("share"), .number("need transport"),
            .number("mean min"), .number("max min"), .number("over 30 min"),
        ], note: "Direct drive time to the current location.")
        for m in municipalities {
            t.add([m.name, NumberFormat.integer(m.clients), NumberFormat.percent(clients == 0 ? 0 : Double(m.clients) / Double(clients)),
                   NumberFormat.integer(m.needingTransport), minutes(m.direct.meanTime), NumberFormat.minutes(m.direct.maxTime),
                   NumberFormat.integer(m.direct.over30)])
        }
        t.add(["total", NumberFormat.integer(clients), NumberFormat.percent(clients == 0 ? 0 : 1), NumberFormat.integer(needingTransport),
               minutes(all.meanTime), NumberFormat.minutes(all.maxTime), NumberFormat.integer(all.over30)], isTotal: true)
        return t
    }

    /// Clients per location with their drive times and distances.
    public var catchmentTable: ReportTable {
        var t = ReportTable(title: "Catchment per location", columns: [
            .text("location"), .text("name"), .text("provider"), .text("municipality"), .number("places"),
            .number("clients"), .number("mean km"), .number("max km"), .number("mean min"), .number("max min"),
        ], note: "Places per half-day slot. Municipality of a location: the most common among the 7 nearest client homes (estimate).")
        for c in catchments {
            t.add([c.location.id, c.location.name, c.location.provider, c.municipality, NumberFormat.integer(c.location.capacity),
                   NumberFormat.integer(c.direct.count), km(c.direct.meanDistance), NumberFormat.kilometres(c.direct.maxDistance),
                   minutes(c.direct.meanTime), NumberFormat.minutes(c.direct.maxTime)])
        }
        return t
    }

    /// Residence municipality (rows) × location municipality (columns), with totals.
    public var flowTable: ReportTable {
        let origins = Array(Set(flows.map(\.from))).sorted(), destinations = Array(Set(flows.map(\.to))).sorted()
        var t = ReportTable(title: "Flows: municipality of residence → municipality of the location",
                            columns: [.text("lives in \\ goes to")] + destinations.map { .number($0) } + [.number("total")],
                            note: "Clients with a current location.")
        let count = { (from: String, to: String) in self.flows.first { $0.from == from && $0.to == to }?.clients ?? 0 }
        for o in origins {
            let row = destinations.map { count(o, $0) }
            t.add([o] + row.map(NumberFormat.integer) + [NumberFormat.integer(row.reduce(0, +))])
        }
        let totals = destinations.map { d in flows.filter { $0.to == d }.reduce(0) { $0 + $1.clients } }
        t.add(["total"] + totals.map(NumberFormat.integer) + [NumberFormat.integer(totals.reduce(0, +))], isTotal: true)
        return t
    }

    /// Clients attending / places, per location and weekday × half-day slot.
    public var capacityTable: ReportTable {
        let slots = days.flatMap { d in [(d, DayPart.morning), (d, DayPart.afternoon)] }
        var t = ReportTable(title: "Capacity use per location (clients / places)",
                            columns: [.text("location")] + slots.map { .number("\($0.0.rawValue) \($0.1 == .morning ? "am" : "pm")") },
                            note: "A 'day' client takes a morning and an afternoon place. ! marks a slot over capacity.")
        func cell(_ used: Int, _ places: Int) -> String { "\(used)/\(places)" + (used > places ? "!" : "") }
        for c in catchments {
            let uses = capacityUse.filter { $0.location == c.location.id }
            t.add([c.location.id] + uses.map { cell($0.clients, $0.capacity) })
        }
        let totals = slots.map { s in capacityUse.filter { $0.day == s.0 && $0.slot == s.1 } }
        t.add(["total"] + totals.map { u in cell(u.reduce(0) { $0 + $1.clients }, u.reduce(0) { $0 + $1.capacity }) }, isTotal: true)
        return t
    }

    /// All tables in reading order.
    public var tables: [ReportTable] {
        [municipalityTable, directTable, histogramTable, catchmentTable, flowTable, capacityTable]
    }

    /// The text report: a headline and every table.
    public func text(instanceName: String) -> String {
        "\(instanceName): \(clients) clients (\(needingTransport) need transport), \(all.count) with a current location, "
            + "\(catchments.count) locations in use\n\n" + tables.map(\.text).joined(separator: "\n")
    }

    private func distributionJSON(_ d: Distribution) -> JSONValue {
        .object([("clients", .int(d.count)), ("mean_s", .double(d.meanTime, digits: 1)), ("median_s", .int(d.medianTime.value)),
                 ("p90_s", .int(d.p90Time.value)), ("max_s", .int(d.maxTime.value)), ("mean_m", .double(d.meanDistance, digits: 1)),
                 ("max_m", .int(d.maxDistance.value)), ("over_30_min", .int(d.over30)), ("over_45_min", .int(d.over45)),
                 ("over_60_min", .int(d.over60)), ("share_over_30_min", .double(d.share(d.over30), digits: 4)),
                 ("share_over_45_min", .double(d.share(d.over45), digits: 4)), ("share_over_60_min", .double(d.share(d.over60), digits: 4))])
    }

    /// The JSON document (`analysis.json`, `--format json`): aggregates only, no client ids.
    /// Times in seconds (`_s`), distances in metres (`_m`), shares 0…1.
    public func json(instanceName: String) -> JSONValue {
        let m = model
        return .object([
            ("instance", .string(instanceName)),
            ("travel_time_model", roadExtract.map { .object([("kind", .string("road")), ("extract", .string($0))]) }
                ?? .object([("kind", .string("crow-fly")), ("detour_factor", .double(m.detourFactor, digits: 3)),
                            ("speed_short_kmh", .double(m.speedShortKmh, digits: 2)), ("speed_long_kmh", .double(m.speedLongKmh, digits: 2)),
                            ("half_speed_m", .int(m.halfSpeedDistance.value))])),
            ("clients", .int(clients)), ("needing_transport", .int(needingTransport)),
            ("direct", .object([("all", distributionJSON(all)), ("needing_transport", distributionJSON(transported))])),
            ("direct_histogram", .array((SVGCharts.binCounts([ReportModel.RideTimes(name: "", samples: trips.map(\.time))], bin: 5).first ?? [])
                .enumerated().map { k, n in .object([("from_min", .int(k * 5)), ("to_min", .int(k * 5 + 5)), ("clients", .int(n))]) })),
            ("municipalities", .array(municipalities.map { mu in
                .object([("name", .string(mu.name)), ("clients", .int(mu.clients)), ("needing_transport", .int(mu.needingTransport)),
                         ("direct", distributionJSON(mu.direct))])
            })),
            ("locations", .array(catchments.map { c in
                .object([("id", .string(c.location.id)), ("name", .string(c.location.name)), ("provider", .string(c.location.provider)),
                         ("municipality", .string(c.municipality)), ("capacity", .int(c.location.capacity)),
                         ("status", .string(c.location.status.rawValue)), ("direct", distributionJSON(c.direct))])
            })),
            ("flows", .array(flows.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("clients", .int($0.clients))]) })),
            ("capacity_use", .array(capacityUse.map { u in
                .object([("location", .string(u.location)), ("day", .string(u.day.rawValue)), ("slot", .string(u.slot.rawValue)),
                         ("clients", .int(u.clients)), ("capacity", .int(u.capacity))])
            })),
        ])
    }

    /// The report model: the map of clients (coloured by current location) and locations in use,
    /// the direct drive time histogram, and every table.
    public func reportModel(instance: Instance, instanceName: String) -> ReportModel {
        ReportModel(
            title: "Current situation: \(instanceName)",
            subtitle: "\(clients) clients, \(all.count) with a current location, \(catchments.count) locations in use. Direct drives by the \(modelDescription).",
            clients: instance.clients.map { ReportModel.Client(id: $0.id, position: $0.position, location: $0.currentLocation) },
            locations: catchments.map { ReportModel.Location(id: $0.location.id, name: $0.location.name, position: $0.location.position, capacity: $0.location.capacity) },
            rideTimes: [ReportModel.RideTimes(name: "all with a location", samples: trips.map(\.time)),
                        ReportModel.RideTimes(name: "needing transport", samples: trips.filter(\.needsTransport).map(\.time))],
            rideTimeTitle: "Direct drive time to the current location",
            tables: tables.filter { $0.title != histogramTable.title })
    }
}
