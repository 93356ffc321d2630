#pragma once

#include "report/documentfacts.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/// One change of a cell that, with the others of its proposal, makes every identity hold.
struct Suggestion
{
    QString cell;     // the cell's key
    double value = 0; // what it should hold
    int proposal = 1; // 1 = the best; the cells of a two-cell proposal share it
    QString why;      // Chinese: "总计印成了 0：各项之和为 11"
    QString whyEn;
};

struct Finding
{
    enum class Severity { Error, Warning };
    /// Whom the finding is about: the published report breaks a rule, or the reader could not
    /// confirm a value it read (digits that ran together, a cell it did not find).
    enum class About { Report, Reading };

    QString rule; // T3.BALANCE, T3.RESULTS, T3.ROWTOTAL, T4.TOTAL, VALUE.*, CELL.* … (RuleCatalogue)
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
    TextSpan evidence; // the sentence or heading of the source the finding is about
    About about = About::Report;
    /// The smallest changes that make every identity hold, best first (error findings).
    QList<Suggestion> suggestions;
    /// An error no small change explains: why nothing is proposed.
    QString noSuggestion;
    QString noSuggestionEn;

    bool isError() const { return severity == Severity::Error; }
    QString severityName() const { return isError() ? QStringLiteral("error") : QStringLiteral("warning"); }
    QString aboutName() const
    {
        return about == About::Reading ? QStringLiteral("reading") : QStringLiteral("report");
    }
    /// The message with its hint, in the language in use (nianbao::Language).
    QString text() const;
};

} // namespace nianbao
