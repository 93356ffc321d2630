#pragma once

#include "review/celleditcommand.h"

namespace nianbao {

/// Puts a cell back to the value it had before one correction (action "revert"): a new change of
/// the audit trail, undoable like any edit. The correction itself stays in the trail as it was.
class RevertCommand : public CellEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(RevertCommand)
public:
    RevertCommand(Review *review, const Correction &correction, QUndoCommand *parent = nullptr);
};

} // namespace nianbao
