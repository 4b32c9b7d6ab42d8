// AVX2 crow-fly kernel (x86-64 only; empty elsewhere). Compiled for the baseline x86-64 target like
// the rest of the package (no unsafe flags); only the functions marked AVX2 use the wider
// instructions, and Swift calls them after ccrowfly_has_avx2(). Operations follow TravelTimeModel
// exactly; nothing may be contracted into fused multiply-adds (the target list has no "fma" and
// contraction is off).
#include "CCrowFly.h"
#include <math.h>

#pragma clang fp contract(off)

#ifdef CCROWFLY_X86
#include <immintrin.h>

/// Nearest whole number, ties to even (Swift's rounded(.toNearestOrEven)); |x| < 2³¹ for every
/// model the settings allow (detour ≤ 5, speeds ≥ 1 km/h).
static inline int32_t nearest(double x) { return (int32_t)__builtin_roundeven(x); }

/// TravelTimeModel.arcsineSeries.
static inline double series(double s) {
    double s2 = s * s;
    double p = 5.0 / 112;
    p = p * s2 + 3.0 / 40;
    p = p * s2 + 1.0 / 6;
    p = p * s2 + 1;
    return s * p;
}

/// One entry through TravelTimeModel's scalar arithmetic (crowFlyMetres, exactRoadMetres,
/// exactSeconds), including asin beyond the series limit.
static void pair(const CCrowFlyModel *m, double ax, double ay, double az, double bx, double by, double bz,
                 int32_t *seconds, int32_t *metres) {
    double dx = ax - bx, dy = ay - by, dz = az - bz;
    double s = sqrt(dx * dx + dy * dy + dz * dz) * 0.5;
    double c = m->diameter * (s < m->seriesLimit ? series(s) : asin(s < 1 ? s : 1));
    double road = m->detour * c, ch = c + m->halfSpeed;
    *metres = nearest(road);
    *seconds = nearest(3.6 * road * ch / (m->speedShort * ch + m->gain * c));
}

int ccrowfly_has_avx2(void) { return __builtin_cpu_supports("avx2") ? 1 : 0; }

#define AVX2 __attribute__((target("avx2")))

typedef struct { __m256d diameter, limit, detour, speedShort, gain, halfSpeed, c1, c2, c3, one, half, k36; } Lanes;

AVX2 static inline Lanes lanes(const CCrowFlyModel *m) {
    Lanes l = {_mm256_set1_pd(m->diameter), _mm256_set1_pd(m->seriesLimit), _mm256_set1_pd(m->detour),
               _mm256_set1_pd(m->speedShort), _mm256_set1_pd(m->gain), _mm256_set1_pd(m->halfSpeed),
               _mm256_set1_pd(5.0 / 112), _mm256_set1_pd(3.0 / 40), _mm256_set1_pd(1.0 / 6), _mm256_set1_pd(1),
               _mm256_set1_pd(0.5), _mm256_set1_pd(3.6)};
    return l;
}

/// Whole numbers under the current rounding mode: to nearest, ties to even (the default, which
/// Swift never changes).
AVX2 static inline __attribute__((always_inline)) __m128i nearest4(__m256d v) { return _mm256_cvtpd_epi32(v); }

/// Half-chords from (ax, ay, az) to the unit vectors at x, y, z (four each): TravelTimeModel's
/// chord, square root and halving.
AVX2 static inline __attribute__((always_inline)) __m256d halfChords(const Lanes *l, __m256d ax, __m256d ay,
                                                                     __m256d az, const double *x, const double *y,
                                                                     const double *z) {
    __m256d dx = _mm256_sub_pd(ax, _mm256_loadu_pd(x));
    __m256d dy = _mm256_sub_pd(ay, _mm256_loadu_pd(y));
    __m256d dz = _mm256_sub_pd(az, _mm256_loadu_pd(z));
    __m256d sum = _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(dx, dx), _mm256_mul_pd(dy, dy)), _mm256_mul_pd(dz, dz));
    return _mm256_mul_pd(_mm256_sqrt_pd(sum), l->half);
}

/// Nonzero when one of the half-chords s is at or beyond the series limit (its entry must then be
/// computed through `pair`).
AVX2 static inline __attribute__((always_inline)) int far4(const Lanes *l, __m256d s) {
    return _mm256_movemask_pd(_mm256_cmp_pd(s, l->limit, _CMP_GE_OQ));
}

/// The four entries of half-chords s (all below the series limit), rounded into seconds and metres.
AVX2 static inline __attribute__((always_inline)) void entries(const Lanes *l, __m256d s, __m128i *seconds,
                                                               __m128i *metres) {
    __m256d s2 = _mm256_mul_pd(s, s);
    __m256d p = _mm256_add_pd(_mm256_mul_pd(l->c1, s2), l->c2);
    p = _mm256_add_pd(_mm256_mul_pd(p, s2), l->c3);
    p = _mm256_add_pd(_mm256_mul_pd(p, s2), l->one);
    __m256d crow = _mm256_mul_pd(l->diameter, _mm256_mul_pd(s, p));
    __m256d road = _mm256_mul_pd(l->detour, crow);
    __m256d ch = _mm256_add_pd(crow, l->halfSpeed);
    __m256d t = _mm256_div_pd(_mm256_mul_pd(_mm256_mul_pd(l->k36, road), ch),
                              _mm256_add_pd(_mm256_mul_pd(l->speedShort, ch), _mm256_mul_pd(l->gain, crow)));
    *metres = nearest4(road);
    *seconds = nearest4(t);
}

/// `count` entries from (ax, ay, az) through `pair`, for groups with a far pair.
__attribute__((noinline)) static void pairs(const CCrowFlyModel *m, double ax, double ay, double az,
                                            const double *x, const double *y, const double *z, ptrdiff_t count,
                                            int32_t *seconds, int32_t *metres) {
    for (ptrdiff_t k = 0; k < count; k++) pair(m, ax, ay, az, x[k], y[k], z[k], seconds + k, metres + k);
}

/// Groups of four from j on, while no pair is far; returns where it stopped: `end` or the first
/// group with a far pair (not written). No calls inside, so the constants stay in registers. Software
/// pipelined: the next group's half-chords (square roots) are issued before this group's series and
/// division.
AVX2 static ptrdiff_t rowRun(const Lanes *l, double ax, double ay, double az, const double *x, const double *y,
                             const double *z, ptrdiff_t j, ptrdiff_t end, int32_t *seconds, int32_t *metres) {
    __m256d vx = _mm256_set1_pd(ax), vy = _mm256_set1_pd(ay), vz = _mm256_set1_pd(az);
    if (j >= end) return end;
    __m256d h = halfChords(l, vx, vy, vz, x + j, y + j, z + j);
    for (; j < end; j += 4) {
        __m256d cur = h;
        if (j + 4 < end) h = halfChords(l, vx, vy, vz, x + j + 4, y + j + 4, z + j + 4);
        if (far4(l, cur)) return j;
        __m128i s, d;
        entries(l, cur, &s, &d);
        _mm_storeu_si128((__m128i *)(seconds + j), s);
        _mm_storeu_si128((__m128i *)(metres + j), d);
    }
    return end;
}

AVX2 void ccrowfly_row_avx2(const CCrowFlyModel *m, double ax, double ay, double az,
                            const double *x, const double *y, const double *z, ptrdiff_t count,
                            int32_t *seconds, int32_t *metres) {
    Lanes l = lanes(m);
    ptrdiff_t end = count / 4 * 4, j = 0;
    while ((j = rowRun(&l, ax, ay, az, x, y, z, j, end, seconds, metres)) < end) {
        pairs(m, ax, ay, az, x + j, y + j, z + j, 4, seconds + j, metres + j);
        j += 4;
    }
    pairs(m, ax, ay, az, x + end, y + end, z + end, count - end, seconds + end, metres + end);
}

/// The 4 × 4 tile r[0..3] (rows i..i+3, columns j..j+3) transposed: t[k] is its column k.
AVX2 static inline __attribute__((always_inline)) void transpose(const __m128i r[4], __m128i t[4]) {
    __m128i a = _mm_unpacklo_epi32(r[0], r[1]), b = _mm_unpacklo_epi32(r[2], r[3]);
    __m128i c = _mm_unpackhi_epi32(r[0], r[1]), d = _mm_unpackhi_epi32(r[2], r[3]);
    t[0] = _mm_unpacklo_epi64(a, b);
    t[1] = _mm_unpackhi_epi64(a, b);
    t[2] = _mm_unpacklo_epi64(c, d);
    t[3] = _mm_unpackhi_epi64(c, d);
}

/// Stores the 4 × 4 tile r[0..3] at (i, j) (rows i..i+3).
AVX2 static inline __attribute__((always_inline)) void storeTile(int32_t *out, ptrdiff_t n, ptrdiff_t i, ptrdiff_t j,
                                                                 const __m128i r[4]) {
#pragma clang loop unroll(full)
    for (int k = 0; k < 4; k++) _mm_storeu_si128((__m128i *)(out + (i + k) * n + j), r[k]);
}

/// Stores the 4 × 4 tile r[0..3] at (i, j) and transposed at (j, i).
AVX2 static inline __attribute__((always_inline)) void storeBoth(int32_t *out, ptrdiff_t n, ptrdiff_t i, ptrdiff_t j,
                                                                 const __m128i r[4]) {
    __m128i t[4];
    storeTile(out, n, i, j, r);
    transpose(r, t);
#pragma clang loop unroll(full)
    for (int k = 0; k < 4; k++) _mm_storeu_si128((__m128i *)(out + (j + k) * n + i), t[k]);
}

/// Rows of the bands whose tiles are collected into `Block`s and written out as whole lines.
enum { blockRows = 16 };

/// One output's 16 × 16 block of a `blockRows` band: `upper` holds rows first..first+15, columns
/// j..j+15; `lower` its transpose, rows j..j+15, columns first..first+15. Filled tile by tile in L1,
/// then written out row by row (`writeBlock`).
typedef struct {
    _Alignas(64) int32_t upper[blockRows][16];
    _Alignas(64) int32_t lower[16][blockRows];
} Block;

/// Puts the 4 × 4 tile r[0..3] at rows r0..r0+3, columns c0..c0+3 of `b->upper`, and its transpose
/// at rows c0..c0+3, columns r0..r0+3 of `b->lower`.
AVX2 static inline __attribute__((always_inline)) void collect(Block *b, ptrdiff_t r0, ptrdiff_t c0,
                                                               const __m128i r[4]) {
    __m128i t[4];
    transpose(r, t);
#pragma clang loop unroll(full)
    for (int k = 0; k < 4; k++) {
        _mm_store_si128((__m128i *)(b->upper[r0 + k] + c0), r[k]);
        _mm_store_si128((__m128i *)(b->lower[c0 + k] + r0), t[k]);
    }
}

/// Whether p starts a 64-byte cache line.
static inline int lineStart(const int32_t *p) { return ((uintptr_t)p & 63) == 0; }

/// Copies the 16 entries at `from` (in L1) to `to`: one whole 64-byte line, written with
/// non-temporal stores when `to` starts one (no read for ownership of a line that is overwritten
/// completely, no cache space for an output that never fits), otherwise with ordinary stores.
AVX2 static inline __attribute__((always_inline)) void writeRow(int32_t *to, const int32_t *from) {
    if (lineStart(to)) {
#pragma clang loop unroll(full)
        for (int q = 0; q < 4; q++) _mm_stream_si128((__m128i *)(to + 4 * q), _mm_load_si128((const __m128i *)(from + 4 * q)));
    } else {
#pragma clang loop unroll(full)
        for (int q = 0; q < 4; q++) _mm_storeu_si128((__m128i *)(to + 4 * q), _mm_load_si128((const __m128i *)(from + 4 * q)));
    }
}

/// Writes the block `b` of the band first..first+15 and columns j..j+15 to both sides of the
/// diagonal of `out`, one row after the other (one output at a time: write-combining keeps few lines
/// open).
AVX2 static void writeBlock(int32_t *out, ptrdiff_t n, ptrdiff_t first, ptrdiff_t j, const Block *b) {
    for (int k = 0; k < blockRows; k++) writeRow(out + (first + k) * n + j, b->upper[k]);
    for (int k = 0; k < 16; k++) writeRow(out + (j + k) * n + first, b->lower[k]);
}

/// Entry (i, j) through `pair`, written to (i, j) and (j, i).
static inline void pairBoth(const CCrowFlyModel *m, const double *x, const double *y, const double *z, ptrdiff_t n,
                            ptrdiff_t i, ptrdiff_t j, int32_t *seconds, int32_t *metres) {
    pair(m, x[i], y[i], z[i], x[j], y[j], z[j], seconds + i * n + j, metres + i * n + j);
    seconds[j * n + i] = seconds[i * n + j];
    metres[j * n + i] = metres[i * n + j];
}

/// Half-chords of the 4 × 4 tile rows i..i+3, columns j..j+3 into h[0..3] (one vector per row).
AVX2 static inline __attribute__((always_inline)) void tileChords(const Lanes *l, const double *x, const double *y,
                                                                  const double *z, ptrdiff_t i, ptrdiff_t j,
                                                                  __m256d h[4]) {
#pragma clang loop unroll(full)
    for (int k = 0; k < 4; k++)
        h[k] = halfChords(l, _mm256_set1_pd(x[i + k]), _mm256_set1_pd(y[i + k]), _mm256_set1_pd(z[i + k]),
                          x + j, y + j, z + j);
}

/// How far ahead (in columns) tileRun asks for the cache lines it writes with ordinary stores.
enum { prefetchColumns = 32 };

/// Requests for writing the lines of rows first..<rows4 at column `ahead`, and those of the four
/// rows from `ahead` at columns first..<rows4 (the many rows of a band are more streams than the
/// hardware prefetcher follows).
static inline void prefetchAhead(int32_t *seconds, int32_t *metres, ptrdiff_t n, ptrdiff_t first, ptrdiff_t rows4,
                                 ptrdiff_t ahead) {
    for (int k = 0; k < 4; k++) {
        for (ptrdiff_t c = first; c < rows4; c += 16) {
            __builtin_prefetch(seconds + (ahead + k) * n + c, 1, 3);
            __builtin_prefetch(metres + (ahead + k) * n + c, 1, 3);
        }
        __builtin_prefetch(seconds + (ahead + k) * n + rows4 - 1, 1, 3);
        __builtin_prefetch(metres + (ahead + k) * n + rows4 - 1, 1, 3);
    }
    if ((ahead & 15) == 0)
        for (ptrdiff_t i = first; i < rows4; i++) {
            __builtin_prefetch(seconds + i * n + ahead, 1, 3);
            __builtin_prefetch(metres + i * n + ahead, 1, 3);
        }
}

/// The 4 × 4 tile at rows i..i+3, columns j..j+3 through `pair` (a tile with a far pair).
static void farTile(const CCrowFlyModel *m, const double *x, const double *y, const double *z, ptrdiff_t i,
                    ptrdiff_t j, __m128i s[4], __m128i d[4]) {
    for (int k = 0; k < 4; k++) {
        int32_t seconds[4], metres[4];
        pairs(m, x[i + k], y[i + k], z[i + k], x + j, y + j, z + j, 4, seconds, metres);
        s[k] = _mm_loadu_si128((const __m128i *)seconds);
        d[k] = _mm_loadu_si128((const __m128i *)metres);
    }
}

/// Recomputes through `pair` the tiles of the block at (first, j) whose bit is set in `far` (bit
/// 4c + r: rows first + 4r.., columns j + 4c..), in the collected blocks.
AVX2 __attribute__((noinline)) static void farTilesOfBlock(const CCrowFlyModel *m, const double *x, const double *y,
                                                          const double *z, ptrdiff_t first, ptrdiff_t j, uint32_t far,
                                                          Block *bs, Block *bd) {
    for (int t = 0; t < 16; t++) {
        if (!(far >> t & 1)) continue;
        __m128i s[4], d[4];
        farTile(m, x, y, z, first + 4 * (t % 4), j + 4 * (t / 4), s, d);
        collect(bs, 4 * (t % 4), 4 * (t / 4), s);
        collect(bd, 4 * (t % 4), 4 * (t / 4), d);
    }
}

/// The 4 × 4 tiles of rows first..<rows4 (a multiple of four rows) and column groups from j on,
/// while no pair is far; returns `end` or the first column group with a far pair (not completely
/// written). For each group of four columns the band's rows are taken four at a time and each tile
/// is stored directly to both sides of the diagonal, the lines written `prefetchColumns` later
/// requested ahead.
AVX2 static ptrdiff_t tileRun(const Lanes *l, const double *x, const double *y, const double *z, ptrdiff_t n,
                              ptrdiff_t first, ptrdiff_t rows4, ptrdiff_t j, ptrdiff_t end,
                              int32_t *seconds, int32_t *metres) {
    __m256d h[4];
    if (first < rows4 && j < end) tileChords(l, x, y, z, first, j, h);
    for (; j < end; j += 4) {
        if (j + prefetchColumns + 4 <= n) prefetchAhead(seconds, metres, n, first, rows4, j + prefetchColumns);
        for (ptrdiff_t i = first; i < rows4; i += 4) {
            // Software pipelining: the half-chords of the next tile (the square roots, long latency)
            // are started before this tile's series and division, which need only `h`.
            __m256d cur[4] = {h[0], h[1], h[2], h[3]};
            ptrdiff_t ni = i + 4 < rows4 ? i + 4 : first, nj = i + 4 < rows4 ? j : j + 4;
            if (nj < end) tileChords(l, x, y, z, ni, nj, h);
            if (far4(l, cur[0]) | far4(l, cur[1]) | far4(l, cur[2]) | far4(l, cur[3])) return j;
            __m128i s[4], d[4];
#pragma clang loop unroll(full)
            for (int k = 0; k < 4; k++) entries(l, cur[k], s + k, d + k);
            storeBoth(seconds, n, i, j, s);
            storeBoth(metres, n, i, j, d);
        }
    }
    return end;
}

/// The 16 × 16 blocks of the band first..first+15 (`blockRows` rows) and columns j..<end (end − j a
/// multiple of 16): the 4 × 4 tiles of 16 columns (column groups of four, the band's rows four at a
/// time) are collected into a `Block` per output and then written out as whole lines
/// (`writeBlock`). Tiles with a far pair are noted in a bit mask and recomputed through `pair`
/// before their block is written out (a return, as in `tileRun`, would leave a block half
/// collected). Lines written by ordinary stores (rows that do not start a line) are requested
/// `prefetchColumns` ahead. Inlined: as a separate function, the constants were no longer kept in
/// registers (8 % slower).
AVX2 static inline __attribute__((always_inline)) void blockRun(const Lanes *l, const CCrowFlyModel *m,
                                                                const double *x, const double *y, const double *z,
                                                                ptrdiff_t n, ptrdiff_t first, ptrdiff_t j,
                                                                ptrdiff_t end, int32_t *seconds, int32_t *metres) {
    Block bs, bd;
    ptrdiff_t block = j, rows = first + blockRows;
    uint32_t far = 0;
    int tile = 0;
    int prefetch = !(n % 16 == 0 && lineStart(seconds + first * n + j) && lineStart(metres + first * n + j));
    __m256d h[4];
    if (j < end) tileChords(l, x, y, z, first, j, h);
    for (; j < end; j += 4) {
        if (j - block == 16) block = j;
        if (prefetch && j + prefetchColumns + 4 <= n) prefetchAhead(seconds, metres, n, first, rows, j + prefetchColumns);
        for (ptrdiff_t i = first; i < rows; i += 4, tile++) {
            // Software pipelining, as in tileRun.
            __m256d cur[4] = {h[0], h[1], h[2], h[3]};
            ptrdiff_t ni = i + 4 < rows ? i + 4 : first, nj = i + 4 < rows ? j : j + 4;
            if (nj < end) tileChords(l, x, y, z, ni, nj, h);
            far |= (uint32_t)((far4(l, cur[0]) | far4(l, cur[1]) | far4(l, cur[2]) | far4(l, cur[3])) != 0) << tile;
            __m128i s[4], d[4];
#pragma clang loop unroll(full)
            for (int k = 0; k < 4; k++) entries(l, cur[k], s + k, d + k);
            collect(&bs, i - first, j - block, s);
            collect(&bd, i - first, j - block, d);
        }
        if (j + 4 - block == 16) {
            if (__builtin_expect(far != 0, 0)) farTilesOfBlock(m, x, y, z, first, block, far, &bs, &bd);
            far = 0;
            tile = 0;
            writeBlock(seconds, n, first, block, &bs);
            writeBlock(metres, n, first, block, &bd);
        }
    }
}

AVX2 void ccrowfly_symmetric_band_avx2(const CCrowFlyModel *m, const double *x, const double *y,
                                       const double *z, ptrdiff_t n, ptrdiff_t first, ptrdiff_t last, int stream,
                                       int32_t *seconds, int32_t *metres) {
    Lanes l = lanes(m);
    // The band's own square: entries (i, j), first ≤ i ≤ j < last, one by one.
    for (ptrdiff_t i = first; i < last; i++)
        for (ptrdiff_t j = i; j < last; j++) pairBoth(m, x, y, z, n, i, j, seconds, metres);
    // Columns last..<end: 4 × 4 tiles, each computed once and stored twice: when streaming, in blocks
    // of 16 columns in a band of `blockRows` rows; then (the remaining column groups, shorter bands,
    // and everything when not streaming) tile by tile, a column group with a far pair one by one.
    ptrdiff_t rows4 = first + (last - first) / 4 * 4, end = last + (n - last) / 4 * 4;
    ptrdiff_t blocksEnd = stream && rows4 - first == blockRows ? last + (n - last) / 16 * 16 : last;
    blockRun(&l, m, x, y, z, n, first, last, blocksEnd, seconds, metres);
    ptrdiff_t j = blocksEnd;
    while ((j = tileRun(&l, x, y, z, n, first, rows4, j, end, seconds, metres)) < end) {
        for (ptrdiff_t i = first; i < rows4; i++)
            for (ptrdiff_t c = j; c < j + 4; c++) pairBoth(m, x, y, z, n, i, c, seconds, metres);
        j += 4;
    }
    // Rows of the band beyond its last group of four, and the last columns: one by one.
    for (ptrdiff_t i = first; i < last; i++)
        for (ptrdiff_t c = (i < rows4 ? end : last); c < n; c++) pairBoth(m, x, y, z, n, i, c, seconds, metres);
    // The non-temporal stores are weakly ordered: complete them before the band is reported done.
    if (stream) _mm_sfence();
}
#endif
