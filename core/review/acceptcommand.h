#pragma once

#include "review/celleditcommand.h"

namespace nianbao {

/// Takes one proposal of a finding (Suggestions, report-format §8): every cell of it set to the
/// value proposed, as one undo step (action "accept", 采纳建议 in the exports).
class AcceptCommand : public CellEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(AcceptCommand)
public:
    AcceptCommand(Review *review, const QList<Suggestion> &proposal, QUndoCommand *parent = nullptr);
};

} // namespace nianbao
