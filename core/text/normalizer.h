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
        if (from >= m_start.size())
            return m_originalSize;
        return m_start.at(from);
    }
    qsizetype originalEnd(qsizetype to) const;

    /// One character (code point) as the matching view sees it.
    static QString mapCodePoint(char32_t cp);
    /// Normalise a short string without keeping offsets.
    static QString normalize(QStringView s);

private:
    QString m_text;
    QList<int> m_start; // per normalized char: original start
    QList<int> m_end;   // per normalized char: original end
    qsizetype m_originalSize = 0;
    bool m_complete = true;
    bool m_wellFormed = true;
};

} // namespace nianbao
