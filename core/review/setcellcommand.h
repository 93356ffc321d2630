#pragma once

#include "review/celleditcommand.h"

namespace nianbao {

/// Types a value into cells, or clears them to blank (action "edit" or "clear").
class SetCellCommand : public CellEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetCellCommand)
public:
    SetCellCommand(Review *review, const QString &key, const Cell &value, QUndoCommand *parent = nullptr);
    /// Clears every cell of keys to blank.
    SetCellCommand(Review *review, const QStringList &clearKeys, QUndoCommand *parent = nullptr);
};

} // namespace nianbao
