#pragma once

#include "review/celleditcommand.h"

namespace nianbao {

/// Shifts the values of a row one column left or right (the usual misparse of a row whose
/// empty leading cells were dropped). The vacated cell becomes blank; values keep their spans.
class ShiftRowCommand : public CellEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(ShiftRowCommand)
public:
    ShiftRowCommand(Review *review, const QString &rowId, int direction, QUndoCommand *parent = nullptr);
};

} // namespace nianbao
