extension String {
    /// This string as a JSON string literal: in quotes, with quotes, backslashes and control
    /// characters escaped (`\n`, `\r`, `\t`, otherwise `\u00XX`); everything else as it is (UTF-8).
    public var jsonQuoted: String {
        var out = "\""
        for u in unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
