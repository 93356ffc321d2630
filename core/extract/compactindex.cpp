#include "compactindex.h"

#include <algorithm>

namespace nianbao {

CompactIndex::CompactIndex(const QString &text)
{
    m_compact.reserve(text.size());
    m_pos.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace())
            continue;
        m_compact.append(c);
        m_pos.append(int(i));
    }
}

qsizetype CompactIndex::find(QStringView needle, qsizetype from) const
{
    const qsizetype ci = std::lower_bound(m_pos.begin(), m_pos.end(), from) - m_pos.begin();
    const qsizetype hit = m_compact.indexOf(needle, ci);
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
