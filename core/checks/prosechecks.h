#pragma once

#include "documentreader.h"
#include "rules/finding.h"

namespace nianbao {

/// A number the prose may state about the tables: what it counts and which cells it is. The prose
/// agrees when it equals the sum of one of the options (the prose may speak of 行政诉讼 as both
/// kinds together or of one of them).
struct ProseSubject
{
    QString id;
    QString label; // 行政复议案件总数
    QString labelEn;
    QList<QStringList> sums; // cell keys; "t3.denied_*.total" stands for every row of that prefix
};

/// The numbers of the prose beyond the template's own (ProseCheckDef): the totals of 行政复议 and
/// 行政诉讼 and their counts per result ("其中结果维持72件，结果纠正64件"), and the applications per result
/// category of table 3 with their shares ("予以公开1362件，占43.6%").
class ProseChecks
{
public:
    static const QList<ProseSubject> &subjects();
    static QList<StatedNumber> read(const TextView &view, const QList<TableRegion> &regions);
    /// PROSE.MISMATCH warnings: a number stated that no reading of the tables gives.
    static QList<Finding> check(const Report &report);
};

} // namespace nianbao
