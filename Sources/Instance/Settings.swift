import DagrouteCore

/// Transport tariffs paid per client-day, to compare transport cost with what is paid
/// (DOMAIN.md: tariffs per client-day, a separate higher tariff for wheelchair users; above
/// 10 km one way the day tariff doubles when no suitable location is closer — Eindhoven).
public struct TransportTariffs: Hashable, Sendable {
    /// Tariff per client per attendance day, euro cents.
    public let perClientDay: EuroCents
    /// Tariff per wheelchair client per attendance day, euro cents.
    public let wheelchairPerClientDay: EuroCents
    /// One-way distance above which the long-distance factor applies, metres.
    public let longDistance: Metres
    /// Multiplier on the tariff above `longDistance` (≥ 1).
    public let longDistanceFactor: Double

    public init(perClientDay: EuroCents = EuroCents(820), wheelchairPerClientDay: EuroCents = EuroCents(1980),
                longDistance: Metres = Metres(10_000), longDistanceFactor: Double = 2) {
        self.perClientDay = perClientDay; self.wheelchairPerClientDay = wheelchairPerClientDay
        self.longDistance = longDistance; self.longDistanceFactor = longDistanceFactor
    }
}

/// Cost rates used by the assignment model besides the vehicle costs of `fleet.csv`.
public struct CostRates: Hashable, Sendable {
    /// One-off friction cost per client moved to another location, euro cents. Default € 315:
    /// Gooi en Vechtstreek 2021 transition arrangements ≈ € 43,500 per month for 138 clients.
    public let movedClient: EuroCents
    /// Penalty per client-day left without a place (waiting list), euro cents; a modelling weight
    /// that must exceed any saving from leaving a client out.
    public let unplacedClientDay: EuroCents

    public init(movedClient: EuroCents = EuroCents(31_500), unplacedClientDay: EuroCents = EuroCents(100_000)) {
        self.movedClient = movedClient; self.unplacedClientDay = unplacedClientDay
    }
}

/// The contents of `settings.json`: ride-time policy, time windows, service times, money, the
/// travel-time model, annualisation and the scenario list. Every field has a documented default,
/// so `{}` is a valid settings file.
public struct Settings: Hashable, Sendable {
    public let rideTime: RideTimePolicy
    /// Clients arrive at most this long before programme start (seconds); default 15 min.
    public let arrivalWindow: Seconds
    /// Clients are picked up at most this long after programme end (seconds); default 15 min.
    public let departureWindow: Seconds
    /// Boarding time of an ambulant client (seconds); default 1 min.
    public let boarding: Seconds
    /// Boarding time of a wheelchair user, incl. securing the chair (seconds); default 3 min.
    public let wheelchairBoarding: Seconds
    /// Alighting time of an ambulant client (seconds); default 1 min.
    public let alighting: Seconds
    /// Alighting time of a wheelchair user (seconds); default 2 min.
    public let wheelchairAlighting: Seconds
    public let tariffs: TransportTariffs
    /// Care tariffs per day part by indication, when the settings give them (`care_tariffs`);
    /// `compare` then reports care costs by indication.
    public let careTariffs: CareTariffs?
    public let costs: CostRates
    public let travelTime: TravelTimeModel
    /// Attendance weeks × 5 for annualising per-day figures; default 250 (52 × 5 − 10 holidays).
    public let workingDaysPerYear: Int
    public let scenarios: [ScenarioSpec]

    public init(rideTime: RideTimePolicy = .directPlus15, arrivalWindow: Seconds = .minutes(15),
                departureWindow: Seconds = .minutes(15), boarding: Seconds = .minutes(1),
                wheelchairBoarding: Seconds = .minutes(3), alighting: Seconds = .minutes(1),
                wheelchairAlighting: Seconds = .minutes(2), tariffs: TransportTariffs = TransportTariffs(),
                costs: CostRates = CostRates(), travelTime: TravelTimeModel = TravelTimeModel(),
                workingDaysPerYear: Int = 250, scenarios: [ScenarioSpec] = [], careTariffs: CareTariffs? = nil) {
        self.rideTime = rideTime; self.arrivalWindow = arrivalWindow; self.departureWindow = departureWindow
        self.boarding = boarding; self.wheelchairBoarding = wheelchairBoarding; self.alighting = alighting
        self.wheelchairAlighting = wheelchairAlighting; self.tariffs = tariffs; self.costs = costs
        self.travelTime = travelTime; self.workingDaysPerYear = workingDaysPerYear; self.scenarios = scenarios
        self.careTariffs = careTariffs
    }

    /// The boarding time of `client` (their own value, else the wheelchair or ambulant default).
    public func boardingTime(for client: Client) -> Seconds {
        client.boarding ?? (client.wheelchair ? wheelchairBoarding : boarding)
    }

    /// The alighting time of `client` (their own `boarding` value, else the default).
    public func alightingTime(for client: Client) -> Seconds {
        client.boarding ?? (client.wheelchair ? wheelchairAlighting : alighting)
    }

    /// The maximum ride time of `client` for a direct drive of `direct` seconds under `policy`
    /// (default: this settings' policy): the client's own limit when given, else the policy.
    public func maxRide(for client: Client, direct: Seconds, policy: RideTimePolicy? = nil) -> Seconds {
        client.maxRide ?? (policy ?? rideTime).maxRide(direct: direct)
    }

    /// The tariff paid for `client` for one attendance day with a one-way distance of `distance`.
    public func tariff(for client: Client, distance: Metres) -> EuroCents {
        let base = client.wheelchair ? tariffs.wheelchairPerClientDay : tariffs.perClientDay
        return distance > tariffs.longDistance ? EuroCents(Int((Double(base.value) * tariffs.longDistanceFactor).rounded())) : base
    }
}
