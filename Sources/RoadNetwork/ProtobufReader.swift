/// A reader of protocol-buffer wire format over bytes that stay valid while it is used (the
/// caller keeps the buffer alive). Every read is bounds-checked and throws `ProtobufError` on
/// malformed or truncated input instead of trapping.
struct ProtobufReader {
    let base: UnsafePointer<UInt8>
    private(set) var position: Int
    let end: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        position = 0; end = buffer.count
    }

    private init(base: UnsafePointer<UInt8>, position: Int, end: Int) {
        self.base = base; self.position = position; self.end = end
    }

    var atEnd: Bool { position >= end }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < end else { throw ProtobufError("a varint runs past the end of its message") }
            let byte = base[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw ProtobufError("a varint is longer than 10 bytes") }
        }
    }

    /// The next field number and wire type.
    mutating func tag() throws -> (field: Int, wire: Int) {
        let key = try varint()
        guard key >> 3 > 0, key >> 3 < 1 << 29 else { throw ProtobufError("field number \(key >> 3) is invalid") }
        return (Int(key >> 3), Int(key & 7))
    }

    /// The byte range of a length-delimited field's payload (its length already validated).
    mutating func lengthDelimitedRange() throws -> Range<Int> {
        let n = try varint()
        guard n <= UInt64(end - position) else { throw ProtobufError("a field of \(n) bytes runs past the end of its message") }
        let start = position
        position += Int(n)
        return start..<position
    }

    /// A reader over the payload of the next length-delimited field.
    mutating func message() throws -> ProtobufReader {
        let range = try lengthDelimitedRange()
        return ProtobufReader(base: base, position: range.lowerBound, end: range.upperBound)
    }

    /// The payload of the next length-delimited field as a buffer.
    mutating func bytes() throws -> UnsafeBufferPointer<UInt8> {
        let range = try lengthDelimitedRange()
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    mutating func string() throws -> String { String(decoding: try bytes(), as: UTF8.self) }

    mutating func skip(wire: Int) throws {
        switch wire {
        case 0: _ = try varint()
        case 1: try advance(8)
        case 2: _ = try lengthDelimitedRange()
        case 5: try advance(4)
        default: throw ProtobufError("wire type \(wire) is not supported")
        }
    }

    private mutating func advance(_ n: Int) throws {
        guard end - position >= n else { throw ProtobufError("a fixed-size field runs past the end of its message") }
        position += n
    }

    /// Packed varints, each passed to `body`. A non-packed single value (wire type 0) is accepted too.
    mutating func packedVarints(wire: Int, _ body: (UInt64) throws -> Void) throws {
        if wire == 0 { try body(try varint()); return }
        guard wire == 2 else { throw ProtobufError("expected a packed field, found wire type \(wire)") }
        var inner = try message()
        while !inner.atEnd { try body(try inner.varint()) }
    }

    @inline(__always) static func zigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }
}

/// Malformed protocol-buffer data.
struct ProtobufError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
