#include "revertcommand.h"

#include "rules/ruleengine.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

RevertCommand::RevertCommand(Review *review, const Correction &correction, QUndoCommand *parent)
    : CellEditCommand(review, u"revert"_s, parent)
{
    // The value as it was, with its place in the source (and its candidates, when undecided).
    addChange(correction.key, correction.before, false);
    const QString name =
        review->report().tmpl ? RuleEngine::cellName(*review->report().tmpl, correction.key) : correction.key;
    setText(tr("Revert %1 to %2")
                .arg(name, correction.before.state == Cell::State::Blank ? tr("blank")
                                                                         : correction.before.displayText()));
}

} // namespace nianbao
