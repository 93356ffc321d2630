#include "localtime.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

/// t in local time, carrying the local offset (not Qt::LocalTime, whose ISO text has none).
QDateTime localWithOffset(const QDateTime &t)
{
    return t.toOffsetFromUtc(t.toLocalTime().offsetFromUtc());
}

} // namespace

QString localTimeText(const QDateTime &t, const QString &format)
{
    if (!t.isValid())
        return {};
    const QDateTime l = localWithOffset(t);
    const int seconds = l.offsetFromUtc();
    const int m = qAbs(seconds) / 60;
    return l.toString(format) + u" (UTC"_s + (seconds < 0 ? u'-' : u'+') +
           u"%1:%2)"_s.arg(m / 60, 2, 10, QChar(u'0')).arg(m % 60, 2, 10, QChar(u'0'));
}

QString localIsoTime(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return localWithOffset(t).toString(Qt::ISODate);
}

} // namespace nianbao
