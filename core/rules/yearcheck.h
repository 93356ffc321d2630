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
};

} // namespace nianbao
