#include "pastecommand.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

PasteCommand::PasteCommand(Review *review, const CellTable &cells, QUndoCommand *parent)
    : CellEditCommand(review, u"paste"_s, parent)
{
    // In form order, so the audit trail reads like the table.
    for (const QString &k : review->report().cellKeys()) {
        auto it = cells.constFind(k);
        if (it != cells.constEnd())
            addChange(k, it.value(), true);
    }
    setText(tr("Paste %n cell(s)", nullptr, int(m_changes.size())));
}

} // namespace nianbao
