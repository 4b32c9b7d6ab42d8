import DagrouteCore

/// GeoJSON (RFC 7946) of a report model: one FeatureCollection with a Point per location
/// (`kind: "location"`, `id`, `name`, `capacity`), a Point per client (`kind: "client"`, `id`,
/// `location` or null) and a LineString per route (`kind: "route"`, `scenario`, `day`, `wave`,
/// `vehicle`, and `stops`: `[{kind, id, time}]` with `time` as `HH:MM`). Coordinates are
/// `[lon, lat]` with 6 decimals (≈ 0.1 m). Features come in model order, so output is stable.
public enum GeoJSONWriter {
    /// The FeatureCollection as a JSON value.
    public static func featureCollection(_ model: ReportModel) -> JSONValue {
        var features: [JSONValue] = []
        for l in model.locations {
            features.append(feature(point(l.position), [("kind", .string("location")), ("id", .string(l.id)),
                                                         ("name", .string(l.name)), ("capacity", .int(l.capacity))]))
        }
        for c in model.clients {
            features.append(feature(point(c.position), [("kind", .string("client")), ("id", .string(c.id)),
                                                        ("location", c.location.map(JSONValue.string) ?? .null)]))
        }
        for r in model.routes where !r.stops.isEmpty {
            // A LineString needs two positions; a one-stop route repeats its stop.
            let path = r.stops.count == 1 ? [r.stops[0], r.stops[0]] : r.stops
            let stops = r.stops.map { s in
                JSONValue.object([("kind", .string(s.kind.rawValue)), ("id", s.id.map(JSONValue.string) ?? .null),
                                  ("time", .string(clock(s.time)))])
            }
            features.append(feature(.object([("type", .string("LineString")), ("coordinates", .array(path.map { coordinates($0.position) }))]),
                                    [("kind", .string("route")), ("scenario", .string(r.scenario)), ("day", .string(r.day)),
                                     ("wave", .string(r.wave)), ("vehicle", .string(r.vehicle)), ("stops", .array(stops))]))
        }
        return .object([("type", .string("FeatureCollection")), ("features", .array(features))])
    }

    /// The GeoJSON text (pretty-printed, final newline).
    public static func text(_ model: ReportModel) -> String { featureCollection(model).text() }

    private static func feature(_ geometry: JSONValue, _ properties: [(String, JSONValue)]) -> JSONValue {
        .object([("type", .string("Feature")), ("geometry", geometry), ("properties", .object(properties))])
    }

    private static func point(_ p: GeoPoint) -> JSONValue {
        .object([("type", .string("Point")), ("coordinates", coordinates(p))])
    }

    private static func coordinates(_ p: GeoPoint) -> JSONValue {
        .array([.double(p.lon, digits: 6), .double(p.lat, digits: 6)])
    }

    /// Seconds since midnight as `HH:MM` (rounded down to the minute; past midnight keeps counting hours).
    static func clock(_ t: Seconds) -> String {
        let m = max(0, t.value) / 60
        let h = m / 60, mm = m % 60
        return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
    }
}
