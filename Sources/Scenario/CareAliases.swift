import Instance

// `Instance` and `Routing`/`Assignment` both name a `DayPart` and a `VehicleType`; this file sees
// only `Instance`, so the names below are unambiguous for the rest of the module.

/// The care domain's day part (`morning`, `afternoon`, `day`).
typealias CareDayPart = DayPart
/// A row of `fleet.csv`.
typealias FleetRow = VehicleType
