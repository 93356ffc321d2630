#pragma once

#include <QList>
#include <QString>

namespace nianbao {

/// The matching view of a text: NFKC (full-width digits and brackets, Kangxi radicals),
/// Traditional→Simplified, odd whitespace folded to a space, CR and zero-width characters dropped.
/// Tabs and line breaks are kept: they are the structure of a table copied as text.
/// Every character keeps the span of the original character it came from.
class NormalizedText
{
public:
    NormalizedText() = default;
    explicit NormalizedText(QStringView original);

    const QString &text() const { return m_text; }
    /// False when the text grew beyond Limits::MaxNormalizedChars and was cut there.
    bool isComplete() const { return m_complete; }
    /// Is every surrogate of the text one of a pair (PatternSet::isWellFormed), told as it was made?
    bool isWellFormed() const { return m_wellFormed; }
    qsizetype size() const { return m_text.size(); }
    /// Original span [start, end) of the normalized range [from, to).
    qsizetype originalStart(qsizetype from) const
    {
        if (from < 0)
            return 0;
        if (from >= m_text.size())
            return m_originalSize;
        const Segment &s = segmentOf(from);
        return s.end < 0 ? s.start + (from - s.k) : s.start;
    }
    qsizetype originalEnd(qsizetype to) const;
    /// The first normalized position whose original start is at or after originalPos (size() when
    /// there is none): found among the segments, not by asking originalStart at each step.
    qsizetype firstFrom(qsizetype originalPos) const;

    /// One character (code point) as the matching view sees it.
    static QString mapCodePoint(char32_t cp);
    /// Normalise a short string without keeping offsets.
    static QString normalize(QStringView s);

private:
    /// The origin of the characters from k on, up to the next segment's: one to one from start
    /// (end < 0; most of a text is one such segment), or each the whole of [start, end) (a
    /// character that maps to several, or one of a surrogate pair). The text's characters are
    /// not given a span each: a text's spans cost a segment where a character is dropped or
    /// mapped to several, not two ints a character.
    struct Segment
    {
        qsizetype k = 0;
        qsizetype start = 0;
        qsizetype end = -1;
    };
    const Segment &segmentOf(qsizetype k) const
    {
        if (m_segments.size() == 1 || k >= m_segments.last().k)
            return m_segments.last();
        return segmentSearch(k);
    }
    const Segment &segmentSearch(qsizetype k) const;

    QString m_text;
    QList<Segment> m_segments{Segment{}}; // sorted by k; the first at 0
    qsizetype m_originalSize = 0;
    bool m_complete = true;
    bool m_wellFormed = true;
};

} // namespace nianbao
