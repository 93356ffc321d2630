#include "shiftrowcommand.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

ShiftRowCommand::ShiftRowCommand(Review *review, const QString &rowId, int direction, QUndoCommand *parent)
    : CellEditCommand(review, u"shift"_s, parent)
{
    const QStringList keys = review->rowCells(rowId);
    const Report &r = review->report();
    const int n = int(keys.size());
    for (int i = 0; i < n; ++i) {
        const int from = i - direction;
        Cell v = Cell::blank();
        if (from >= 0 && from < n) {
            if (const Cell *c = r.cell(keys[from]))
                v = *c;
        }
        if (v.state == Cell::State::Blank) {
            // A blank cell keeps the span of the place it lands in, so the source link stays.
            const Cell *here = r.cell(keys[i]);
            v.start = -1;
            v.length = 0;
            if (here && here->state == Cell::State::Blank) {
                v.start = here->start;
                v.length = here->length;
            }
        }
        if (!r.cell(keys[i]) && v.state == Cell::State::Blank)
            continue; // a cell not found stays so: blank onto nothing is no change
        addChange(keys[i], v, false);
    }
    setText(direction < 0 ? tr("Shift row left") : tr("Shift row right"));
}

} // namespace nianbao
