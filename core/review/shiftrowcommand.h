#pragma once

#include "review/celleditcommand.h"

namespace nianbao {

/// Shifts the values of a row one column left or right (the usual misparse of a row whose
/// empty leading cells were dropped). The vacated cell becomes blank; values keep their spans.
/// Only the cells whose value changes are corrections; the value pushed off the end is lost
/// (Review::shiftRowLosses names it for the window to ask).
class ShiftRowCommand : public CellEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(ShiftRowCommand)
public:
    ShiftRowCommand(Review *review, const QString &rowId, int direction, QUndoCommand *parent = nullptr);
};

} // namespace nianbao
