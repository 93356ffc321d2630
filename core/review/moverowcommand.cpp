#include "moverowcommand.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

MoveRowCommand::MoveRowCommand(Review *review, const QString &fromRowId, const QString &toRowId,
                               QUndoCommand *parent)
    : CellEditCommand(review, u"move"_s, parent)
{
    const QStringList from = review->rowCells(fromRowId);
    const QStringList to = review->rowCells(toRowId);
    if (from.isEmpty() || to.isEmpty() || fromRowId == toRowId)
        return;
    const Report &r = review->report();
    // Columns are matched by their key: t3.granted.total → t3.denied_inquiry.total.
    QHash<QString, QString> target;
    for (const QString &k : to)
        target.insert(k.mid(k.lastIndexOf(u'.') + 1), k);
    for (const QString &k : from) {
        const QString col = k.mid(k.lastIndexOf(u'.') + 1);
        const QString dest = target.value(col);
        if (dest.isEmpty())
            continue;
        Cell v = r.cells.value(k, Cell::blank());
        if (r.cell(dest) || v.state != Cell::State::Blank)
            addChange(dest, v, false);
        if (r.cell(k))
            addChange(k, Cell::blank(), true);
    }
    setText(tr("Move row values"));
}

} // namespace nianbao
