#ifndef CCROWFLY_H
#define CCROWFLY_H
// The crow-fly matrix kernel for x86-64 CPUs with AVX2 (see Sources/TravelMatrix/README.md).
// Every entry equals DagrouteCore's TravelTimeModel arithmetic bit for bit: the same operations in
// the same order, never fused (no FMA), rounded to the nearest whole number, ties to even.

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) && defined(__clang__)
#define CCROWFLY_X86 1

/// The parameters of a TravelTimeModel, as the kernel uses them.
typedef struct {
    double diameter;      ///< metres: crow-fly = diameter × asin(half-chord)
    double seriesLimit;   ///< half-chords below this use the four-term arcsine series, others asin
    double detour;        ///< road metres = detour × crow-fly metres
    double speedShort;    ///< km/h of a very short trip
    double gain;          ///< long − short speed, km/h
    double halfSpeed;     ///< crow-fly metres at which the speed is half-way
} CCrowFlyModel;

/// 1 when this CPU can run the AVX2 kernels below, else 0 (they must then not be called).
int ccrowfly_has_avx2(void);

/// Entries from the unit vector (ax, ay, az) to the `count` unit vectors (x[k], y[k], z[k]):
/// seconds[k] and metres[k].
void ccrowfly_row_avx2(const CCrowFlyModel *model, double ax, double ay, double az,
                       const double *x, const double *y, const double *z, ptrdiff_t count,
                       int32_t *seconds, int32_t *metres);

/// The rows first..<last of the symmetric n × n matrix between the unit vectors (x[k], y[k], z[k])
/// (row-major, n entries per row): computes every entry (i, j) with first ≤ i < last and j ≥ i once
/// and writes it to (i, j) and (j, i). Bands of disjoint rows write disjoint entries. With `stream`
/// nonzero (for outputs much larger than the caches), a band of 16 rows writes its entries in
/// 16 × 16 blocks, as whole 64-byte lines with non-temporal stores where a row of the block starts a
/// line, fenced (sfence) before returning; with `stream` zero, with ordinary stores only (the output
/// then stays in the caches for its reader).
void ccrowfly_symmetric_band_avx2(const CCrowFlyModel *model, const double *x, const double *y,
                                  const double *z, ptrdiff_t n, ptrdiff_t first, ptrdiff_t last, int stream,
                                  int32_t *seconds, int32_t *metres);

#endif
#endif
