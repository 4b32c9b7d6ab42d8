/// Path weights packed into one `UInt64`: milliseconds in the high 32 bits, centimetres in the
/// low 32 bits. Adding two packed weights adds both parts (as long as a path stays below 2^32 cm,
/// 42,949 km), and comparing packed weights compares travel time first and distance second, so
/// every shortest-path search in this module minimises time and breaks ties by the shorter
/// distance, deterministically and identically in Dijkstra and in the contraction hierarchy.
public enum PathWeight {
    /// No path.
    public static let infinity: UInt64 = .max

    /// Packs `milliseconds` (< 2^32) and `centimetres` (< 2^32).
    @inline(__always) public static func pack(milliseconds: UInt64, centimetres: UInt64) -> UInt64 {
        milliseconds << 32 | centimetres
    }

    /// The time part in milliseconds.
    @inline(__always) public static func milliseconds(_ w: UInt64) -> UInt64 { w >> 32 }
    /// The distance part in centimetres.
    @inline(__always) public static func centimetres(_ w: UInt64) -> UInt64 { w & 0xFFFF_FFFF }

    /// Whole seconds, rounded half up.
    @inline(__always) public static func seconds(_ w: UInt64) -> Int32 { Int32((milliseconds(w) + 500) / 1000) }
    /// Whole metres, rounded half up.
    @inline(__always) public static func metres(_ w: UInt64) -> Int32 { Int32((centimetres(w) + 50) / 100) }

    /// The weight of driving `metres` at `kmh` (both rounded to whole ms and cm).
    public static func driving(metres: Double, kmh: Double) -> UInt64 {
        let ms = (metres / (kmh / 3.6) * 1000).rounded()
        return pack(milliseconds: UInt64(ms), centimetres: UInt64((metres * 100).rounded()))
    }

    /// The part of weight `w` covering the fraction `f` (0…1) of its edge, each part rounded.
    @inline(__always) public static func fraction(_ w: UInt64, _ f: Double) -> UInt64 {
        pack(milliseconds: UInt64((Double(milliseconds(w)) * f).rounded()),
             centimetres: UInt64((Double(centimetres(w)) * f).rounded()))
    }
}
