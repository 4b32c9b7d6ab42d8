/// Pseudonymous client ids for shared reports: SipHash-2-4 (Aumasson & Bernstein, 2012) of the
/// id's UTF-8 bytes under a 128-bit salt, written as `p` + 16 hex digits.
///
/// With a fresh random salt per run (`Salt.random()`), the same client gets the same pseudonym
/// everywhere within one run's outputs (map, routes, GeoJSON), but pseudonyms cannot be linked
/// across runs or reversed by hashing candidate ids without the salt, which is never written.
/// SipHash is a keyed pseudo-random function, so this holds as long as the salt stays secret.
public enum ClientPseudonym {
    /// The 128-bit SipHash key, as two 64-bit halves (little-endian bytes 0–7 and 8–15).
    public struct Salt: Sendable, Equatable {
        public var k0: UInt64
        public var k1: UInt64
        public init(k0: UInt64, k1: UInt64) { self.k0 = k0; self.k1 = k1 }
        /// A salt from the system's cryptographic random source.
        public static func random() -> Salt {
            var g = SystemRandomNumberGenerator()
            return Salt(k0: g.next(), k1: g.next())
        }
    }

    /// The pseudonym of `id` under `salt`: `p` followed by the 16 lower-case hex digits of
    /// `SipHash24(salt, utf8(id))`.
    public static func hash(_ id: String, salt: Salt) -> String {
        let h = String(sipHash24(Array(id.utf8), salt: salt), radix: 16)
        return "p" + String(repeating: "0", count: 16 - h.count) + h
    }

    /// SipHash-2-4 of `message` under `salt` (two compression rounds, four finalisation rounds).
    public static func sipHash24(_ message: [UInt8], salt: Salt) -> UInt64 {
        var v0: UInt64 = salt.k0 ^ 0x736f_6d65_7073_6575
        var v1: UInt64 = salt.k1 ^ 0x646f_7261_6e64_6f6d
        var v2: UInt64 = salt.k0 ^ 0x6c79_6765_6e65_7261
        var v3: UInt64 = salt.k1 ^ 0x7465_6462_7974_6573
        func round() {
            v0 &+= v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
            v2 &+= v3; v3 = rotl(v3, 16); v3 ^= v2
            v0 &+= v3; v3 = rotl(v3, 21); v3 ^= v0
            v2 &+= v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
        }
        func absorb(_ m: UInt64) { v3 ^= m; round(); round(); v0 ^= m }
        let fullWords = message.count / 8
        for w in 0..<fullWords { absorb(word(message, from: w * 8, count: 8)) }
        let tail = word(message, from: fullWords * 8, count: message.count % 8)
        absorb(tail | (UInt64(message.count & 0xff) << 56))
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    private static func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }

    /// `count` (≤ 8) bytes of `bytes` from `start`, little-endian.
    private static func word(_ bytes: [UInt8], from start: Int, count: Int) -> UInt64 {
        var w: UInt64 = 0
        for k in 0..<count { w |= UInt64(bytes[start + k]) << (8 * UInt64(k)) }
        return w
    }
}
