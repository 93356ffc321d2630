#pragma once

#include "template/template.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/// One identity of the template applied to one row or one column: lhs cells sum to rhs cells.
struct IdentityInstance
{
    const IdentityDef *def = nullptr;
    const TableDef *table = nullptr;
    QString scope; // row key (per row) or column key (per column)
    QString scopeLabel;
    QString scopeLabelEn;
    QStringList lhs; // cell keys
    QStringList rhs;
    QStringList both; // lhs then rhs, made once by expandIdentities
    /// Where each cell of both is in Template::cellKeys of the variant (−1 when it is not there),
    /// made once by expandIdentities: a report's cells looked up once serve every identity.
    QList<int> places;
    /// The number (CellIds) of each cell of both, −1 for a key the program's templates do not have.
    QList<int> ids;

    /// The cells of both sides: made once, not at each of the many times the checks ask.
    QStringList cells() const { return both.size() == lhs.size() + rhs.size() ? both : lhs + rhs; }
};

/// The identities of a template's variant, one per row or column they apply to (computed once per
/// variant of the form's own templates).
QList<IdentityInstance> expandIdentities(const Template &t, QStringView variant);

} // namespace nianbao
