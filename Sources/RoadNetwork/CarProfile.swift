/// Which OpenStreetMap ways a car may drive, in which directions and how fast.
///
/// Default speeds per `highway` class (km/h) follow the OSRM car profile (`car.lua`), which already
/// folds typical slow-downs (junctions, traffic) into the class speed:
/// motorway 90, motorway_link 45, trunk 85, trunk_link 40, primary 65, primary_link 30,
/// secondary 55, secondary_link 25, tertiary 40, tertiary_link 20, unclassified 25,
/// residential 25, living_street 10, service 15. Other classes (footway, cycleway, track, path,
/// construction, …) are not drivable.
///
/// A `maxspeed` tag replaces the class speed by 80 % of the limit (OSRM's convention: limits are
/// rarely driven throughout). Understood forms: `50`, `50 km/h`, `30 mph`, `NL:urban` (50),
/// `NL:rural` (80), `NL:trunk` (100), `NL:motorway` (130), `NL:zone30` (30) and the same
/// `urban`/`rural`/`motorway`/`zone30` forms for other countries, `walk` (7). Anything else keeps the
/// class speed.
///
/// Direction: `oneway=yes|1|true` forward only, `oneway=-1|reverse` backward only, `oneway=no|0|false`
/// both; `junction=roundabout|circular` and `highway=motorway|motorway_link` imply forward only
/// unless `oneway` says otherwise. `oneway=reversible|alternating` ways are skipped (direction
/// changes by time of day).
///
/// Access: the most specific of `motorcar`, `motor_vehicle`, `vehicle`, `access` that is present
/// decides; `no`, `private`, `agricultural`, `forestry`, `emergency`, `psv`, `bus`, `military`,
/// `delivery` and `permit` exclude the way. `area=yes` ways are skipped.
public enum CarProfile {
    /// Default speed in km/h of each drivable `highway` class.
    public static let classSpeeds: [String: Double] = [
        "motorway": 90, "motorway_link": 45, "trunk": 85, "trunk_link": 40,
        "primary": 65, "primary_link": 30, "secondary": 55, "secondary_link": 25,
        "tertiary": 40, "tertiary_link": 20, "unclassified": 25, "residential": 25,
        "living_street": 10, "service": 15,
    ]

    /// The factor applied to a tagged `maxspeed`.
    public static let maxspeedFactor = 0.8

    static let blockedAccess: Set<String> = [
        "no", "private", "agricultural", "forestry", "emergency", "psv", "bus", "military", "delivery", "permit",
    ]

    /// The tags the profile reads; all others are ignored while decoding.
    static let relevantKeys: Set<String> = [
        "highway", "maxspeed", "oneway", "junction", "access", "vehicle", "motor_vehicle", "motorcar", "area",
    ]

    /// How a car may use one way.
    public struct WayUse: Equatable, Sendable {
        /// Speed in km/h, > 0.
        public var kmh: Double
        /// Drivable in the direction of the way's node list.
        public var forward: Bool
        /// Drivable against it.
        public var backward: Bool
        public init(kmh: Double, forward: Bool, backward: Bool) { self.kmh = kmh; self.forward = forward; self.backward = backward }
    }

    /// The use of a way with `tags`, or nil when a car may not drive it.
    public static func use(_ tags: [String: String]) -> WayUse? {
        guard let highway = tags["highway"], var kmh = classSpeeds[highway] else { return nil }
        if tags["area"] == "yes" { return nil }
        for key in ["motorcar", "motor_vehicle", "vehicle", "access"] {
            if let value = tags[key] {
                if blockedAccess.contains(value) { return nil }
                break
            }
        }
        if let tagged = tags["maxspeed"].flatMap(maxspeed) { kmh = tagged * maxspeedFactor }
        var forward = true, backward = true
        let implied = highway == "motorway" || highway == "motorway_link"
            || tags["junction"] == "roundabout" || tags["junction"] == "circular"
        switch tags["oneway"] {
        case "yes", "1", "true": backward = false
        case "-1", "reverse": forward = false
        case "no", "0", "false": break
        case "reversible", "alternating": return nil
        default: if implied { backward = false }
        }
        return WayUse(kmh: kmh, forward: forward, backward: backward)
    }

    /// A `maxspeed` value in km/h, or nil when not understood.
    public static func maxspeed(_ raw: String) -> Double? {
        let value = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if value == "walk" { return 7 }
        if let colon = value.firstIndex(of: ":") {
            switch value[value.index(after: colon)...] {
            case "urban": return 50
            case "rural": return 80
            case "trunk": return 100
            case "motorway": return 130
            case "zone30", "zone:30": return 30
            default: return nil
            }
        }
        var number = value, factor = 1.0
        if number.hasSuffix("mph") { number = String(number.dropLast(3)); factor = 1.609344 }
        else if number.hasSuffix("km/h") { number = String(number.dropLast(4)) }
        else if number.hasSuffix("kmh") { number = String(number.dropLast(3)) }
        guard let v = Double(number.trimmingCharacters(in: .whitespaces)), v > 0, v <= 200 else { return nil }
        return v * factor
    }
}

import Foundation
