#pragma once

#include "review/celleditcommand.h"

namespace nianbao {

/// Moves a row's values to another row of the same table (a row read under the wrong label).
/// The first row is left blank; the values keep their spans. Only the cells whose value changes
/// are corrections; the target's values are overwritten (Review::moveRowLosses names them).
class MoveRowCommand : public CellEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveRowCommand)
public:
    MoveRowCommand(Review *review, const QString &fromRowId, const QString &toRowId,
                   QUndoCommand *parent = nullptr);
};

} // namespace nianbao
