#pragma once

#include <QChar>
#include <QStringView>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// Where SSSE3 may be asked for at run time and its code compiled for it (GCC and Clang on x86).
#if defined(__SSE2__) && defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define NIANBAO_HAVE_SSSE3_PATHS 1
#endif

namespace nianbao {

/// Loops over every character of a text, eight at a time where the processor has SSE2 (every
/// x86-64 one), one at a time elsewhere and for the last few: the same result either way.
namespace charscan {

#if defined(__SSE2__)
/// Eight UTF-16 units from p.
inline __m128i load8(const QChar *p)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
}
/// The units of v that are a, as one bit each.
inline unsigned matches(__m128i v, char16_t a)
{
    // _mm_movemask_epi8 gives two bits a unit: every other one kept.
    const unsigned m = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_set1_epi16(short(a)))));
    return m & 0x5555u;
}
#endif

/// The first place of c in text at or after from; −1 when there is none. QStringView::indexOf
/// without its calls (a search of one character passes through Qt's search for a string).
inline qsizetype indexOf(QStringView text, char16_t c, qsizetype from = 0)
{
    const QChar *p = text.data();
    const qsizetype n = text.size();
    qsizetype i = qMax<qsizetype>(from, 0);
#if defined(__SSE2__)
    for (; i + 8 <= n; i += 8)
        if (const unsigned m = matches(load8(p + i), c))
            return i + __builtin_ctz(m) / 2;
#endif
    for (; i < n; ++i)
        if (p[i].unicode() == c)
            return i;
    return -1;
}

#if defined(__SSE2__)
/// indexOfAny for a set of N units: the set held in registers, compared in a loop the compiler
/// unrolls.
template <int N>
inline qsizetype indexOfAnyOf(const QChar *t, qsizetype from, qsizetype end, const char16_t *set)
{
    qsizetype i = from;
    __m128i units[N];
    for (int u = 0; u < N; ++u)
        units[u] = _mm_set1_epi16(short(set[u]));
    for (; i + 8 <= end; i += 8) {
        const __m128i v = load8(t + i);
        __m128i any = _mm_cmpeq_epi16(v, units[0]);
        for (int u = 1; u < N; ++u)
            any = _mm_or_si128(any, _mm_cmpeq_epi16(v, units[u]));
        if (const unsigned m = unsigned(_mm_movemask_epi8(any)))
            return i + __builtin_ctz(m) / 2;
    }
    for (; i < end; ++i)
        for (int u = 0; u < N; ++u)
            if (t[i].unicode() == set[u])
                return i;
    return end;
}
#endif

/// The most units indexOfAny looks for at once.
inline constexpr int MaxAnyUnits = 16;

/// The first place at or after from, before end, of one of the count units of set (1 to
/// MaxAnyUnits); end when there is none.
inline qsizetype indexOfAny(const QChar *t, qsizetype from, qsizetype end, const char16_t *set, int count)
{
#if defined(__SSE2__)
    switch (count) {
    case 1:
        return indexOfAnyOf<1>(t, from, end, set);
    case 2:
        return indexOfAnyOf<2>(t, from, end, set);
    case 3:
        return indexOfAnyOf<3>(t, from, end, set);
    case 4:
        return indexOfAnyOf<4>(t, from, end, set);
    case 5:
        return indexOfAnyOf<5>(t, from, end, set);
    case 6:
        return indexOfAnyOf<6>(t, from, end, set);
    case 7:
        return indexOfAnyOf<7>(t, from, end, set);
    case 8:
        return indexOfAnyOf<8>(t, from, end, set);
    case 9:
        return indexOfAnyOf<9>(t, from, end, set);
    case 10:
        return indexOfAnyOf<10>(t, from, end, set);
    case 11:
        return indexOfAnyOf<11>(t, from, end, set);
    case 12:
        return indexOfAnyOf<12>(t, from, end, set);
    case 13:
        return indexOfAnyOf<13>(t, from, end, set);
    case 14:
        return indexOfAnyOf<14>(t, from, end, set);
    case 15:
        return indexOfAnyOf<15>(t, from, end, set);
    case 16:
        return indexOfAnyOf<16>(t, from, end, set);
    default:
        break;
    }
#endif
    for (qsizetype i = from; i < end; ++i)
        for (int u = 0; u < count; ++u)
            if (t[i].unicode() == set[u])
                return i;
    return end;
}

/// The bits of m that are set, counted inline (__builtin_popcount is a call to libgcc on a
/// processor without POPCNT, which x86-64 does not promise).
inline int bitCount(unsigned m)
{
    m = m - ((m >> 1) & 0x55555555u);
    m = (m & 0x33333333u) + ((m >> 2) & 0x33333333u);
    return int((((m + (m >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

/// How many of text's characters are a, and how many are b.
inline void countTwo(QStringView text, char16_t a, char16_t b, qsizetype *na, qsizetype *nb)
{
    const QChar *p = text.data();
    const qsizetype n = text.size();
    qsizetype i = 0, ca = 0, cb = 0;
#if defined(__SSE2__)
    for (; i + 8 <= n; i += 8) {
        const __m128i v = load8(p + i);
        if (const unsigned m = matches(v, a))
            ca += bitCount(m);
        if (const unsigned m = matches(v, b))
            cb += bitCount(m);
    }
#endif
    for (; i < n; ++i) {
        ca += p[i].unicode() == a;
        cb += p[i].unicode() == b;
    }
    *na = ca;
    *nb = cb;
}

/// The first place from i on, before end, that holds an ASCII digit; end when none does.
inline qsizetype nextDigit(const QChar *t, qsizetype i, qsizetype end)
{
#if defined(__SSE2__)
    // c − '0' below 10, compared as signed numbers after the top bit is flipped
    const __m128i zero = _mm_set1_epi16(short(u'0'));
    const __m128i ten = _mm_set1_epi16(short(10 ^ 0x8000));
    const __m128i flip = _mm_set1_epi16(short(0x8000));
    for (; i + 8 <= end; i += 8) {
        const __m128i x = _mm_xor_si128(_mm_sub_epi16(load8(t + i), zero), flip);
        if (const unsigned m = unsigned(_mm_movemask_epi8(_mm_cmplt_epi16(x, ten))))
            return i + __builtin_ctz(m) / 2;
    }
#endif
    for (; i < end; ++i)
        if (t[i] >= u'0' && t[i] <= u'9')
            return i;
    return end;
}

/// Are the eight characters from t all between lo and hi (both included)? False where the
/// processor has no SSE2 (the caller then looks at each).
inline bool eightIn(const QChar *t, char16_t lo, char16_t hi)
{
#if defined(__SSE2__)
    const __m128i flip = _mm_set1_epi16(short(0x8000));
    const __m128i x = _mm_xor_si128(load8(t), flip);
    const __m128i out = _mm_or_si128(_mm_cmplt_epi16(x, _mm_set1_epi16(short(lo ^ 0x8000))),
                                     _mm_cmpgt_epi16(x, _mm_set1_epi16(short(hi ^ 0x8000))));
    return _mm_movemask_epi8(out) == 0;
#else
    Q_UNUSED(t);
    Q_UNUSED(lo);
    Q_UNUSED(hi);
    return false;
#endif
}

/// Is u an ASCII digit (what \d means to PCRE without Unicode's properties)?
constexpr bool isAsciiDigit(char16_t u)
{
    return u >= u'0' && u <= u'9';
}

/// Is u ASCII white space: a space, or a tab to a carriage return (\s to PCRE without Unicode's
/// properties)?
constexpr bool isAsciiSpace(char16_t u)
{
    return u == u' ' || (u >= u'\t' && u <= u'\r');
}

/// Is c white space (QChar::isSpace)? The characters a report is mostly made of told without
/// Unicode's table: ASCII, and everything after U+3000 (ideographs, their punctuation, full-width
/// forms), where there is no space.
inline bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return isAsciiSpace(u);
    if (u > 0x3000)
        return false;
    return c.isSpace();
}

/// dropSpaces one character at a time, for in[from, to), after kept written: the number written
/// then. Each is written whatever it is, and kept when it is no space: no branch to guess wrong in
/// text laid out with spaces.
inline qsizetype dropSpacesOneByOne(const QChar *in, qsizetype from, qsizetype to, QChar *out, int *pos,
                                    qsizetype kept)
{
    for (qsizetype i = from; i < to; ++i) {
        out[kept] = in[i];
        pos[kept] = int(i);
        kept += isSpace(in[i]) ? 0 : 1;
    }
    return kept;
}

/// The characters of in[0, n) that are no white space written to out, and the place of each in
/// in to pos; the number written. out and pos have room for n. (dropSpaces: SSSE3's byte shuffle
/// where the processor has it, else this.)
inline qsizetype dropSpacesSse2(const QChar *in, qsizetype n, QChar *out, int *pos)
{
    qsizetype i = 0, kept = 0;
#if defined(__SSE2__)
    // Eight at once while none of the eight may be a space (at most U+0020, or from U+0080 to
    // U+3000): compared as signed numbers after the top bit is flipped.
    const __m128i flip = _mm_set1_epi16(short(0x8000));
    const __m128i low = _mm_set1_epi16(short(0x0021 ^ 0x8000));
    const __m128i from = _mm_set1_epi16(short(0x007F ^ 0x8000));
    const __m128i to = _mm_set1_epi16(short(0x3001 ^ 0x8000));
    const __m128i step = _mm_setr_epi32(0, 1, 2, 3);
    for (; i + 8 <= n; i += 8) {
        const __m128i x = _mm_xor_si128(load8(in + i), flip);
        const __m128i maybe = _mm_or_si128(_mm_cmplt_epi16(x, low),
                                           _mm_and_si128(_mm_cmpgt_epi16(x, from), _mm_cmplt_epi16(x, to)));
        if (_mm_movemask_epi8(maybe) == 0) {
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + kept), load8(in + i));
            const __m128i at = _mm_add_epi32(_mm_set1_epi32(int(i)), step);
            _mm_storeu_si128(reinterpret_cast<__m128i *>(pos + kept), at);
            _mm_storeu_si128(reinterpret_cast<__m128i *>(pos + kept + 4),
                             _mm_add_epi32(at, _mm_set1_epi32(4)));
            kept += 8;
            continue;
        }
        kept = dropSpacesOneByOne(in, i, i + 8, out, pos, kept);
    }
#endif
    return dropSpacesOneByOne(in, i, n, out, pos, kept);
}

/// Does the processor have SSSE3 (asked once)?
bool hasSsse3();
/// dropSpacesSse2 with SSSE3: eight characters with a space among them written without it by one
/// shuffle, not one by one. Only where hasSsse3().
qsizetype dropSpacesSsse3(const QChar *in, qsizetype n, QChar *out, int *pos);

/// The characters of in[0, n) that are no white space written to out, and the place of each in
/// in to pos; the number written. out and pos have room for n.
inline qsizetype dropSpaces(const QChar *in, qsizetype n, QChar *out, int *pos)
{
#if defined(NIANBAO_HAVE_SSSE3_PATHS)
    if (hasSsse3())
        return dropSpacesSsse3(in, n, out, pos);
#endif
    return dropSpacesSse2(in, n, out, pos);
}

} // namespace charscan

} // namespace nianbao
