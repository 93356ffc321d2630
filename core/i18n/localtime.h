#pragma once

#include <QDateTime>
#include <QString>

namespace nianbao {

/// A stored time (UTC) as the reviewer's clock reads it, with its offset from UTC, so that it
/// reads the same on a computer elsewhere: "2026-02-01 04:30:00 (UTC+08:00)" with the default
/// format. Empty for an invalid time.
QString localTimeText(const QDateTime &t, const QString &format = QStringLiteral("yyyy-MM-dd HH:mm:ss"));
/// The same in ISO 8601: "2026-02-01T04:30:00+08:00".
QString localIsoTime(const QDateTime &t);

} // namespace nianbao
