#pragma once

#include "rules/finding.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace nianbao {

/// The reviewer's word on a finding (report-format §8): confirmed (the report itself is wrong; it
/// goes into the letter to the body) or dismissed (explained, with a reason). Kept with who and
/// when; a finding is known by findingKey(), which does not change when a correction changes the
/// numbers of its message.
struct Disposition
{
    enum class Kind { Confirmed, Dismissed };

    QString finding; // findingKey() of the finding
    QString rule;    // its rule id, for a reader of the store or an export
    Kind kind = Kind::Confirmed;
    QString reason; // why it was dismissed (may be empty for a confirmation)
    QString reviewer;
    QDateTime time; // UTC

    QString kindName() const
    {
        return kind == Kind::Dismissed ? QStringLiteral("dismissed") : QStringLiteral("confirmed");
    }
    static Kind kindFromName(QStringView name, bool *ok = nullptr);
};

/// How a finding is known across re-checks and restarts: its rule, scope, cells and, for a finding
/// without cells, where its evidence starts.
QString findingKey(const Finding &f);

/// The disposition of f among these, or nullptr.
const Disposition *dispositionOf(const QList<Disposition> &dispositions, const Finding &f);

} // namespace nianbao
