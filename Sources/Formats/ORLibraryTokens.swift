import DagrouteCore
import Foundation

/// A whitespace-separated token of an OR-Library text file with its 1-based line and column.
struct ORLibraryToken {
    var text: String
    var line: Int
    var column: Int
}

/// Reads the numbers of an OR-Library file (whitespace-separated, line breaks carry no meaning)
/// and collects diagnostics that name the line and column of each bad token.
struct ORLibraryTokens {
    let file: String
    private let tokens: [ORLibraryToken]
    private var position = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Stop collecting after this many bad values (the rest of the file is then unreliable).
    static let maximumDiagnostics = 20

    init(_ text: String, file: String) {
        self.file = file
        // Bytes, not Characters: "\r\n" is one Character in Swift and would hide line breaks.
        var tokens: [ORLibraryToken] = []
        let bytes = Array(text.utf8)
        var line = 1, column = 1
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b == UInt8(ascii: "\n") { line += 1; column = 1; k += 1; continue }
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") { column += 1; k += 1; continue }
            let start = k, startColumn = column
            while k < bytes.count, ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(bytes[k]) {
                k += 1; column += 1
            }
            tokens.append(ORLibraryToken(text: String(decoding: bytes[start..<k], as: UTF8.self), line: line, column: startColumn))
        }
        self.tokens = tokens
    }

    /// Whether every token has been read.
    var atEnd: Bool { position >= tokens.count }
    /// Whether reading should stop because too many values were bad.
    var tooManyErrors: Bool { diagnostics.count >= ORLibraryTokens.maximumDiagnostics }

    /// The next token without consuming it.
    func peek() -> ORLibraryToken? { atEnd ? nil : tokens[position] }

    /// The position of the last token (for end-of-file messages).
    private var endPlace: (Int, Int) {
        guard let last = tokens.last else { return (1, 1) }
        return (last.line, last.column + last.text.count)
    }

    /// Consumes the next token as a number. A bad token is recorded as a diagnostic and nil returned;
    /// at the end of the file the error is thrown, since nothing after it can be read.
    mutating func number(_ what: String, integer: Bool = false) throws -> Double? {
        guard let token = peek() else {
            let (line, column) = endPlace
            diagnostics.append(Diagnostic(file: file, line: line, column: column,
                                          message: "expected \(integer ? "an integer" : "a number") (\(what)), found end of file"))
            throw DagrouteError.input(diagnostics)
        }
        position += 1
        let value = Double(token.text)
        // Integers beyond ±2^53 are not exact in a Double and would trap when converted to Int.
        if let value, value.isFinite, !integer || (value == value.rounded() && abs(value) <= 9_007_199_254_740_992) { return value }
        fail(token, "expected \(integer ? "an integer" : "a number") (\(what)), found '\(token.text)'")
        return nil
    }

    /// Consumes the next token as an integer in `range`.
    mutating func integer(_ what: String, in range: ClosedRange<Int>) throws -> Int? {
        let token = peek()
        guard let v = try number(what, integer: true) else { return nil }
        guard v >= Double(range.lowerBound), v <= Double(range.upperBound) else {
            fail(token!, "expected an integer in \(range.lowerBound)…\(range.upperBound) (\(what)), found '\(token!.text)'")
            return nil
        }
        return Int(v)
    }

    /// Consumes the next token when it is exactly `word`; returns whether it was.
    mutating func consume(word: String) -> Bool {
        guard let token = peek(), token.text == word else { return false }
        position += 1
        return true
    }

    /// Records a diagnostic at a token.
    mutating func fail(_ token: ORLibraryToken, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: token.line, column: token.column, message: message))
    }

    /// Records an error when tokens are left over, then throws every diagnostic collected, if any.
    mutating func finish() throws {
        if let token = peek() { fail(token, "expected end of file, found '\(token.text)'") }
        if !diagnostics.isEmpty { throw DagrouteError.input(diagnostics) }
    }

    /// Throws the collected diagnostics when reading cannot go on (too many bad values).
    func stopIfTooMany() throws {
        if tooManyErrors { throw DagrouteError.input(diagnostics) }
    }
}

/// Reads a text file for the OR-Library readers, turning I/O failures into input diagnostics.
func readORLibraryText(_ url: URL, displayName: String) throws -> String {
    do {
        let data = try Data(contentsOf: url)
        let bytes = [UInt8](data)
        if let bad = CSVTable.firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            throw DagrouteError.input([Diagnostic(file: displayName, line: line, byteOffset: bad,
                message: "expected a UTF-8 text file, found byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at byte offset \(bad)")])
        }
        return String(decoding: bytes, as: UTF8.self)
    } catch let error as DagrouteError {
        throw error
    } catch {
        throw DagrouteError.input(file: displayName, "cannot read the file: \(error.localizedDescription)")
    }
}
