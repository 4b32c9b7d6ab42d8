import DagrouteCore

/// Care tariffs paid per client per day part attended, by indication (the client's product), to
/// report what the care itself costs beside its transport (`settings.json` `care_tariffs`).
/// Defaults: the Wlz maximum tariffs per day part of 2021 (DOMAIN.md), `licht` € 38.13 for basis
/// and `middel` € 53.75 for extra — a documented assumption about how the two products map onto
/// the three Wlz weights.
public struct CareTariffs: Hashable, Sendable {
    /// Tariff per day part of a basis client, euro cents.
    public var basisPerDayPart: EuroCents
    /// Tariff per day part of an extra (more intensive) client, euro cents.
    public var extraPerDayPart: EuroCents

    public init(basisPerDayPart: EuroCents = EuroCents(3813), extraPerDayPart: EuroCents = EuroCents(5375)) {
        self.basisPerDayPart = basisPerDayPart; self.extraPerDayPart = extraPerDayPart
    }

    /// The tariff of one day part of a client with `product`, euro cents.
    public func perDayPart(_ product: CareProduct) -> EuroCents {
        product == .basis ? basisPerDayPart : extraPerDayPart
    }
}
