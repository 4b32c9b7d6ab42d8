import DagrouteCore

/// How a crow-fly (great-circle) distance becomes a road estimate: distance × detour factor, driven
/// at a speed that grows with trip length (short trips are town streets, long trips reach
/// provincial roads and motorways).
///
/// Travel time is piecewise linear in the estimated road distance, like tax brackets: the first
/// kilometres of every trip are driven at the first band's speed, the next ones at the second
/// band's speed, and so on. It is therefore continuous and increasing in distance (a longer trip is
/// never quicker).
///
/// Defaults (engineering estimates for Dutch regional taxi and minibus trips, not measured data):
/// detour factor 1.3 (road distance over great-circle distance, the usual figure for the dense Dutch
/// road grid); marginal speeds 25 km/h for the first 2 road km (residential streets, 30 km/h zones,
/// junctions), 45 km/h up to 8 km (urban 50 km/h roads), 65 km/h up to 25 km (80 km/h regional
/// roads), 90 km/h beyond (motorways). A 10 km crow-fly trip then estimates as 13 road km in about
/// 17 minutes.
public struct CrowFlyParameters: Sendable, Codable, Equatable {
    /// One speed band: road kilometres up to `upToKilometres` (exclusive of the previous band's
    /// limit) are driven at `kmh`. The last band has `upToKilometres == nil` (no limit).
    public struct SpeedBand: Sendable, Codable, Equatable {
        /// Upper limit of the band in road kilometres, or nil for the last band.
        public var upToKilometres: Double?
        /// Speed in km/h within the band, > 0.
        public var kmh: Double
        public init(upToKilometres: Double?, kmh: Double) { self.upToKilometres = upToKilometres; self.kmh = kmh }

        enum CodingKeys: String, CodingKey { case upToKilometres = "up_to_km", kmh }
    }

    /// Road distance ÷ great-circle distance, ≥ 1.
    public var detourFactor: Double
    /// One to four speed bands in increasing order of `upToKilometres`; the last one has no limit.
    public var bands: [SpeedBand]

    public init(detourFactor: Double = 1.3, bands: [SpeedBand] = CrowFlyParameters.dutchBands) {
        self.detourFactor = detourFactor; self.bands = bands
    }

    /// The documented Dutch default bands (see the type's documentation).
    public static let dutchBands: [SpeedBand] = [
        SpeedBand(upToKilometres: 2, kmh: 25),
        SpeedBand(upToKilometres: 8, kmh: 45),
        SpeedBand(upToKilometres: 25, kmh: 65),
        SpeedBand(upToKilometres: nil, kmh: 90),
    ]

    /// Dutch defaults: detour 1.3 and `dutchBands`.
    public static let dutch = CrowFlyParameters()

    enum CodingKeys: String, CodingKey { case detourFactor = "detour_factor", bands = "speed_bands" }

    /// Every problem with these parameters as "expected …, found …" messages (empty when valid).
    public func problems() -> [String] {
        var found: [String] = []
        if !(detourFactor >= 1 && detourFactor.isFinite) {
            found.append("expected detour_factor ≥ 1, found \(detourFactor)")
        }
        if bands.isEmpty || bands.count > 4 { found.append("expected 1 to 4 speed bands, found \(bands.count)") }
        var previous = 0.0
        for (k, band) in bands.enumerated() {
            if !(band.kmh > 0 && band.kmh.isFinite) {
                found.append("expected speed band \(k + 1) kmh > 0, found \(band.kmh)")
            }
            if k == bands.count - 1 {
                if band.upToKilometres != nil {
                    found.append("expected the last speed band without up_to_km, found \(band.upToKilometres!)")
                }
            } else if let limit = band.upToKilometres {
                if !(limit > previous && limit.isFinite) {
                    found.append("expected speed band \(k + 1) up_to_km > \(previous), found \(limit)")
                }
                previous = limit
            } else {
                found.append("expected up_to_km on speed band \(k + 1) (only the last band has none), found none")
            }
        }
        return found
    }
}
