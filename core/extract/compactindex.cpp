#include "compactindex.h"

#include "text/textsearch.h"

#include <algorithm>

namespace nianbao {

namespace {

/// QChar::isSpace, without its table for the characters a report is mostly made of.
inline bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return u == u' ' || (u >= u'\t' && u <= u'\r');
    if (u > 0x3000)
        return false; // ideographs, their punctuation and full-width forms: no space after U+3000
    return c.isSpace();
}

} // namespace

CompactIndex::CompactIndex(const QString &text)
{
    // Written into buffers of the text's size, then cut to what was kept.
    const qsizetype n = text.size();
    m_compact.resize(n);
    m_pos.resize(n);
    QChar *out = m_compact.data();
    int *pos = m_pos.data();
    const QChar *in = text.constData();
    qsizetype kept = 0;
    for (qsizetype i = 0; i < n; ++i) {
        // Written whatever it is, and kept when it is no space: no branch to guess wrong in text
        // laid out with spaces.
        const QChar c = in[i];
        out[kept] = c;
        pos[kept] = int(i);
        kept += isSpace(c) ? 0 : 1;
    }
    m_compact.truncate(kept);
    m_pos.resize(kept);
}

qsizetype CompactIndex::find(QStringView needle, qsizetype from) const
{
    const qsizetype ci = std::lower_bound(m_pos.begin(), m_pos.end(), from) - m_pos.begin();
    const qsizetype hit = findText(m_compact, needle, ci);
    return hit < 0 ? -1 : m_pos[hit];
}

qsizetype CompactIndex::findAny(const QStringList &needles, qsizetype from) const
{
    qsizetype best = -1;
    for (const QString &n : needles) {
        const qsizetype p = find(n, from);
        if (p >= 0 && (best < 0 || p < best))
            best = p;
    }
    return best;
}

} // namespace nianbao
