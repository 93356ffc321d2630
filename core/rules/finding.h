#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

struct Finding
{
    enum class Severity { Error, Warning };

    QString rule; // T3.BALANCE, T3.RESULTS, T3.ROWTOTAL, T4.TOTAL, VALUE.*, CELL.*
    Severity severity = Severity::Error;
    QStringList cells; // every cell of the identity (or the one cell)
    QString scope;     // the row or column the identity was applied to
    bool hasSides = false;
    double lhs = 0;         // the side named first in the template (a total)
    double rhs = 0;         // the sum it must equal
    double difference = 0;  // lhs − rhs
    QStringList blankCells; // cells counted as 0 because they are blank or not numbers
    // Both texts are data: the JSON prints both (message, message_en); text() shows one.
    QString message; // Chinese
    QString messageEn;
    QString hint; // e.g. one application booked in the wrong column
    QString hintEn;

    bool isError() const { return severity == Severity::Error; }
    QString severityName() const { return isError() ? QStringLiteral("error") : QStringLiteral("warning"); }
    /// The message with its hint, in the language in use (nianbao::Language).
    QString text() const;
};

} // namespace nianbao
