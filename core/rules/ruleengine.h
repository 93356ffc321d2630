#pragma once

#include "finding.h"
#include "report/report.h"

#include <QList>

namespace nianbao {

/// Evaluates the template's identities and the value checks over a report. Generic: the
/// identities are data of the template.
class RuleEngine
{
public:
    static QList<Finding> check(const Report &report);
    static int errorCount(const QList<Finding> &findings);
    static int warningCount(const QList<Finding> &findings);
    /// Short label of a cell for messages, in the language in use: "（一）予以公开·自然人".
    static QString cellName(const Template &t, const QString &key);
    /// The same in Chinese and in English, for messages that keep both (Finding::message/messageEn).
    static QString cellNameZh(const Template &t, const QString &key);
    static QString cellNameEn(const Template &t, const QString &key);
    /// Short label of the row of a cell, in the language in use: "（一）予以公开".
    static QString rowName(const Template &t, const QString &cellKey);
    /// The number as the messages print it; never "inf" or "nan".
    static QString formatNumber(double v);
    /// A cell whose number is too long to be held (kept as its text, VALUE.TOO_LONG): digits that
    /// ran together beyond what its row's cells can hold, or more digits than
    /// Limits::MaxNumberDigits. No identity uses it.
    static bool isTooLong(const Cell &cell);
    /// Why the uncertain cell of key is undecided and what it may be, in Chinese or in English.
    static QString uncertainText(const Template &t, const QString &key, const Cell &cell, bool english);
};

} // namespace nianbao
