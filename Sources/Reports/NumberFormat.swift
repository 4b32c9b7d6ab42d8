import DagrouteCore
import Foundation

/// Number formatting for tables and reports: thousands separated by commas, a point for decimals
/// (`12,345.6`), euros as `€ 1,234.56`. Never locale-dependent, so outputs are byte-stable.
public enum NumberFormat {
    /// An integer with thousands separators: `-1234567` → `-1,234,567`.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A decimal rounded half away from zero to `digits` places, with thousands separators:
    /// `1234.567, 1` → `1,234.6`. Non-finite values print as `-`.
    public static func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "-" }
        // Beyond what an Int holds after scaling, fall back to plain notation without separators.
        guard abs(value) * pow(10, Double(max(0, digits))) < 9e18 else { return String(format: "%.\(max(0, digits))f", value) }
        guard digits > 0 else { return integer(Int(value.rounded())) }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = scaled.magnitude / UInt(scale), fraction = scaled.magnitude % UInt(scale)
        let fractionText = String(fraction)
        let padded = String(repeating: "0", count: digits - fractionText.count) + fractionText
        return (scaled < 0 ? "-" : "") + integer(Int(whole)) + "." + padded
    }

    /// Euros with cents and thousands separators: `EuroCents(123456)` → `€ 1,234.56`,
    /// negative amounts as `-€ 1,234.56`.
    public static func euros(_ amount: EuroCents) -> String {
        (amount.value < 0 ? "-" : "") + "€ " + decimal(Double(amount.value.magnitude) / 100, digits: 2)
    }

    /// Whole euros (rounded half away from zero) with thousands separators: `€ 1,235`.
    public static func wholeEuros(_ amount: EuroCents) -> String {
        let euros = (Double(amount.value) / 100).rounded()
        return (euros < 0 ? "-" : "") + "€ " + integer(Int(abs(euros)))
    }

    /// A share (0…1) as a percentage with `digits` decimals: `0.1234` → `12.3%`.
    public static func percent(_ share: Double, digits: Int = 1) -> String {
        share.isFinite ? decimal(share * 100, digits: digits) + "%" : "-"
    }

    /// Minutes with one decimal from whole seconds: `Seconds(754)` → `12.6`.
    public static func minutes(_ s: Seconds) -> String { decimal(Double(s.value) / 60, digits: 1) }

    /// Kilometres with one decimal from whole metres: `Metres(12345)` → `12.3`.
    public static func kilometres(_ m: Metres) -> String { decimal(Double(m.value) / 1000, digits: 1) }
}
