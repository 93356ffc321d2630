#pragma once

#include "report/report.h"
#include "review/correction.h" // Finding, as the review holds it

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace nianbao {

/// How the store writes cells, findings and times into text columns (compact JSON, ISO 8601 UTC),
/// the same for SQLite and PostgreSQL.
class StoreCodec
{
public:
    static QString cellToText(const Cell &c);
    static Cell cellFromText(const QString &s);
    static QString findingsToText(const QList<Finding> &findings);
    static QList<Finding> findingsFromText(const QString &s);
    static QString timeToText(const QDateTime &t);
    static QDateTime timeFromText(const QString &s);
    /// The time now, as timeToText writes it.
    static QString nowText();
};

} // namespace nianbao
