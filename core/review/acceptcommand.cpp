#include "acceptcommand.h"

#include "rules/ruleengine.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

AcceptCommand::AcceptCommand(Review *review, const QList<Suggestion> &proposal, QUndoCommand *parent)
    : CellEditCommand(review, u"accept"_s, parent)
{
    QStringList names;
    for (const Suggestion &s : proposal) {
        const Cell value = Cell::number(s.value);
        addChange(s.cell, Cell::number(s.value, value.displayText()), true);
        names.append(review->report().tmpl ? RuleEngine::cellName(*review->report().tmpl, s.cell) : s.cell);
    }
    setText(tr("Accept the proposal for %1").arg(names.join(u", "_s)));
}

} // namespace nianbao
