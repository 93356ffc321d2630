#pragma once

#include "report/report.h"
#include "rules/finding.h"

#include <QList>

namespace nianbao {

/// TEXT.REPEATED: more than half of this year's prose is last year's (assessments deduct for a
/// report copied forward). Sentences are compared as letters with every number masked, so a
/// sentence copied with its years and counts updated is still the same sentence.
class TextRepeat
{
public:
    static constexpr double MostShared = 0.5;
    /// The share of current's prose (by characters) found in previous's; -1 when too little prose.
    static double sharedShare(const Report &previous, const Report &current, TextSpan *longest = nullptr,
                              int *sentences = nullptr, int *same = nullptr);
    static QList<Finding> compare(const Report &previous, const Report &current);
    /// The form in which sentences are compared.
    static QString sentenceKey(const QString &text);
};

} // namespace nianbao
