import DagrouteCore
import Foundation

/// Contraction hierarchies saved to disk, keyed by the extract's fingerprint and the car profile,
/// so that a second run on the same extract skips the preprocessing.
///
/// File layout (little-endian): magic `DGCH`, UInt32 format version, UInt64 key, UInt64 node count,
/// UInt64 shortcut count, then the arrays `rank`, `upFirst`, `upHead`, `upWeight`, `downFirst`,
/// `downHead`, `downWeight`, each as UInt64 element count + elements; last, UInt64 FNV-1a checksum
/// of everything before it. A file that does not match
/// (other key, other graph size, truncated, corrupt) is ignored and rebuilt, never trusted.
public enum HierarchyCache {
    static let magic = Array("DGCH".utf8)
    static let formatVersion: UInt32 = 1

    /// Identifies the car profile's rules; bump when `CarProfile` or graph building changes.
    public static let profileVersion = "car-profile-1"

    /// The cache key of an extract: FNV-1a (64 bit) over its bytes and `profileVersion`.
    public static func key(extractBytes data: Data) -> UInt64 {
        var h = data.withUnsafeBytes { fnv1a($0) }
        for b in profileVersion.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// The cache file for `key` in `directory`.
    public static func file(in directory: URL, key: UInt64) -> URL {
        directory.appendingPathComponent(String(format: "ch-%016llx.dgch", key))
    }

    /// The serialised hierarchy.
    public static func encode(_ ch: ContractionHierarchy, key: UInt64) -> Data {
        var out = Data(magic)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func put<T: FixedWidthInteger>(_ array: [T]) { put(UInt64(array.count)); for v in array { put(v) } }
        put(formatVersion); put(key); put(UInt64(ch.nodeCount)); put(UInt64(ch.shortcutCount))
        put(ch.rank); put(ch.upFirst); put(ch.upHead); put(ch.upWeight)
        put(ch.downFirst); put(ch.downHead); put(ch.downWeight)
        put(fnv1a(out))
        return out
    }

    /// The hierarchy stored in `data` when it matches `key` and `graph` and is internally
    /// consistent (every offset, id and rank in range); nil otherwise.
    public static func decode(_ data: Data, key: UInt64, graph: RoadGraph) -> ContractionHierarchy? {
        var bytes = [UInt8](data)
        guard bytes.count >= 12 else { return nil }
        var checksum: UInt64 = 0
        for k in 0..<8 { checksum |= UInt64(bytes[bytes.count - 8 + k]) << (8 * k) }
        bytes.removeLast(8)
        guard fnv1a(bytes) == checksum else { return nil }
        var at = 0
        func get<T: FixedWidthInteger>(_: T.Type) -> T? {
            let size = MemoryLayout<T>.size
            guard bytes.count - at >= size else { return nil }
            var v: T = 0
            for k in 0..<size { v |= T(truncatingIfNeeded: bytes[at + k]) << (8 * k) }
            at += size
            return v
        }
        func array<T: FixedWidthInteger>(_: T.Type) -> [T]? {
            guard let count = get(UInt64.self), count <= UInt64((bytes.count - at) / MemoryLayout<T>.size) else { return nil }
            var out: [T] = []
            out.reserveCapacity(Int(count))
            for _ in 0..<count { out.append(get(T.self)!) }
            return out
        }
        guard bytes.count >= 4, Array(bytes[0..<4]) == magic else { return nil }
        at = 4
        let n = graph.nodeCount
        guard get(UInt32.self) == formatVersion, get(UInt64.self) == key, get(UInt64.self) == UInt64(n),
              let shortcuts = get(UInt64.self),
              let rank = array(Int32.self), let upFirst = array(Int32.self), let upHead = array(Int32.self),
              let upWeight = array(UInt64.self), let downFirst = array(Int32.self), let downHead = array(Int32.self),
              let downWeight = array(UInt64.self), at == bytes.count else { return nil }
        // Consistency: a permutation of ranks, monotone offsets, heads in range and upward.
        guard rank.count == n, Set(rank).count == n, rank.allSatisfy({ $0 >= 0 && Int($0) < n }) else { return nil }
        for (first, head, weight) in [(upFirst, upHead, upWeight), (downFirst, downHead, downWeight)] {
            guard first.count == n + 1, first[0] == 0, Int(first[n]) == head.count, head.count == weight.count,
                  zip(first, first.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
            for r in 0..<n {
                for e in Int(first[r])..<Int(first[r + 1]) where !(Int(head[e]) > r && Int(head[e]) < n) { return nil }
            }
        }
        return ContractionHierarchy(nodeCount: n, rank: rank, upFirst: upFirst, upHead: upHead, upWeight: upWeight,
                                    downFirst: downFirst, downHead: downHead, downWeight: downWeight,
                                    shortcutCount: Int(shortcuts))
    }
}
