#pragma once

#include "charscan.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>

namespace nianbao {

/// Regular expressions searched for together, each as QRegularExpression::globalMatch would find
/// it. A pattern that begins with words ("废止…", "(?:收到|受理)…") is tried only where one of
/// them starts, anchored there; one pass over the text finds those places. PCRE alone tries every
/// position of a Chinese text, since its table of first characters covers only the first 256.
/// In a text with a broken surrogate, which PCRE refuses whole, the places it can check are still
/// searched.
class PatternSet
{
public:
    explicit PatternSet(const QStringList &patterns);

    /// Whether the text's surrogates are all in pairs, when the caller knows (isWellFormed).
    enum class Subject { Unchecked, WellFormed, IllFormed };

    /// Every match of each pattern in text, in order: result[i] holds pattern i's.
    QList<QList<QRegularExpressionMatch>> globalMatch(const QString &text,
                                                      Subject subject = Subject::Unchecked) const;
    /// The first match at or after from of any of the patterns (of the first of them, when two
    /// start at one place); no match if none.
    QRegularExpressionMatch firstMatch(const QString &text, qsizetype from = 0,
                                       Subject subject = Subject::Unchecked) const;

    /// The words one of which every match of pattern begins with; empty when that cannot be told
    /// from the pattern (it begins with a class, an escape, an optional word that nothing follows…).
    static QStringList firstWords(QStringView pattern);
    /// Is every surrogate of text one of a pair? (What PCRE checks before each match, unless told
    /// the text was checked.)
    static bool isWellFormed(QStringView text);

private:
    struct Start
    {
        qsizetype pattern;
        QString word;
    };
    static QRegularExpression::MatchOptions checkedOnce(QStringView text, Subject subject);
    const QList<Start> &startsWith(char16_t c) const;
    /// Its pattern's match anchored at i when s's word starts there; nothing when it does not.
    std::optional<QRegularExpressionMatch> tryAt(const Start &s, const QString &text, qsizetype i,
                                                 QRegularExpression::MatchOptions checked) const;
    bool mayStart(char16_t c) const { return (m_first[c >> 6] >> (c & 63)) & 1u; }
    /// The first place at or after i, before end, where a word may start (mayStart); end if none.
    qsizetype nextStart(const QChar *t, qsizetype i, qsizetype end) const;

    QList<QRegularExpression> m_patterns;
    QList<bool> m_anchored;         // found by their first words; the rest by globalMatch
    QList<QRegularExpression> m_at; // an anchored pattern, matched only where it is tried (\G)
    QHash<char16_t, QList<Start>> m_starts;
    std::array<std::uint64_t, 1024> m_first{}; // a bit per UTF-16 code unit that begins a word
    // Those units when they are few (at most MaxFewUnits), looked for eight places at a time.
    static constexpr int MaxFewUnits = charscan::MaxAnyUnits;
    std::array<char16_t, MaxFewUnits> m_few{};
    int m_fewCount = 0; // 0: more than MaxFewUnits (or none), looked up in m_first one by one
};

} // namespace nianbao
