#include "textdecoder.h"

#include "text/charscan.h"

#include <QStringDecoder>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(NIANBAO_HAVE_SSSE3_PATHS)
#include <tmmintrin.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

#if defined(NIANBAO_HAVE_SSSE3_PATHS)
// Five three-byte sequences at a time (a Chinese text's letters, one after the other), by SSSE3's
// byte shuffle where the processor has it (told once): the same test of each sequence as the loop
// of one at a time (lead byte E0–EF, two continuation bytes, no overlong form, no surrogate).
// Stops before the first five that are not all such, which the loop then reads (or refuses).
// Reads 16 bytes from p, writes 8 units at o: the caller leaves that room.
__attribute__((target("ssse3"))) const uchar *threeByteBlocks(const uchar *p, const uchar *end, char16_t *&o)
{
    const __m128i leadMask = _mm_setr_epi8(char(0xF0), char(0xC0), char(0xC0), char(0xF0), char(0xC0),
                                           char(0xC0), char(0xF0), char(0xC0), char(0xC0), char(0xF0),
                                           char(0xC0), char(0xC0), char(0xF0), char(0xC0), char(0xC0), 0);
    const __m128i leadWant = _mm_setr_epi8(char(0xE0), char(0x80), char(0x80), char(0xE0), char(0x80),
                                           char(0x80), char(0xE0), char(0x80), char(0x80), char(0xE0),
                                           char(0x80), char(0x80), char(0xE0), char(0x80), char(0x80), 0);
    const __m128i first = _mm_setr_epi8(0, -1, 3, -1, 6, -1, 9, -1, 12, -1, -1, -1, -1, -1, -1, -1);
    const __m128i second = _mm_setr_epi8(1, -1, 4, -1, 7, -1, 10, -1, 13, -1, -1, -1, -1, -1, -1, -1);
    const __m128i third = _mm_setr_epi8(2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1);
    const __m128i high5 = _mm_set1_epi16(short(0xF800));
    const __m128i surrogate = _mm_set1_epi16(short(0xD800));
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        if ((_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, leadMask), leadWant)) & 0x7FFF) != 0x7FFF)
            break;
        const __m128i b0 = _mm_shuffle_epi8(v, first), b1 = _mm_shuffle_epi8(v, second),
                      b2 = _mm_shuffle_epi8(v, third);
        const __m128i u =
            _mm_or_si128(_mm_or_si128(_mm_slli_epi16(_mm_and_si128(b0, _mm_set1_epi16(0x0F)), 12),
                                      _mm_slli_epi16(_mm_and_si128(b1, _mm_set1_epi16(0x3F)), 6)),
                         _mm_and_si128(b2, _mm_set1_epi16(0x3F)));
        // Below U+0800 (overlong) its top five bits are 0; a surrogate's are 11011.
        const __m128i top = _mm_and_si128(u, high5);
        const int bad = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi16(top, _mm_setzero_si128()), _mm_cmpeq_epi16(top, surrogate)));
        if ((bad & 0x3FF) != 0)
            break;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o), u);
        o += 5;
        p += 15;
    }
    return p;
}

#endif

} // namespace

bool TextDecoder::isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = d.decode(bytes);
    return !d.hasError();
}

bool TextDecoder::looksBinary(const QByteArray &bytes)
{
    const qsizetype n = qMin<qsizetype>(bytes.size(), 65536);
    // A stray NUL or two in a text (a byte lost in a copy) is not a binary file: every control
    // character, NUL included, counts, and it takes more than 1 % of them to refuse.
    constexpr quint32 allowed = 1u << '\t' | 1u << '\n' | 1u << '\r' | 1u << '\f' | 1u << 0x1A;
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    qsizetype control = 0;
    qsizetype i = 0;
#if defined(__GNUC__)
    // Sixteen bytes at a time, the count of each lane kept in a byte and summed before it can
    // overflow.
    using Bytes = unsigned char __attribute__((vector_size(16)));
    while (n - i >= 16) {
        Bytes lanes = {};
        for (int round = 0; round < 255 && n - i >= 16; ++round, i += 16) {
            Bytes v;
            std::memcpy(&v, p + i, sizeof v);
            const auto c = (v < 0x20) & (v != '\t') & (v != '\n') & (v != '\r') & (v != '\f') & (v != 0x1A);
            lanes -= reinterpret_cast<const Bytes &>(c); // a true lane is all ones: −1
        }
        for (int k = 0; k < 16; ++k)
            control += lanes[k];
    }
#endif
    for (; i < n; ++i) {
        const uchar c = p[i];
        if (c < 0x20) // seldom: most bytes are told by this one test
            control += (allowed >> c & 1u) ^ 1u;
    }
    return n > 0 && control * 100 > n;
}

bool TextDecoder::decodeUtf8(const QByteArray &bytes, QString *out)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const uchar *const end = p + bytes.size();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        p += 3; // an initial byte-order mark is not text, as QStringDecoder reads it
    QString s(bytes.size(), Qt::Uninitialized); // never more UTF-16 units than bytes
    char16_t *const first = reinterpret_cast<char16_t *>(s.data());
    char16_t *o = first;
#if defined(NIANBAO_HAVE_SSSE3_PATHS)
    const bool ssse3 = charscan::hasSsse3();
#endif
    const auto continuation = [](uchar c) { return (c & 0xC0) == 0x80; };
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
#if defined(__SSE2__)
            // Sixteen ASCII bytes at once (the numbers, bars and spaces of the tables); of sixteen
            // that end in other bytes, the ASCII ones before them, written as the sixteen are and
            // counted to the first other (a number between two words: no byte by byte). (Room:
            // o is at most one unit a byte read behind p, which is 16 bytes from the end.)
            while (end - p >= 16) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                const __m128i zero = _mm_setzero_si128();
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o), _mm_unpacklo_epi8(v, zero));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o + 8), _mm_unpackhi_epi8(v, zero));
                if (const unsigned other = unsigned(_mm_movemask_epi8(v))) {
                    const int ascii = __builtin_ctz(other);
                    o += ascii;
                    p += ascii;
                    break;
                }
                o += 16;
                p += 16;
            }
            if (p == end || *p >= 0x80)
                continue;
#endif
            *o++ = *p;
            ++p;
        } else if ((c & 0xF0) == 0xE0 && end - p >= 3) {
            // Three bytes: most of a Chinese text, and mostly one after the other. Table 3-7 of the
            // Unicode standard bounds the second byte after E0 (no overlong form) and ED (no
            // surrogate): the same as asking the value decoded.
#if defined(NIANBAO_HAVE_SSSE3_PATHS)
            // (Room: o is at most one unit a byte read behind p, which is 16 bytes from the end.)
            if (ssse3) {
                p = threeByteBlocks(p, end, o);
                if (end - p < 3 || (*p & 0xF0) != 0xE0)
                    continue;
            }
#endif
            do {
                const unsigned b1 = p[1], b2 = p[2];
                if (((b1 | b2 << 8) & 0xC0C0) != 0x8080) // both continuation bytes
                    return false;
                const unsigned u = (p[0] & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu);
                if (u < 0x800 || u - 0xD800 < 0x800)
                    return false;
                *o++ = char16_t(u);
                p += 3;
            } while (end - p >= 3 && (*p & 0xF0) == 0xE0);
        } else if (c >= 0xC2 && c <= 0xDF && end - p >= 2) {
            if (!continuation(p[1]))
                return false;
            *o++ = char16_t((c & 0x1F) << 6 | (p[1] & 0x3F));
            p += 2;
        } else if (c >= 0xF0 && c <= 0xF4 && end - p >= 4) {
            const uchar lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            if (p[1] < lo || p[1] > hi || !continuation(p[2]) || !continuation(p[3]))
                return false;
            const char32_t u = char32_t(c & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 |
                               char32_t(p[2] & 0x3F) << 6 | char32_t(p[3] & 0x3F);
            *o++ = QChar::highSurrogate(u);
            *o++ = QChar::lowSurrogate(u);
            p += 4;
        } else {
            return false; // a stray or truncated sequence: not UTF-8, or not this way
        }
    }
    s.truncate(o - first);
    *out = std::move(s);
    return true;
}

bool TextDecoder::decodeAs(const QByteArray &bytes, const char *encoding, QString *out)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter *)> cnv(ucnv_open(encoding, &status), ucnv_close);
    if (U_FAILURE(status) || !cnv)
        return false;
    // Worst case one UTF-16 unit per byte, plus surrogate pairs.
    QString s(bytes.size() + 16, Qt::Uninitialized);
    status = U_ZERO_ERROR;
    const int32_t len = ucnv_toUChars(cnv.get(), reinterpret_cast<UChar *>(s.data()), int32_t(s.size()),
                                      bytes.constData(), int32_t(bytes.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        s.resize(len + 1);
        status = U_ZERO_ERROR;
        ucnv_resetToUnicode(cnv.get());
        ucnv_toUChars(cnv.get(), reinterpret_cast<UChar *>(s.data()), int32_t(s.size()), bytes.constData(),
                      int32_t(bytes.size()), &status);
    }
    if (U_FAILURE(status))
        return false;
    s.resize(len);
    *out = std::move(s);
    return true;
}

static qsizetype replacementCount(const QString &s)
{
    return s.count(QChar(QChar::ReplacementCharacter));
}

bool TextDecoder::decode(const QByteArray &bytes, DecodedText *out, QString *error)
{
    if (bytes.isEmpty()) {
        if (error)
            *error = tr("The file is empty.");
        return false;
    }
    auto startsWith = [&](const char *bom, int n) {
        return bytes.size() >= n && std::memcmp(bytes.constData(), bom, n) == 0;
    };

    struct Bom
    {
        const char *bytes;
        int size;
        const char *name;
    };
    static const Bom boms[] = {
        {"\xEF\xBB\xBF", 3, "UTF-8"},        {"\xFF\xFE\x00\x00", 4, "UTF-32LE"},
        {"\x00\x00\xFE\xFF", 4, "UTF-32BE"}, {"\xFF\xFE", 2, "UTF-16LE"},
        {"\xFE\xFF", 2, "UTF-16BE"},
    };
    for (const Bom &b : boms) {
        if (startsWith(b.bytes, b.size)) {
            QString s;
            if (!decodeAs(bytes.mid(b.size), b.name, &s)) {
                if (error)
                    *error = tr("The file starts like %1 text but cannot be decoded.")
                                 .arg(QLatin1StringView(b.name));
                return false;
            }
            if (s.trimmed().isEmpty()) {
                if (error)
                    *error = tr("The file is empty.");
                return false;
            }
            out->text = s;
            out->encoding = QString::fromLatin1(b.name);
            out->note.clear();
            return true;
        }
    }

    if (looksBinary(bytes)) {
        if (error)
            *error = tr("This is a binary file, not a report text.");
        return false;
    }

    // Decoded once: the text if it is UTF-8, else thrown away for the detector. Well-formed
    // UTF-8 (every report) is read by decodeUtf8; the rest as Qt reads it.
    QString asUtf8;
    bool utf8Valid = decodeUtf8(bytes, &asUtf8);
    if (!utf8Valid) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        asUtf8 = utf8.decode(bytes);
        utf8Valid = !utf8.hasError();
    }
    if (utf8Valid) {
        out->text = std::move(asUtf8);
        out->encoding = u"UTF-8"_s;
        out->note.clear();
        if (out->text.trimmed().isEmpty()) {
            if (error)
                *error = tr("The file is empty.");
            return false;
        }
        return true;
    }

    // Not UTF-8: ask ICU's detector, limited to the encodings reports come in.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector *)> det(ucsdet_open(&status), ucsdet_close);
    QByteArray guess;
    QByteArray best;
    int confidence = 0;
    if (U_SUCCESS(status)) {
        const QByteArray sample = bytes.left(256 * 1024);
        ucsdet_setText(det.get(), sample.constData(), int32_t(sample.size()), &status);
        int32_t found = 0;
        const UCharsetMatch **matches = ucsdet_detectAll(det.get(), &found, &status);
        if (U_SUCCESS(status)) {
            for (int32_t i = 0; i < found; ++i) {
                UErrorCode s2 = U_ZERO_ERROR;
                const QByteArray name = ucsdet_getName(matches[i], &s2);
                const int conf = ucsdet_getConfidence(matches[i], &s2);
                if (i == 0)
                    best = name;
                if (name == "GB18030" || name == "Big5") {
                    guess = name;
                    confidence = conf;
                    break;
                }
            }
        }
    }

    QString gb, big5;
    decodeAs(bytes, "GB18030", &gb);
    const bool haveBig5 = decodeAs(bytes, "Big5", &big5);
    const qsizetype gbBad = gb.isNull() ? bytes.size() : replacementCount(gb);
    const qsizetype big5Bad = haveBig5 ? replacementCount(big5) : bytes.size();

    // Sure when the detector ranks the encoding first with some confidence, or is very confident.
    const bool sure = (guess == best && confidence >= 20) || confidence >= 50;
    if (guess == "Big5" && big5Bad <= gbBad && sure) {
        out->text = big5;
        out->encoding = u"Big5"_s;
    } else if (guess == "GB18030" && sure) {
        out->text = gb;
        out->encoding = u"GB18030"_s;
    } else if (big5Bad < gbBad) {
        out->text = big5;
        out->encoding = u"Big5"_s;
        out->note = tr("The encoding could not be detected with confidence; read as Big5.");
    } else {
        out->text = gb;
        out->encoding = u"GB18030"_s;
        out->note = tr("The encoding could not be detected with confidence; read as GB18030.");
    }
    if (out->text.isNull()) {
        if (error)
            *error = tr("The text encoding is not one this program can read.");
        return false;
    }
    const qsizetype bad = replacementCount(out->text);
    if (bad * 20 > out->text.size()) {
        if (error)
            *error = tr("The text encoding is not one this program can read.");
        return false;
    }
    return true;
}

} // namespace nianbao
