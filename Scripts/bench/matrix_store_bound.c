// The store pattern of the AVX2 crow-fly kernel alone (Sources/CCrowFly/CrowFly.c), with constants
// instead of the model: the lower bound of that kernel's time on this machine. Square n × n, two
// int32 outputs, huge pages advised and faulted in first, rows starting on a 64-byte line (as the
// kernel's bands arrange). Prints the CPU seconds of one pass (best of three) for
//   sequential: every row written front to back in 16-byte stores (a plain fill),
//   streamed:   the same with non-temporal stores (the least any writer of the output can take),
//   tiles:      16-row bands, each 4 × 4 tile of the upper triangle stored to (i, j) and transposed to
//               (j, i), write prefetches 32 columns ahead — the square kernel's pattern until
//               session 4,
//   blocks:     16-row bands, the tiles of 16 columns collected in L1 and written to both sides of the
//               diagonal as whole lines with non-temporal stores, one output after the other — the
//               square kernel's pattern now.
// Usage: clang -O2 matrix_store_bound.c -o bound && ./bound 10000
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void sequential(int32_t *s, int32_t *m, ptrdiff_t n) {
    for (ptrdiff_t k = 0; k + 4 <= n * n; k += 4) {
        __m128i v = _mm_set1_epi32((int)k);
        _mm_storeu_si128((__m128i *)(s + k), v);
        _mm_storeu_si128((__m128i *)(m + k), v);
    }
}

static void streamed(int32_t *s, int32_t *m, ptrdiff_t n) {
    for (ptrdiff_t k = 0; k + 16 <= n * n; k += 16) {
        __m128i v = _mm_set1_epi32((int)k);
        for (int q = 0; q < 4; q++) _mm_stream_si128((__m128i *)(s + k + 4 * q), v);
        for (int q = 0; q < 4; q++) _mm_stream_si128((__m128i *)(m + k + 4 * q), v);
    }
    _mm_sfence();
}

static void both(int32_t *out, ptrdiff_t n, ptrdiff_t i, ptrdiff_t j, __m128i v) {
    for (int k = 0; k < 4; k++) _mm_storeu_si128((__m128i *)(out + (i + k) * n + j), v);
    for (int k = 0; k < 4; k++) _mm_storeu_si128((__m128i *)(out + (j + k) * n + i), v);
}

static void tiles(int32_t *s, int32_t *m, ptrdiff_t n) {
    for (ptrdiff_t first = 0; first < n; first += 16) {
        ptrdiff_t last = first + 16 < n ? first + 16 : n, rows4 = first + (last - first) / 4 * 4;
        for (ptrdiff_t j = last; j + 4 <= n; j += 4) {
            ptrdiff_t ahead = j + 32;
            if (ahead + 4 <= n) {
                for (int k = 0; k < 4; k++) {
                    __builtin_prefetch(s + (ahead + k) * n + first, 1, 3);
                    __builtin_prefetch(m + (ahead + k) * n + first, 1, 3);
                }
                if ((ahead & 15) == 0)
                    for (ptrdiff_t i = first; i < rows4; i++) {
                        __builtin_prefetch(s + i * n + ahead, 1, 3);
                        __builtin_prefetch(m + i * n + ahead, 1, 3);
                    }
            }
            for (ptrdiff_t i = first; i < rows4; i += 4) {
                __m128i v = _mm_set1_epi32((int)(i + j));
                both(s, n, i, j, v);
                both(m, n, i, j, v);
            }
        }
    }
}

/// One output's 16 × 16 block: rows of the band (upper) and the transposed rows (lower).
typedef struct { _Alignas(64) int32_t upper[16][16]; _Alignas(64) int32_t lower[16][16]; } Block;

static void writeBlock(int32_t *out, ptrdiff_t n, ptrdiff_t first, ptrdiff_t j, const Block *b) {
    for (int k = 0; k < 16; k++)
        for (int q = 0; q < 4; q++)
            _mm_stream_si128((__m128i *)(out + (first + k) * n + j + 4 * q), _mm_load_si128((const __m128i *)(b->upper[k] + 4 * q)));
    for (int k = 0; k < 16; k++)
        for (int q = 0; q < 4; q++)
            _mm_stream_si128((__m128i *)(out + (j + k) * n + first + 4 * q), _mm_load_si128((const __m128i *)(b->lower[k] + 4 * q)));
}

static void blocks(int32_t *s, int32_t *m, ptrdiff_t n) {
    Block bs, bm;
    for (ptrdiff_t first = 0; first + 16 <= n; first += 16)
        for (ptrdiff_t j = first + 16; j + 16 <= n; j += 16) {
            for (int c = 0; c < 16; c += 4)
                for (int r = 0; r < 16; r += 4) {
                    __m128i v = _mm_set1_epi32((int)(first + r + j + c));
                    for (int k = 0; k < 4; k++) {
                        _mm_store_si128((__m128i *)(bs.upper[r + k] + c), v);
                        _mm_store_si128((__m128i *)(bs.lower[c + k] + r), v);
                        _mm_store_si128((__m128i *)(bm.upper[r + k] + c), v);
                        _mm_store_si128((__m128i *)(bm.lower[c + k] + r), v);
                    }
                }
            writeBlock(s, n, first, j, &bs);
            writeBlock(m, n, first, j, &bm);
        }
    _mm_sfence();
}

int main(int argc, char **argv) {
    ptrdiff_t n = argc > 1 ? atol(argv[1]) : 10000;
    if (n % 16) {
        fprintf(stderr, "n must be a multiple of 16 (every row on a 64-byte line)\n");
        return 2;
    }
    size_t bytes = (size_t)n * n * 4, huge = 2 << 20;
    int32_t *s = aligned_alloc(huge, (bytes + huge - 1) / huge * huge), *m = aligned_alloc(huge, (bytes + huge - 1) / huge * huge);
    madvise(s, bytes, 14 /* MADV_HUGEPAGE */);
    madvise(m, bytes, 14);
    memset(s, 0, bytes);
    memset(m, 0, bytes);
    void (*const patterns[])(int32_t *, int32_t *, ptrdiff_t) = {sequential, streamed, tiles, blocks};
    const char *names[] = {"sequential", "streamed", "tiles", "blocks"};
    double best[4] = {1e9, 1e9, 1e9, 1e9};
    for (int round = 0; round < 3; round++)
        for (int p = 0; p < 4; p++) {
            double t = cpu();
            patterns[p](s, m, n);
            t = cpu() - t;
            if (t < best[p]) best[p] = t;
        }
    for (int p = 0; p < 4; p++) printf("%s %.4f\n", names[p], best[p]);
    return s[n + 3] == -1;
}
