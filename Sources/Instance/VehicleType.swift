import DagrouteCore

/// Where vehicles of a fleet row start and end their shift.
public enum Depot: Hashable, Sendable {
    /// At a location of `locations.csv` (by id).
    case location(String)
    /// At a position (WGS84), e.g. a taxi company's garage.
    case position(GeoPoint)
}

/// One row of `fleet.csv`: `count` identical vehicles of one provider (or of the regional pool).
///
/// Seats and wheelchair places are separate capacity dimensions: a wheelchair user occupies one
/// wheelchair place and no seat. Field invariants (checked by `InstanceReader`): `count` ≥ 0,
/// `seats` ≥ 0, `wheelchairPlaces` ≥ 0, `seats + wheelchairPlaces` ≥ 1, costs ≥ 0, `maxShift` > 0.
public struct VehicleType: Hashable, Sendable {
    /// Id of the row (the `id` or `type` column), unique within the fleet.
    public let id: String
    /// Number of vehicles of this type.
    public let count: Int
    /// Seats for ambulant passengers (taxi vans: 8 — DOMAIN.md).
    public let seats: Int
    /// Places for passengers in a wheelchair.
    public let wheelchairPlaces: Int
    public let depot: Depot
    /// The owning provider, or nil for the regional pool (vehicles any provider's clients may use).
    public let provider: String?
    /// Cost per hour of shift, euro cents.
    public let costPerHour: EuroCents
    /// Cost per kilometre driven, euro cents.
    public let costPerKm: EuroCents
    /// Fixed cost per vehicle per day it is used, euro cents.
    public let fixedCostPerDay: EuroCents
    /// Longest shift of one vehicle, seconds.
    public let maxShift: Seconds

    public init(id: String, count: Int, seats: Int, wheelchairPlaces: Int, depot: Depot, provider: String?,
                costPerHour: EuroCents, costPerKm: EuroCents, fixedCostPerDay: EuroCents, maxShift: Seconds) {
        self.id = id; self.count = count; self.seats = seats; self.wheelchairPlaces = wheelchairPlaces
        self.depot = depot; self.provider = provider; self.costPerHour = costPerHour
        self.costPerKm = costPerKm; self.fixedCostPerDay = fixedCostPerDay; self.maxShift = maxShift
    }
}
