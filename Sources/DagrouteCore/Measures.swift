/// A duration in whole seconds. Travel times, service times and time windows use this type.
public struct Seconds: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, AdditiveArithmetic {
    /// The number of seconds; may be negative for differences.
    public var value: Int
    public init(_ value: Int) { self.value = value }
    /// Whole minutes (rounded towards zero).
    public static func minutes(_ m: Int) -> Seconds { Seconds(m * 60) }
    public static var zero: Seconds { Seconds(0) }
    public var minutes: Double { Double(value) / 60 }
    public static func < (a: Seconds, b: Seconds) -> Bool { a.value < b.value }
    public static func + (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value + b.value) }
    public static func - (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value - b.value) }
    public var description: String { "\(value) s" }
    public init(from decoder: Decoder) throws { value = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}

/// A distance in whole metres.
public struct Metres: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, AdditiveArithmetic {
    /// The number of metres; may be negative for differences.
    public var value: Int
    public init(_ value: Int) { self.value = value }
    public static var zero: Metres { Metres(0) }
    public var kilometres: Double { Double(value) / 1000 }
    public static func < (a: Metres, b: Metres) -> Bool { a.value < b.value }
    public static func + (a: Metres, b: Metres) -> Metres { Metres(a.value + b.value) }
    public static func - (a: Metres, b: Metres) -> Metres { Metres(a.value - b.value) }
    public var description: String { "\(value) m" }
    public init(from decoder: Decoder) throws { value = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}

/// An amount of money in whole euro cents (1 euro = 100 cents).
public struct EuroCents: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, AdditiveArithmetic {
    /// The number of cents; may be negative for savings.
    public var value: Int
    public init(_ value: Int) { self.value = value }
    /// Converts euros to cents, rounding half away from zero.
    public init(euros: Double) { self.value = Int((euros * 100).rounded()) }
    public static var zero: EuroCents { EuroCents(0) }
    public var euros: Double { Double(value) / 100 }
    public static func < (a: EuroCents, b: EuroCents) -> Bool { a.value < b.value }
    public static func + (a: EuroCents, b: EuroCents) -> EuroCents { EuroCents(a.value + b.value) }
    public static func - (a: EuroCents, b: EuroCents) -> EuroCents { EuroCents(a.value - b.value) }
    /// Formats as euros with two decimals, e.g. `€ 12.50`.
    public var description: String {
        let sign = value < 0 ? "-" : ""
        let a = abs(value)
        let cents = a % 100
        return "\(sign)€ \(a / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
    public init(from decoder: Decoder) throws { value = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}
