/// Escaping for HTML/XML text and attribute values. Every string that did not come from this
/// module's own templates goes through `escape`, so client ids, names and titles can hold
/// `<`, `&` or quotes without breaking (or injecting into) the report.
enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as character references; control characters other than tab and
    /// line breaks (not allowed in XML) are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case _ where u.value < 0x20 || (0x7f...0x9f).contains(u.value) || u.value == 0xfffe || u.value == 0xffff: continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A number for an SVG attribute with one decimal (`12.3`), never in exponent notation.
    /// Non-finite or absurdly large values (a defect upstream) print as 0 rather than trapping.
    static func coordinate(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return "0" }
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return sign + "\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }
}
