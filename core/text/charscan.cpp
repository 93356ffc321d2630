#include "charscan.h"

#include <array>
#include <cstdint>

#if defined(NIANBAO_HAVE_SSSE3_PATHS)
#include <tmmintrin.h>
#endif

namespace nianbao::charscan {

bool hasSsse3()
{
#if defined(NIANBAO_HAVE_SSSE3_PATHS)
    static const bool has = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("ssse3") != 0;
    }();
    return has;
#else
    return false;
#endif
}

#if defined(NIANBAO_HAVE_SSSE3_PATHS)
namespace {

/// For each set of lanes to keep (a bit a lane, lanes of size bytes, count lanes), the shuffle
/// that moves them to the front in their order; what follows is zero.
template <int Lanes, int Size> constexpr std::array<std::array<std::uint8_t, 16>, (1 << Lanes)> compressing()
{
    std::array<std::array<std::uint8_t, 16>, (1 << Lanes)> out{};
    for (int keep = 0; keep < (1 << Lanes); ++keep) {
        int k = 0;
        for (int lane = 0; lane < Lanes; ++lane)
            if (keep >> lane & 1)
                for (int b = 0; b < Size; ++b)
                    out[keep][k++] = std::uint8_t(lane * Size + b);
        while (k < 16)
            out[keep][k++] = 0x80;
    }
    return out;
}

// How many bits four have (POPCNT, which SSSE3 does not bring, would be a call to libgcc).
constexpr int bitsIn4[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

constexpr auto charsKept = compressing<8, 2>();  // eight UTF-16 units
constexpr auto placesKept = compressing<4, 4>(); // four ints

__m128i shuffleOf(const std::array<std::uint8_t, 16> &s)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i *>(s.data()));
}

} // namespace

__attribute__((target("ssse3"))) qsizetype dropSpacesSsse3(const QChar *in, qsizetype n, QChar *out, int *pos)
{
    qsizetype i = 0, kept = 0;
    // As dropSpacesSse2: eight at once while none of the eight may be a space (at most U+0020,
    // or from U+0080 to U+3000), compared as signed numbers after the top bit is flipped. Eight
    // with ASCII's white space among them (a space, a tab to a carriage return), and no other
    // character that may be one, are written without it by a shuffle; the rest one by one.
    const __m128i flip = _mm_set1_epi16(short(0x8000));
    const __m128i low = _mm_set1_epi16(short(0x0021 ^ 0x8000));
    const __m128i from = _mm_set1_epi16(short(0x007F ^ 0x8000));
    const __m128i to = _mm_set1_epi16(short(0x3001 ^ 0x8000));
    const __m128i space = _mm_set1_epi16(short(0x0020));
    const __m128i tabBelow = _mm_set1_epi16(short((0x0009 - 1) ^ 0x8000));
    const __m128i crAbove = _mm_set1_epi16(short((0x000D + 1) ^ 0x8000));
    const __m128i step = _mm_setr_epi32(0, 1, 2, 3);
    const __m128i four = _mm_set1_epi32(4);
    for (; i + 8 <= n; i += 8) {
        const __m128i v = load8(in + i);
        const __m128i x = _mm_xor_si128(v, flip);
        const __m128i beyond = _mm_and_si128(_mm_cmpgt_epi16(x, from), _mm_cmplt_epi16(x, to));
        const __m128i maybe = _mm_or_si128(_mm_cmplt_epi16(x, low), beyond);
        const __m128i at = _mm_add_epi32(_mm_set1_epi32(int(i)), step);
        if (_mm_movemask_epi8(maybe) == 0) {
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + kept), v);
            _mm_storeu_si128(reinterpret_cast<__m128i *>(pos + kept), at);
            _mm_storeu_si128(reinterpret_cast<__m128i *>(pos + kept + 4), _mm_add_epi32(at, four));
            kept += 8;
            continue;
        }
        if (_mm_movemask_epi8(beyond) != 0) {
            kept = dropSpacesOneByOne(in, i, i + 8, out, pos, kept);
            continue;
        }
        const __m128i white =
            _mm_or_si128(_mm_cmpeq_epi16(v, space),
                         _mm_and_si128(_mm_cmpgt_epi16(x, tabBelow), _mm_cmplt_epi16(x, crAbove)));
        // a bit a unit: the units packed to bytes
        const unsigned keep =
            ~unsigned(_mm_movemask_epi8(_mm_packs_epi16(white, _mm_setzero_si128()))) & 0xFFu;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + kept),
                         _mm_shuffle_epi8(v, shuffleOf(charsKept[keep])));
        const unsigned lo = keep & 0xFu, hi = keep >> 4;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(pos + kept),
                         _mm_shuffle_epi8(at, shuffleOf(placesKept[lo])));
        kept += bitsIn4[lo];
        _mm_storeu_si128(reinterpret_cast<__m128i *>(pos + kept),
                         _mm_shuffle_epi8(_mm_add_epi32(at, four), shuffleOf(placesKept[hi])));
        kept += bitsIn4[hi];
    }
    return dropSpacesOneByOne(in, i, n, out, pos, kept);
}
#else
qsizetype dropSpacesSsse3(const QChar *in, qsizetype n, QChar *out, int *pos)
{
    return dropSpacesSse2(in, n, out, pos);
}
#endif

} // namespace nianbao::charscan
