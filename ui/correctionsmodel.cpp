#include "correctionsmodel.h"

#include "i18n/language.h"
#include "review/review.h"
#include "rules/ruleengine.h"

#include <QFont>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

CorrectionsModel::CorrectionsModel(QObject *parent) : QAbstractTableModel(parent)
{
    connect(Language::instance(), &Language::changed, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    });
}

void CorrectionsModel::setTrail(const Review *review, const QList<CellHistoryEntry> &trail)
{
    beginResetModel();
    m_review = review;
    m_trail = review ? trail : QList<CellHistoryEntry>();
    endResetModel();
}

int CorrectionsModel::laterChanges(int row) const
{
    if (row < 0 || row >= m_trail.size())
        return 0;
    int n = 0;
    for (qsizetype i = row + 1; i < m_trail.size(); ++i)
        if (m_trail[i].correction.key == m_trail[row].correction.key && !m_trail[i].undone)
            ++n;
    return n;
}

int CorrectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trail.size());
}

int CorrectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CorrectionsModel::valueText(const Cell &c)
{
    return c.state == Cell::State::Blank ? tr("(blank)") : c.displayText();
}

QString CorrectionsModel::actionText(const QString &action)
{
    if (action == "edit"_L1)
        return tr("edit");
    if (action == "clear"_L1)
        return tr("clear");
    if (action == "shift"_L1)
        return tr("row shift");
    if (action == "move"_L1)
        return tr("row move");
    if (action == "paste"_L1)
        return tr("paste");
    if (action == "revert"_L1)
        return tr("revert");
    if (action == "accept"_L1)
        return tr("suggestion accepted");
    return action;
}

QString CorrectionsModel::undoneText(const CellHistoryEntry &e)
{
    const QString at = e.undoneAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    return e.undoneBy.isEmpty() ? tr("Undone at %1").arg(at) : tr("Undone by %1 at %2").arg(e.undoneBy, at);
}

QString CorrectionsModel::cellName(const QString &key) const
{
    return m_review && m_review->report().tmpl ? RuleEngine::cellName(*m_review->report().tmpl, key) : key;
}

QVariant CorrectionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    const CellHistoryEntry &e = m_trail.at(index.row());
    const Correction &c = e.correction;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return c.time.toLocalTime().toString(u"MM-dd HH:mm"_s);
        case CellColumn:
            return cellName(c.key);
        case ChangeColumn: {
            QString text = valueText(c.before) + u" → "_s + valueText(c.after);
            if (c.action != "edit"_L1 && c.action != "clear"_L1)
                text = tr("%1 (%2)", "a change and its kind").arg(text, actionText(c.action));
            if (e.undone)
                text += u" · "_s + tr("undone");
            return text;
        }
        case ReviewerColumn:
            return c.reviewer;
        case NoteColumn:
            return c.note;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines = {cellName(c.key),
                             c.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" · "_s + c.reviewer +
                                 u" · "_s + actionText(c.action),
                             valueText(c.before) + u" → "_s + valueText(c.after) + u" · "_s +
                                 tr("as extracted: %1").arg(valueText(c.extracted))};
        if (!c.note.isEmpty())
            lines.append(c.note);
        if (e.undone)
            lines.append(undoneText(e));
        return lines.join(u'\n');
    }
    case Qt::FontRole:
        if (e.undone) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (e.undone)
            return QPalette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case KeyRole:
        return c.key;
    case UndoneRole:
        return e.undone;
    default:
        return {};
    }
}

QVariant CorrectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case CellColumn:
        return tr("Cell");
    case ChangeColumn:
        return tr("Before → after");
    case ReviewerColumn:
        return tr("Reviewer");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

} // namespace nianbao::ui
