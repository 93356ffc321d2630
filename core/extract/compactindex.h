#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/// The normalized text without whitespace, to find anchors (a table's first label, a heading)
/// whatever the spacing. Positions found are positions of the normalized text.
class CompactIndex
{
public:
    explicit CompactIndex(const QString &text);

    /// Normalized position of the first occurrence of needle starting at or after from; -1 if none.
    qsizetype find(QStringView needle, qsizetype from = 0) const;
    /// The first occurrence of any of the needles at or after from; -1 if none.
    qsizetype findAny(const QStringList &needles, qsizetype from) const;
    const QString &compact() const { return m_compact; }
    /// The normalized position of each compact character.
    const QList<int> &positions() const { return m_pos; }

private:
    QString m_compact;
    QList<int> m_pos; // the text is at most Limits::MaxNormalizedChars long
};

} // namespace nianbao
