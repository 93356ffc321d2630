#include "findingsmodel.h"

#include "i18n/language.h"
#include "icons.h"
#include "palette.h"
#include "review/review.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent)
{
    connect(Language::instance(), &Language::changed, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    });
}

void FindingsModel::setReview(Review *review)
{
    if (m_review)
        disconnect(m_review, nullptr, this, nullptr);
    beginResetModel();
    m_review = review;
    endResetModel();
    if (!m_review)
        return;
    connect(m_review, &Review::findingsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(m_review, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_review = nullptr;
        endResetModel();
    });
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_review ? 0 : int(m_review->findings().size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if ((!index.isValid() || !checkIndex(index)) || !m_review)
        return {};
    const Finding &f = m_review->findings().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return f.isError() ? tr("Error") : tr("Warning");
        case RuleColumn:
            return f.rule;
        case MessageColumn:
            return f.text();
        }
        return {};
    case Qt::ToolTipRole:
        return f.text();
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return Icons::dot(f.isError() ? Palette::errorText() : Palette::warningText());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return f.isError() ? Palette::errorText() : Palette::warningText();
        return {};
    case CellsRole:
        return f.cells;
    case IsErrorRole:
        return f.isError();
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Finding");
    }
    return {};
}

} // namespace nianbao::ui
