#pragma once

#include "report/report.h"
#include "review/disposition.h"
#include "rules/finding.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace nianbao {

/// The extractor's JSON (report-format.md §6).
class ReportJson
{
public:
    static QJsonObject toJson(const Report &report, const QList<Finding> &findings);
    /// The same, each finding with a disposition carrying it as "disposition": {"state",
    /// "reason", "reviewer", "time" (ISO 8601 with the local offset)}.
    static QJsonObject toJson(const Report &report, const QList<Finding> &findings,
                              const QList<Disposition> &dispositions);
    static QJsonObject dispositionJson(const Disposition &d);
    static QJsonValue cellValue(const Cell &cell);
    static QJsonObject findingJson(const Finding &f);
    static QByteArray serialize(const QJsonObject &o, bool pretty = true);
};

} // namespace nianbao
