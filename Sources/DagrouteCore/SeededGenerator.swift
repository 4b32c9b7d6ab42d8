/// A small, fast, seedable random number generator (xoshiro256**, seeded through SplitMix64).
///
/// Every randomised algorithm in dagroute takes one of these (or any `RandomNumberGenerator`)
/// as a parameter, so that the same seed gives the same result on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The generator's state; internal (not private) only so that `next` can be inlined into the
    /// solvers' hot loops in other modules.
    @usableFromInline var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var sm = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(&sm), splitMix(&sm), splitMix(&sm), splitMix(&sm))
    }

    @inlinable public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    @inlinable @inline(__always) func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal deviate (Box–Muller; uses two uniforms).
    public mutating func nextGaussian() -> Double {
        let u1 = max(nextUnit(), 0x1.0p-60), u2 = nextUnit()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) private func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Foundation
@inline(__always) private func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif
