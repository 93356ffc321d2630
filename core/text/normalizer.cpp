#include "normalizer.h"

#include "io/limits.h"
#include "patternset.h"

#include <QHash>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace nianbao {

namespace {

class CharMapper
{
public:
    CharMapper()
    {
        UErrorCode status = U_ZERO_ERROR;
        m_nfkc = icu::Normalizer2::getNFKCInstance(status);
        if (U_FAILURE(status))
            m_nfkc = nullptr;
        status = U_ZERO_ERROR;
        m_t2s.reset(icu::Transliterator::createInstance(icu::UnicodeString("Traditional-Simplified"),
                                                        UTRANS_FORWARD, status));
        if (U_FAILURE(status))
            m_t2s.reset();
    }

    const QString &map(char32_t cp)
    {
        auto it = m_cache.constFind(cp);
        if (it != m_cache.constEnd())
            return it.value();
        icu::UnicodeString s = icu::UnicodeString(UChar32(cp));
        if (m_nfkc) {
            UErrorCode status = U_ZERO_ERROR;
            icu::UnicodeString n = m_nfkc->normalize(s, status);
            if (U_SUCCESS(status))
                s = n;
        }
        if (m_t2s)
            m_t2s->transliterate(s);
        QString out(reinterpret_cast<const QChar *>(s.getBuffer()), s.length());
        // A ligature of a whole phrase (U+FDFA is 18 letters) is no part of a report: kept as it is.
        if (out.size() > Limits::MaxCharExpansion)
            out = QString::fromUcs4(&cp, 1);
        // NFKC turns some full-width spaces into spaces; fold every kind of space to one.
        for (QChar &c : out)
            if (c.isSpace() && c != u'\t' && c != u'\n')
                c = u' ';
        return m_cache.insert(cp, out).value();
    }

    /// The one UTF-16 unit NormalizedText::mapCodePoint gives a code point of the BMP, or -1 when
    /// it gives none or several or the code point is beyond the BMP: a flat table, filled as code
    /// points are met, so that the letters of a report cost a look-up each and no allocation.
    int single(char32_t cp)
    {
        if (cp >= 0x10000)
            return -1;
        if (m_flat.empty())
            m_flat.assign(0x10000, 0);
        quint32 &e = m_flat[cp];
        if (e == 0) {
            const QString m = NormalizedText::mapCodePoint(cp);
            e = m.size() == 1 ? (OneUnit | m.front().unicode()) : Other;
        }
        return known(char16_t(cp));
    }

    /// The unit single(u) has already given for u, or −1 when it has not yet been asked or
    /// gives none: a look-up with nothing to fill.
    int known(char16_t u) const
    {
        if (m_flat.empty())
            return -1;
        const quint32 e = m_flat[u];
        return (e & OneUnit) ? int(e & 0xFFFF) : -1;
    }

    /// The table single() fills (its entries read as known() reads them), or null before it
    /// has any: read in a loop without a call per character.
    const quint32 *flat() const { return m_flat.empty() ? nullptr : m_flat.data(); }
    static constexpr quint32 OneUnit = 0x10000;

private:
    static constexpr quint32 Other = 0x20000;
    std::vector<quint32> m_flat; // per code point: 0 not yet known, OneUnit | unit, or Other
    const icu::Normalizer2 *m_nfkc = nullptr;
    std::unique_ptr<icu::Transliterator> m_t2s;
    QHash<char32_t, QString> m_cache;
};

CharMapper &mapper()
{
    thread_local CharMapper m;
    return m;
}

bool isDropped(char32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD || cp == 0x2060;
}

} // namespace

QString NormalizedText::mapCodePoint(char32_t cp)
{
    if (cp < 0x80) {
        if (cp == u'\r')
            return {};
        if (cp == u'\t' || cp == u'\n')
            return QString(QChar(cp));
        if (cp < 0x20 || cp == 0x7F)
            return QStringLiteral(" ");
        return QString(QChar(cp));
    }
    if (isDropped(cp))
        return {};
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return QStringLiteral("\n");
    return mapper().map(cp);
}

NormalizedText::NormalizedText(QStringView original) : m_originalSize(original.size())
{
    // Written into a buffer of the original's size (grown if a character maps to several), then
    // cut to what was written: no append per character.
    const qsizetype n = original.size();
    m_text.resize(n);
    QChar *text = m_text.data();
    qsizetype k = 0;
    // Grown apart from put, which is then small enough to be inlined where it is called.
    const auto grow = [&]() Q_DECL_COLD_FUNCTION {
        m_text.resize(qMax<qsizetype>(16, k * 2));
        text = m_text.data();
    };
    // The characters from k on are those of the original from i on, one to one.
    const auto oneToOne = [&](qsizetype i) {
        Segment &last = m_segments.last();
        if (last.end < 0 && last.start - last.k == i - k)
            return; // the segment goes on
        if (last.k == k)
            last = Segment{k, i, -1}; // nothing was written in the last one
        else
            m_segments.append(Segment{k, i, -1});
    };
    bool surrogates = false; // written by put: the loop of its own writes none
    const auto put = [&](QChar c, qsizetype from, qsizetype to) {
        if (Q_UNLIKELY(k == m_text.size()))
            grow();
        if (to == from + 1) {
            oneToOne(from);
        } else {
            Segment &last = m_segments.last();
            if (last.k == k)
                last = Segment{k, from, to};
            else if (last.end != to || last.start != from)
                m_segments.append(Segment{k, from, to});
        }
        surrogates = surrogates || c.isSurrogate();
        text[k] = c;
        ++k;
    };
    const QChar *in = original.data();
    CharMapper *map = nullptr; // made on the first letter beyond ASCII (a thread's first is dear)
    for (qsizetype i = 0; i < n;) {
        // Most characters are printable ASCII or characters already met that map to one unit
        // (letters, and the line breaks and tabs of a table; a CR is never one of them):
        // written in a loop of their own, without the tests of the rest, one to one.
        // (The table is read through a pointer of its own, taken once: written through the
        // text's buffer, it would otherwise be looked up again after each character.)
        const quint32 *const flat = map ? map->flat() : nullptr;
        oneToOne(i);
        // (Counted by one index from where both texts are, to what either has room for.)
        const qsizetype room = qMin<qsizetype>(m_text.size(), Limits::MaxNormalizedChars + 1);
        const qsizetype count = qMax<qsizetype>(0, qMin(n - i, room - k));
        const char16_t *const from = reinterpret_cast<const char16_t *>(in + i);
        char16_t *const to = reinterpret_cast<char16_t *>(text + k);
        qsizetype j = 0;
        for (; j < count; ++j) {
            const char16_t u = from[j];
            char16_t one = u;
            if (u - 0x20u >= 0x5Fu) {
                if (QChar::isSurrogate(u) || !flat)
                    break;
                const quint32 e = flat[u];
                if (!(e & CharMapper::OneUnit))
                    break;
                one = char16_t(e & 0xFFFF);
            }
            to[j] = one;
        }
        i += j;
        k += j;
        if (i == n)
            break;
        if (k > Limits::MaxNormalizedChars) {
            m_complete = false;
            break;
        }
        const QChar c = in[i];
        char32_t cp = c.unicode();
        qsizetype len = 1;
        if (c.isHighSurrogate() && i + 1 < n && in[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(c, in[i + 1]);
            len = 2;
        }
        if (cp < 0x80 && cp >= 0x20 && cp != 0x7F) { // fast path
            put(c, i, i + len);
        } else if (cp == u'\r') {
            if (!(i + 1 < n && in[i + 1] == u'\n'))
                put(QChar(u'\n'), i, i + 1);
        } else if (const int one = (map ? map : (map = &mapper()))->single(cp); one >= 0) {
            put(QChar(char16_t(one)), i, i + len);
        } else {
            const QString m = mapCodePoint(cp);
            for (QChar mc : m)
                put(mc, i, i + len);
        }
        i += len;
    }
    m_text.truncate(k);
    // A last segment that nothing was written in would be the one every later position finds.
    if (m_segments.size() > 1 && m_segments.last().k >= k)
        m_segments.removeLast();
    m_wellFormed = !surrogates || PatternSet::isWellFormed(m_text);
}

const NormalizedText::Segment &NormalizedText::segmentSearch(qsizetype k) const
{
    // The last segment that starts at or before k.
    const auto it = std::upper_bound(m_segments.cbegin(), m_segments.cend(), k,
                                     [](qsizetype v, const Segment &s) { return v < s.k; });
    return *(it - 1);
}

qsizetype NormalizedText::originalEnd(qsizetype to) const
{
    if (to <= 0)
        return originalStart(0);
    if (to > m_text.size())
        return m_originalSize;
    const Segment &s = segmentOf(to - 1);
    return s.end < 0 ? s.start + (to - 1 - s.k) + 1 : s.end;
}

qsizetype NormalizedText::firstFrom(qsizetype originalPos) const
{
    const qsizetype n = m_text.size();
    // A segment's characters are [k, the next one's k); only the last may have none.
    qsizetype count = m_segments.size();
    const auto endOf = [&](qsizetype j) { return j + 1 < m_segments.size() ? m_segments[j + 1].k : n; };
    if (count > 0 && endOf(count - 1) <= m_segments[count - 1].k)
        --count;
    // The original start of a segment's last character: it grows from segment to segment.
    const auto lastStart = [&](qsizetype j) {
        const Segment &s = m_segments[j];
        return s.end < 0 ? s.start + (endOf(j) - 1 - s.k) : s.start;
    };
    qsizetype lo = 0, hi = count;
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (lastStart(mid) < originalPos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == count)
        return n;
    const Segment &s = m_segments[lo];
    return s.end < 0 ? s.k + qMax<qsizetype>(0, originalPos - s.start) : s.k;
}

QString NormalizedText::normalize(QStringView s)
{
    return NormalizedText(s).text();
}

} // namespace nianbao
