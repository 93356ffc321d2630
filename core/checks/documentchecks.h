#pragma once

#include "report/report.h"
#include "rules/finding.h"

#include <QList>

namespace nianbao {

/// The kind of body a report is from, as its name says: the deadline of 条例 第四十九条 depends on it.
enum class BodyKind {
    Unknown,
    Department, // …局, …委, …办, …中心: 1月31日
    Government, // …人民政府, …管委会, a region's name: 3月31日
    Township,   // a township or street office: its county's rule, 1月31日 by default
};

/// The checks a supervisor makes of the report as a document (warnings): its six parts there and
/// in order (STRUCTURE.SECTION_MISSING, STRUCTURE.SECTION_ORDER), the statistics period
/// (STRUCTURE.PERIOD), the date against the legal deadline (DATE.LATE), the official form
/// unaltered (TEMPLATE.ROW_MISSING, TEMPLATE.ROW_ADDED, TEMPLATE.LABEL_CHANGED) and the fee in
/// part 六 (FEE.SECTION). They use what DocumentReader read of the text; a report whose text was
/// not read gets none.
class DocumentChecks
{
public:
    static QList<Finding> check(const Report &report);
    static BodyKind bodyKind(const QString &name);
};

} // namespace nianbao
