import DagrouteCore

/// Geography and the fictional care market of the synthetic Gooi en Vechtstreek region.
///
/// Town centres and municipal populations are DOMAIN.md's; how Gooise Meren and Wijdemeren
/// split over their towns, the spread of homes around each centre, the water areas and the
/// providers are the generator's own assumptions (documented in `Instances/README.md`).
enum GooiEnVechtstreek {
    struct Town {
        let name: String
        let municipality: String
        let centre: GeoPoint
        let population: Int
        /// Standard deviation of home positions around the centre, kilometres.
        let spreadKm: Double
        /// True where day-care places are scarce (capacity ≈ today's peak use), false where loose.
        let tight: Bool
    }

    static let towns: [Town] = [
        Town(name: "Hilversum", municipality: "Hilversum", centre: GeoPoint(lat: 52.224, lon: 5.176), population: 92_000, spreadKm: 1.3, tight: true),
        Town(name: "Bussum", municipality: "Gooise Meren", centre: GeoPoint(lat: 52.274, lon: 5.161), population: 34_000, spreadKm: 0.9, tight: true),
        Town(name: "Naarden", municipality: "Gooise Meren", centre: GeoPoint(lat: 52.296, lon: 5.162), population: 19_000, spreadKm: 0.7, tight: false),
        Town(name: "Muiden", municipality: "Gooise Meren", centre: GeoPoint(lat: 52.330, lon: 5.070), population: 4_000, spreadKm: 0.4, tight: false),
        Town(name: "Muiderberg", municipality: "Gooise Meren", centre: GeoPoint(lat: 52.327, lon: 5.120), population: 3_000, spreadKm: 0.4, tight: false),
        Town(name: "Huizen", municipality: "Huizen", centre: GeoPoint(lat: 52.299, lon: 5.242), population: 42_000, spreadKm: 1.0, tight: false),
        Town(name: "Loosdrecht", municipality: "Wijdemeren", centre: GeoPoint(lat: 52.204, lon: 5.112), population: 8_500, spreadKm: 0.8, tight: false),
        Town(name: "Kortenhoef", municipality: "Wijdemeren", centre: GeoPoint(lat: 52.238, lon: 5.107), population: 7_000, spreadKm: 0.5, tight: false),
        Town(name: "'s-Graveland", municipality: "Wijdemeren", centre: GeoPoint(lat: 52.245, lon: 5.123), population: 3_500, spreadKm: 0.4, tight: false),
        Town(name: "Ankeveen", municipality: "Wijdemeren", centre: GeoPoint(lat: 52.263, lon: 5.096), population: 2_000, spreadKm: 0.4, tight: false),
        Town(name: "Nederhorst den Berg", municipality: "Wijdemeren", centre: GeoPoint(lat: 52.262, lon: 5.046), population: 4_000, spreadKm: 0.4, tight: false),
        Town(name: "Blaricum", municipality: "Blaricum", centre: GeoPoint(lat: 52.272, lon: 5.244), population: 12_000, spreadKm: 0.7, tight: false),
        Town(name: "Laren", municipality: "Laren", centre: GeoPoint(lat: 52.257, lon: 5.228), population: 11_500, spreadKm: 0.6, tight: false),
        Town(name: "Eemnes", municipality: "Eemnes", centre: GeoPoint(lat: 52.254, lon: 5.259), population: 10_000, spreadKm: 0.6, tight: false),
        Town(name: "Weesp", municipality: "Weesp", centre: GeoPoint(lat: 52.308, lon: 5.042), population: 20_000, spreadKm: 0.7, tight: true),
    ]

    static func town(_ name: String) -> Town { towns.first { $0.name == name }! }

    /// True when `p` lies in one of the large water bodies near the towns (rough outlines):
    /// the Gooimeer/IJmeer/Eemmeer north of a piecewise-linear shore line, the Loosdrechtse
    /// Plassen, the Wijde Blik/Spiegelplas and the Ankeveense Plassen (boxes).
    static func isWater(_ p: GeoPoint) -> Bool {
        let shore: [(lon: Double, lat: Double)] = [(4.95, 52.345), (5.07, 52.337), (5.13, 52.332), (5.16, 52.322),
                                                   (5.20, 52.318), (5.24, 52.313), (5.28, 52.300), (5.32, 52.285)]
        if p.lon >= shore[0].lon && p.lon <= shore[shore.count - 1].lon {
            for k in 1..<shore.count where p.lon <= shore[k].lon {
                let a = shore[k - 1], b = shore[k]
                let lat = a.lat + (b.lat - a.lat) * (p.lon - a.lon) / (b.lon - a.lon)
                if p.lat > lat { return true }
                break
            }
        }
        let boxes: [(lat: ClosedRange<Double>, lon: ClosedRange<Double>)] = [
            (52.180...52.215, 5.020...5.095),   // Loosdrechtse Plassen
            (52.243...52.257, 5.055...5.085),   // Wijde Blik, Spiegelplas
            (52.257...52.275, 5.065...5.085),   // Ankeveense Plassen
        ]
        return boxes.contains { $0.lat.contains(p.lat) && $0.lon.contains(p.lon) }
    }

    struct Provider {
        let id: String
        let name: String
        let groups: Set<TargetGroup>
        /// Towns of its open locations, in id order.
        let towns: [String]
        /// Towns whose location offers `basis` only (others offer basis and extra).
        let basisOnly: Set<String>
        /// Towns whose location is not wheelchair accessible.
        let inaccessible: Set<String>
        let start: ClockTime
        let end: ClockTime
    }

    static func t(_ h: Int, _ m: Int) -> ClockTime { ClockTime(hours: h, minutes: m)! }

    /// Eight fictional providers with 25 open locations (names invented; any likeness is coincidental).
    static let providers: [Provider] = [
        Provider(id: "gooiland", name: "Zorggroep Gooiland", groups: [.pg, .lg], towns: ["Hilversum", "Hilversum", "Bussum", "Huizen", "Laren"],
                 basisOnly: [], inaccessible: [], start: t(9, 30), end: t(15, 30)),
        Provider(id: "vechtstroom", name: "De Vechtstroom", groups: [.pg], towns: ["Weesp", "Loosdrecht", "Kortenhoef"],
                 basisOnly: [], inaccessible: [], start: t(9, 30), end: t(15, 30)),
        Provider(id: "heidezicht", name: "Stichting Heidezicht", groups: [.vg], towns: ["Hilversum", "Huizen", "Blaricum"],
                 basisOnly: [], inaccessible: [], start: t(9, 0), end: t(15, 30)),
        Provider(id: "debrug", name: "Atelier De Brug", groups: [.ggz], towns: ["Hilversum", "Bussum"],
                 basisOnly: ["Bussum"], inaccessible: ["Bussum"], start: t(10, 0), end: t(15, 0)),
        Provider(id: "meerzorg", name: "Meerzorg", groups: [.vg, .lg], towns: ["Naarden", "Muiden", "Weesp"],
                 basisOnly: [], inaccessible: [], start: t(9, 0), end: t(15, 30)),
        Provider(id: "kwadrant", name: "Kwadrant GGZ", groups: [.ggz], towns: ["Huizen", "Hilversum", "Weesp"],
                 basisOnly: [], inaccessible: ["Weesp"], start: t(10, 0), end: t(15, 0)),
        Provider(id: "eemhof", name: "Eemhof Dagbesteding", groups: [.pg, .vg], towns: ["Eemnes", "Laren", "Blaricum"],
                 basisOnly: [], inaccessible: [], start: t(9, 30), end: t(15, 30)),
        Provider(id: "plassenhuis", name: "Het Plassenhuis", groups: [.pg, .vg, .ggz], towns: ["Loosdrecht", "Nederhorst den Berg", "'s-Graveland"],
                 basisOnly: ["Nederhorst den Berg"], inaccessible: [], start: t(9, 30), end: t(15, 30)),
    ]

    /// Candidate locations (not open today) for opening scenarios: provider id and town.
    static let candidates: [(provider: String, town: String)] = [("gooiland", "Hilversum"), ("meerzorg", "Bussum")]

    /// The regional pool's garage (a taxi company on a Hilversum business park; approximate).
    static let poolDepot = GeoPoint(lat: 52.238, lon: 5.193)
}
