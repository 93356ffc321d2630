#include "storecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString compact(const QJsonValue &v)
{
    const QJsonDocument d = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(d.toJson(QJsonDocument::Compact));
}

QJsonArray numbers(const QList<double> &l)
{
    QJsonArray a;
    for (double d : l)
        a.append(d);
    return a;
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out.append(e.toString());
    return out;
}

} // namespace

QString StoreCodec::cellToText(const Cell &c)
{
    QJsonObject o;
    o.insert("state"_L1, Cell::stateName(c.state));
    if (c.state == Cell::State::Number)
        o.insert("value"_L1, c.value);
    if (!c.text.isEmpty())
        o.insert("text"_L1, c.text);
    if (!c.note.isEmpty())
        o.insert("note"_L1, c.note);
    if (c.start >= 0) {
        o.insert("start"_L1, qint64(c.start));
        o.insert("length"_L1, qint64(c.length));
    }
    if (c.fromRun)
        o.insert("fromRun"_L1, true);
    if (!c.candidates.isEmpty())
        o.insert("candidates"_L1, numbers(c.candidates));
    if (c.doubt != Cell::Doubt::None)
        o.insert("doubt"_L1, Cell::doubtName(c.doubt));
    return compact(o);
}

Cell StoreCodec::cellFromText(const QString &s)
{
    const QJsonObject o = QJsonDocument::fromJson(s.toUtf8()).object();
    Cell c;
    c.state = Cell::stateFromName(o.value("state"_L1).toString());
    c.value = o.value("value"_L1).toDouble();
    c.text = o.value("text"_L1).toString();
    c.note = o.value("note"_L1).toString();
    c.start = o.value("start"_L1).toInteger(-1);
    c.length = o.value("length"_L1).toInteger(0);
    c.fromRun = o.value("fromRun"_L1).toBool();
    for (const QJsonValue &v : o.value("candidates"_L1).toArray())
        c.candidates.append(v.toDouble());
    c.doubt = Cell::doubtFromName(o.value("doubt"_L1).toString());
    if (c.state == Cell::State::Uncertain && c.doubt == Cell::Doubt::None)
        c.doubt = c.candidates.isEmpty() ? Cell::Doubt::TooManySplits : Cell::Doubt::Split; // schema 5
    return c;
}

QString StoreCodec::findingsToText(const QList<Finding> &findings)
{
    QJsonArray a;
    for (const Finding &f : findings) {
        QJsonObject o;
        o.insert("rule"_L1, f.rule);
        o.insert("severity"_L1, f.severityName());
        o.insert("cells"_L1, QJsonArray::fromStringList(f.cells));
        o.insert("scope"_L1, f.scope);
        if (f.hasSides) {
            o.insert("lhs"_L1, f.lhs);
            o.insert("rhs"_L1, f.rhs);
            o.insert("difference"_L1, f.difference);
        }
        if (!f.blankCells.isEmpty())
            o.insert("blankCells"_L1, QJsonArray::fromStringList(f.blankCells));
        o.insert("message"_L1, f.message);
        o.insert("messageEn"_L1, f.messageEn);
        if (!f.hint.isEmpty())
            o.insert("hint"_L1, f.hint);
        if (!f.hintEn.isEmpty())
            o.insert("hintEn"_L1, f.hintEn);
        a.append(o);
    }
    return compact(a);
}

QList<Finding> StoreCodec::findingsFromText(const QString &s)
{
    QList<Finding> out;
    if (s.isEmpty())
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(s.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        Finding f;
        f.rule = o.value("rule"_L1).toString();
        f.severity = o.value("severity"_L1).toString() == "warning"_L1 ? Finding::Severity::Warning
                                                                       : Finding::Severity::Error;
        f.cells = strings(o.value("cells"_L1));
        f.scope = o.value("scope"_L1).toString();
        f.hasSides = o.contains("lhs"_L1);
        f.lhs = o.value("lhs"_L1).toDouble();
        f.rhs = o.value("rhs"_L1).toDouble();
        f.difference = o.value("difference"_L1).toDouble();
        f.blankCells = strings(o.value("blankCells"_L1));
        f.message = o.value("message"_L1).toString();
        f.messageEn = o.value("messageEn"_L1).toString();
        f.hint = o.value("hint"_L1).toString();
        f.hintEn = o.value("hintEn"_L1).toString();
        out.append(f);
    }
    return out;
}

QString StoreCodec::timeToText(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime StoreCodec::timeFromText(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t.toUTC();
}

QString StoreCodec::nowText()
{
    return timeToText(QDateTime::currentDateTimeUtc());
}

} // namespace nianbao
