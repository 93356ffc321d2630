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
    /// Short label of a cell for messages: "（一）予以公开·自然人".
    static QString cellName(const Template &t, const QString &key, bool english);
    static QString formatNumber(double v);
};

} // namespace nianbao
