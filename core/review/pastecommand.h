#pragma once

#include "review/celleditcommand.h"

namespace nianbao {

/// Pastes a block of cells (from a spreadsheet's tab/newline text or from the source).
class PasteCommand : public CellEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(PasteCommand)
public:
    PasteCommand(Review *review, const CellTable &cells, QUndoCommand *parent = nullptr);
};

} // namespace nianbao
