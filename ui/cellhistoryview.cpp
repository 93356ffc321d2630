#include "cellhistoryview.h"

#include "correctionsmodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewsession.h"

#include <QPalette>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

CellHistoryView::CellHistoryView(QWidget *parent) : QListWidget(parent)
{
    setWordWrap(true);
}

static QString line(const Correction &c)
{
    QString text = c.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) + u" · "_s + c.reviewer + u" · "_s +
                   CorrectionsModel::valueText(c.before) + u" → "_s + CorrectionsModel::valueText(c.after);
    if (c.action != "edit"_L1 && c.action != "clear"_L1)
        text = CorrectionsModel::tr("%1 (%2)", "a change and its kind")
                   .arg(text, CorrectionsModel::actionText(c.action));
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
            // Struck through, and said: who undid it, when.
            item->setText(item->text() + u'\n' + CorrectionsModel::undoneText(e));
            QFont f = item->font();
            f.setStrikeOut(true);
            item->setFont(f);
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            item->setData(Qt::UserRole, true);
        }
        item->setToolTip(item->text());
    }
    if (count() == 0) {
        const Cell *c = review->reviewed().extracted.cell(key);
        addItem(tr("As extracted: %1").arg(c ? CorrectionsModel::valueText(*c) : tr("(not found)")));
    }
    return RuleEngine::cellName(*review->report().tmpl, key);
}

} // namespace nianbao::ui
