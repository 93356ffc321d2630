#include "textview.h"

#include <algorithm>

namespace nianbao {

namespace {

bool isSentenceEnd(QChar c)
{
    return c == u'。' || c == u'！' || c == u'？' || c == u'；' || c == u'!' || c == u'?' || c == u';';
}

bool isNumeral(QChar c)
{
    return QStringView(u"一二三四五六七八九十").contains(c);
}

/// Does a new paragraph start at position pos of text (after a line break)? A blank line before
/// it, or a line that opens like a heading or an item: "（二）", "二、", "3." — a line wrapped in a
/// PDF's prose continues its sentence.
bool paragraphStartsAt(const QString &text, qsizetype pos)
{
    int breaks = 0;
    qsizetype n = pos - 1;
    for (; n >= 0 && text[n].isSpace(); --n)
        breaks += text[n] == u'\n' ? 1 : 0;
    if (breaks == 0)
        return false;
    if (breaks >= 2 || n < 0)
        return true;
    qsizetype p = pos;
    while (p < text.size() && text[p].isSpace())
        ++p;
    if (p >= text.size())
        return true;
    const QChar c = text[p];
    if (c == u'（' || c == u'(' || c == u'【' || c == u'|' || c == u'#')
        return true;
    qsizetype q = p;
    while (q < text.size() && q - p < 3 && (isNumeral(text[q]) || text[q].isDigit()))
        ++q;
    return q > p && q < text.size() && (text[q] == u'、' || text[q] == u'.' || text[q] == u'．');
}

} // namespace

TextView::TextView(const QString &original) : m_original(original), m_norm(original)
{
    index();
}

TextView::TextView(const QString &original, const NormalizedText &normalized)
    : m_original(original), m_norm(normalized)
{
    index();
}

TextView::TextView(const QString &original, const NormalizedText &normalized, const CompactIndex &compact)
    : m_original(original), m_norm(normalized), m_compact(compact.compact()), m_pos(compact.positions())
{}

void TextView::index()
{
    const CompactIndex compact(m_norm.text());
    m_compact = compact.compact();
    m_pos = compact.positions();
}

qsizetype TextView::toNormalized(qsizetype compactPos) const
{
    if (compactPos < 0)
        return 0;
    if (compactPos >= m_pos.size())
        return m_norm.size();
    return m_pos[compactPos];
}

qsizetype TextView::fromNormalized(qsizetype normalizedPos) const
{
    return std::lower_bound(m_pos.begin(), m_pos.end(), normalizedPos) - m_pos.begin();
}

qsizetype TextView::fromOriginal(qsizetype originalPos) const
{
    // Original starts grow with the normalized position, and it with the compact one: the first
    // compact character at or after the first normalized one whose start is not before it.
    const qsizetype k = m_norm.firstFrom(originalPos);
    return std::lower_bound(m_pos.begin(), m_pos.end(), k) - m_pos.begin();
}

TextSpan TextView::spanOfNormalized(qsizetype from, qsizetype to) const
{
    TextSpan s;
    if (to <= from)
        return s;
    s.start = m_norm.originalStart(from);
    s.length = qMax<qsizetype>(0, m_norm.originalEnd(to) - s.start);
    s.text = m_original.mid(s.start, s.length);
    return s;
}

TextSpan TextView::span(qsizetype from, qsizetype to) const
{
    if (to <= from || from >= m_pos.size())
        return {};
    return spanOfNormalized(m_pos[from], m_pos[qMin(to, m_pos.size()) - 1] + 1);
}

bool TextView::spaceBefore(qsizetype compactPos) const
{
    if (compactPos <= 0)
        return true;
    const qsizetype n = toNormalized(compactPos);
    return n > 0 && m_norm.text()[n - 1].isSpace();
}

bool TextView::lineBreakBefore(qsizetype compactPos) const
{
    if (compactPos <= 0)
        return true;
    const QString &t = m_norm.text();
    for (qsizetype n = toNormalized(compactPos) - 1; n >= 0 && t[n].isSpace(); --n)
        if (t[n] == u'\n')
            return true;
    return false;
}

std::pair<qsizetype, qsizetype> TextView::sentenceAt(qsizetype compactPos) const
{
    constexpr qsizetype most = 300;
    const QString &t = m_norm.text();
    auto paragraphBreak = [&](qsizetype c) {
        // Only where whitespace was left out between two compact characters can a paragraph start.
        if (c > 0 && c < m_pos.size() && m_pos[c] == m_pos[c - 1] + 1)
            return false;
        return paragraphStartsAt(t, toNormalized(c));
    };
    qsizetype from = qBound<qsizetype>(0, compactPos, m_compact.size());
    while (from > 0 && compactPos - from < most && !isSentenceEnd(m_compact[from - 1]) &&
           !paragraphBreak(from))
        --from;
    qsizetype to = qBound<qsizetype>(0, compactPos, m_compact.size());
    while (to < m_compact.size() && to - compactPos < most) {
        if (to > compactPos && paragraphBreak(to))
            break;
        ++to;
        if (isSentenceEnd(m_compact[to - 1]))
            break;
    }
    return {from, to};
}

TextSpan sentenceAround(const QString &original, qsizetype start, qsizetype length)
{
    constexpr qsizetype most = 300;
    if (start < 0 || start > original.size())
        return {};
    qsizetype from = start;
    while (from > 0 && start - from < most && !isSentenceEnd(original[from - 1]) &&
           !paragraphStartsAt(original, from))
        --from;
    while (from < start && original[from].isSpace())
        ++from;
    qsizetype to = qMin(original.size(), start + qMax<qsizetype>(length, 0));
    while (to < original.size() && to - start < most) {
        if (paragraphStartsAt(original, to))
            break;
        ++to;
        if (isSentenceEnd(original[to - 1]))
            break;
    }
    while (to > from && original[to - 1].isSpace())
        --to;
    TextSpan s;
    s.start = from;
    s.length = to - from;
    s.text = original.mid(from, to - from);
    return s;
}

} // namespace nianbao
