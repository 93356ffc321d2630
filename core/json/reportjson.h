#pragma once

#include "report/report.h"
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
    static QJsonValue cellValue(const Cell &cell);
    static QJsonObject findingJson(const Finding &f);
    static QByteArray serialize(const QJsonObject &o, bool pretty = true);
};

} // namespace nianbao
