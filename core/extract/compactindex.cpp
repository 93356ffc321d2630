#include "compactindex.h"

#include "text/charscan.h"
#include "text/textsearch.h"

#include <algorithm>

namespace nianbao {

CompactIndex::CompactIndex(const QString &text)
{
    // Written into buffers of the text's size, then cut to what was kept.
    const qsizetype n = text.size();
    m_compact.resize(n);
    m_pos.resize(n);
    const qsizetype kept = charscan::dropSpaces(text.constData(), n, m_compact.data(), m_pos.data());
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
    // Each needle after a hit is looked for only where it would start before that hit: the rest of
    // the text is not searched again for a needle that is not there.
    const qsizetype ci = std::lower_bound(m_pos.begin(), m_pos.end(), from) - m_pos.begin();
    qsizetype best = -1; // in the compact text
    for (const QString &n : needles) {
        const QStringView within =
            best < 0 ? QStringView(m_compact) : QStringView(m_compact).left(best + n.size() - 1);
        const qsizetype hit = findText(within, n, ci);
        if (hit >= 0 && (best < 0 || hit < best))
            best = hit;
    }
    return best < 0 ? -1 : m_pos[best];
}

} // namespace nianbao
