#include "setcellcommand.h"

#include "rules/ruleengine.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

SetCellCommand::SetCellCommand(Review *review, const QString &key, const Cell &value, QUndoCommand *parent)
    : CellEditCommand(review, value.state == Cell::State::Blank ? u"clear"_s : u"edit"_s, parent)
{
    Cell v = value;
    v.fromRun = false;
    addChange(key, v, true);
    const QString name = review->report().tmpl ? RuleEngine::cellName(*review->report().tmpl, key) : key;
    if (value.state == Cell::State::Blank)
        setText(tr("Clear %1").arg(name));
    else
        setText(tr("Set %1 to %2").arg(name, value.displayText()));
}

SetCellCommand::SetCellCommand(Review *review, const QStringList &clearKeys, QUndoCommand *parent)
    : CellEditCommand(review, u"clear"_s, parent)
{
    for (const QString &k : clearKeys)
        addChange(k, Cell::blank(), true);
    setText(tr("Clear %n cell(s)", nullptr, int(m_changes.size())));
}

} // namespace nianbao
