/// Which part of a day a client attends. A `day` client occupies the morning and the afternoon.
public enum DayPart: String, Sendable, CaseIterable {
    case morning, afternoon, day
}

/// Attendance slots (weekday × day part) numbered `weekday × 2 + (afternoon ? 1 : 0)`, weekday
/// 0 = Monday … 6 = Sunday: 14 slots in a week. Capacities and attendance are given per slot.
public enum AttendanceSlot {
    /// Number of slots in a week.
    public static let count = 14

    /// The slot of a weekday (0 = Monday … 6 = Sunday) and half of the day.
    public static func index(weekday: Int, afternoon: Bool) -> Int { weekday * 2 + (afternoon ? 1 : 0) }

    /// The slots a client attending `weekdays` (0 = Monday … 6 = Sunday) in `part` occupies,
    /// ascending and without repeats.
    public static func slots(weekdays: [Int], part: DayPart) -> [Int] {
        Set(weekdays).sorted().flatMap { d -> [Int] in
            switch part {
            case .morning: return [index(weekday: d, afternoon: false)]
            case .afternoon: return [index(weekday: d, afternoon: true)]
            case .day: return [index(weekday: d, afternoon: false), index(weekday: d, afternoon: true)]
            }
        }
    }
}
