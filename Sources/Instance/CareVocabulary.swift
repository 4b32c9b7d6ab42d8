/// The target groups that organise day-care supply (DOMAIN.md): `pg` older people with cognitive
/// and/or physical problems (psychogeriatric), `vg` adults with an intellectual disability, `ggz`
/// adults with psychiatric problems, `lg` adults with a physical disability or chronic illness.
public enum TargetGroup: String, CaseIterable, Sendable, Codable, Comparable {
    case pg, vg, ggz, lg
    public static func < (a: TargetGroup, b: TargetGroup) -> Bool { a.order < b.order }
    private var order: Int { TargetGroup.allCases.firstIndex(of: self)! }
}

/// The day-care product of a client's decision: `basis` or `extra` (more intensive support).
public enum CareProduct: String, CaseIterable, Sendable, Codable, Comparable {
    case basis, extra
    public static func < (a: CareProduct, b: CareProduct) -> Bool { a == .basis && b == .extra }
}

/// When a client attends: one day part (morning or afternoon, at most four hours each) or the
/// whole day. A `day` client occupies a place in the morning **and** in the afternoon.
public enum DayPart: String, CaseIterable, Sendable, Codable {
    case morning, afternoon, day

    /// The half-day slots (morning, afternoon) this day part occupies; capacities count per slot.
    public var slots: [DayPart] { self == .day ? [.morning, .afternoon] : [self] }
}

/// A day of the week. Written as `mon` … `sun`; the reader also accepts full English names and
/// the Dutch abbreviations `ma di wo do vr za zo` (case-insensitive).
public enum Weekday: String, CaseIterable, Sendable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The five working days, Monday to Friday.
    public static let workingDays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]

    /// Parses `mon`, `monday`, `ma`, `maandag` (and so on), case-insensitive; nil otherwise.
    public init?(name: String) {
        let key = name.trimmedSpaces.lowercased()
        let table: [(Weekday, [String])] = [
            (.mon, ["mon", "monday", "ma", "maandag"]), (.tue, ["tue", "tuesday", "di", "dinsdag"]),
            (.wed, ["wed", "wednesday", "wo", "woensdag"]), (.thu, ["thu", "thursday", "do", "donderdag"]),
            (.fri, ["fri", "friday", "vr", "vrijdag"]), (.sat, ["sat", "saturday", "za", "zaterdag"]),
            (.sun, ["sun", "sunday", "zo", "zondag"]),
        ]
        guard let hit = table.first(where: { $0.1.contains(key) }) else { return nil }
        self = hit.0
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.order < b.order }
    private var order: Int { Weekday.allCases.firstIndex(of: self)! }
}
