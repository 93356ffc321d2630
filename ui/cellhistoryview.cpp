#include "cellhistoryview.h"

#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewsession.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

CellHistoryView::CellHistoryView(QWidget *parent) : QListWidget(parent)
{
    setWordWrap(true);
}

static QString valueText(const Cell &c)
{
    return c.state == Cell::State::Blank ? CellHistoryView::tr("(blank)") : c.displayText();
}

static QString line(const Correction &c)
{
    QString text = c.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) + u" · "_s + c.reviewer + u" · "_s +
                   valueText(c.before) + u" → "_s + valueText(c.after);
    if (!c.note.isEmpty())
        text += u" · "_s + c.note;
    return text;
}

QString CellHistoryView::showCell(const Review *review, const QString &key, const ReviewSession *session)
{
    clear();
    if (!review || key.isEmpty() || !review->report().tmpl)
        return {};
    for (const CellHistoryEntry &e : session->cellHistory(review, key)) {
        auto *item = new QListWidgetItem(line(e.correction), this);
        if (e.undone) {
            QFont f = item->font();
            f.setStrikeOut(true);
            item->setFont(f);
            item->setToolTip(
                tr("Undone by %1 at %2").arg(e.undoneBy, e.undoneAt.toLocalTime().toString(u"HH:mm"_s)));
        }
    }
    if (count() == 0) {
        const Cell *c = review->reviewed().extracted.cell(key);
        addItem(tr("As extracted: %1").arg(c ? valueText(*c) : tr("(not found)")));
    }
    return RuleEngine::cellName(*review->report().tmpl, key);
}

} // namespace nianbao::ui
