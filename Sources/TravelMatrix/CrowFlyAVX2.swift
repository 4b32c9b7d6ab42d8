#if arch(x86_64)
import CCrowFly
import DagrouteCore
import Foundation

/// The crow-fly kernel in C for CPUs with AVX2 (`CCrowFly`): `TravelTimeModel`'s operations on
/// four pairs per 256-bit vector, never fused, so every entry equals `TravelTimeModel.estimate` bit
/// for bit, as `CrowFlyKernel` (the portable `SIMD4<Double>` kernel, two pairs per instruction on the
/// baseline x86-64 target Swift compiles for) does. Pairs with a half-chord at or beyond
/// `TravelTimeModel.seriesLimit` go through the model's scalar arithmetic (with `asin`) in C.
struct CrowFlyAVX2: Sendable {
    let model: CCrowFlyModel

    /// Whether this CPU runs AVX2 (checked once).
    static let isAvailable = ccrowfly_has_avx2() != 0

    /// Rows of the symmetric case per call of `fillBand`: the kernel collects 16 × 16 blocks of a
    /// 16-row band and writes each of their rows, on both sides of the diagonal, as one 64-byte line.
    static let bandRows = 16

    /// Square outputs (seconds and metres together, n a multiple of 16) larger than this many bytes
    /// are written with non-temporal stores (`fillBand(stream: true)`): twice the largest cache of CPU 0
    /// (`lastLevelCacheBytes`, 32 MiB when unknown). Measured on a 32 MiB L3 (AMD EPYC, fresh
    /// buffers, one thread): streaming took 0.86–0.93× the time of ordinary stores from 3,072 points
    /// (75 MB) up, but 1.2–1.6× up to 2,560 points (52 MB), whose output ordinary stores mostly find
    /// in the cache.
    static let streamingBytes = 2 * (lastLevelCacheBytes ?? 32 << 20)

    /// The size of the largest cache of CPU 0 from Linux's sysfs (`cache/index*/size`, e.g.
    /// "32768K"); nil elsewhere. (glibc's `sysconf(_SC_LEVEL3_CACHE_SIZE)` reports 256 MiB for the
    /// 32 MiB L3 of the virtual machine measured here.)
    static var lastLevelCacheBytes: Int? {
        var largest: Int?
        for index in 0..<8 {
            let path = "/sys/devices/system/cpu/cpu0/cache/index\(index)/size"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let size = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let multiplier = size.hasSuffix("K") ? 1 << 10 : size.hasSuffix("M") ? 1 << 20 : 1
            guard let value = Int(multiplier == 1 ? size : String(size.dropLast())) else { continue }
            largest = max(largest ?? 0, value * multiplier)
        }
        return largest
    }

    init(_ m: TravelTimeModel) {
        model = CCrowFlyModel(diameter: TravelTimeModel.earthDiameter, seriesLimit: TravelTimeModel.seriesLimit,
                              detour: m.detourFactor, speedShort: m.speedShortKmh,
                              gain: m.speedLongKmh - m.speedShortKmh, halfSpeed: Double(m.halfSpeedDistance.value))
    }

    /// Fills `count` entries: from unit vector `a` to the destinations at `x[k], y[k], z[k]`.
    func fillRow(_ a: SIMD3<Double>, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ z: UnsafePointer<Double>,
                 count: Int, seconds: UnsafeMutablePointer<Int32>, metres: UnsafeMutablePointer<Int32>) {
        withUnsafePointer(to: model) { m in
            ccrowfly_row_avx2(m, a.x, a.y, a.z, x, y, z, count, seconds, metres)
        }
    }

    /// Rows `rows` of the symmetric n × n matrix between the unit vectors at `x, y, z`: every entry
    /// (i, j) with i in `rows` and j ≥ i is computed once and written to (i, j) and (j, i). With
    /// `stream`, bands of `bandRows` rows write whole cache lines with non-temporal stores (for
    /// outputs much larger than the caches, see `streamingBytes`); entries are the same either way.
    func fillBand(_ rows: Range<Int>, n: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
                  _ z: UnsafePointer<Double>, stream: Bool, seconds: UnsafeMutablePointer<Int32>,
                  metres: UnsafeMutablePointer<Int32>) {
        withUnsafePointer(to: model) { m in
            ccrowfly_symmetric_band_avx2(m, x, y, z, n, rows.lowerBound, rows.upperBound, stream ? 1 : 0, seconds, metres)
        }
    }
}
#endif
