import DagrouteCore
import Foundation

/// A time of day in whole minutes since midnight (0 ≤ minutes < 1440), written `HH:MM`.
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0…1439.
    public let minutes: Int

    /// A time from hours (0…23) and minutes (0…59); nil when out of range.
    public init?(hours: Int, minutes: Int) {
        guard (0...23).contains(hours), (0...59).contains(minutes) else { return nil }
        self.minutes = hours * 60 + minutes
    }

    /// Parses `H:MM` or `HH:MM` (24-hour clock); nil for anything else, e.g. `25:61` or `9.30`.
    public init?(parsing text: String) {
        let parts = text.trimmedSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hours: h, minutes: m)
    }

    /// The time as seconds since midnight.
    public var secondsSinceMidnight: Seconds { Seconds(minutes * 60) }

    /// `HH:MM`, zero-padded.
    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
}
