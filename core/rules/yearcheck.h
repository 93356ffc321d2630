#pragma once

#include "finding.h"
#include "report/report.h"

#include <QList>

namespace nianbao {

/// Checks of a report against the same body's report of the year before (warnings, never errors):
/// this year's 上年结转 against last year's 结转下年度 per column, 现行有效 against last year's
/// 现行有效 + 制发 − 废止 (often broken by clean-ups), and a report whose tables are last year's.
class YearCheck
{
public:
    static QList<Finding> compare(const Report &previous, const Report &current);
    /// Same body, consecutive years?
    static bool arePair(const Report &previous, const Report &current);
    /// What arePair compares of a report: the year read, and the reporting body's letters and
    /// digits. A batch compares each report with every other: made once a report, not a pair.
    struct Body
    {
        int year = 0;
        bool hasYear = false;
        QString key;
    };
    static Body bodyOf(const Report &report);
    static bool arePair(const Body &previous, const Body &current)
    {
        return previous.hasYear && current.hasYear && current.year == previous.year + 1 &&
               !current.key.isEmpty() && previous.key == current.key;
    }
};

} // namespace nianbao
