#include "reportqueuemodel.h"

#include "icons.h"
#include "palette.h"
#include "review/review.h"
#include "session/reviewpolicy.h"
#include "session/reviewsession.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

ReportQueueModel::ReportQueueModel(ReviewSession *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session)
{
    connect(session, &ReviewSession::reportAboutToBeAdded, this,
            [this](int row) { beginInsertRows({}, row, row); });
    connect(session, &ReviewSession::reportAdded, this, [this] { endInsertRows(); });
    connect(session, &ReviewSession::reportAboutToBeRemoved, this,
            [this](int row) { beginRemoveRows({}, row, row); });
    connect(session, &ReviewSession::reportRemoved, this, [this] { endRemoveRows(); });
    connect(session, &ReviewSession::reportsAboutToBeCleared, this, [this] { beginResetModel(); });
    connect(session, &ReviewSession::reportsCleared, this, [this] { endResetModel(); });
    connect(session, &ReviewSession::reportChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

QModelIndex ReportQueueModel::index(int row, int column, const QModelIndex &parent) const
{
    return QAbstractTableModel::index(row, column, parent);
}

Review *ReportQueueModel::review(int row) const
{
    return m_session->review(row);
}

QString ReportQueueModel::path(int row) const
{
    return m_session->path(row);
}

int ReportQueueModel::rowOf(const QString &path) const
{
    return m_session->indexOf(path);
}

QList<Review *> ReportQueueModel::reviews() const
{
    return m_session->reviews();
}

ReportQueueModel::State ReportQueueModel::state(int row) const
{
    const Review *r = review(row);
    if (!r)
        return Unreadable;
    if (r->status() == ReviewStatus::Sent)
        return Sent;
    if (ReviewPolicy::isFinished(r->status()))
        return Reviewed;
    if (r->errorCount() > 0)
        return Errors;
    if (r->warningCount() > 0)
        return Warnings;
    return Clean;
}

int ReportQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_session->count();
}

int ReportQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReportColumn:
        return tr("Report");
    case UnitColumn:
        return tr("Body");
    case YearColumn:
        return tr("Year");
    default:
        return {};
    }
}

QVariant ReportQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Review *review = m_session->review(row);
    const QString path = m_session->path(row);
    const State s = state(row);
    const QString unit = review ? review->report().unit : QString();
    const QString year = review ? review->report().year : QString();
    auto summary = [&]() -> QString {
        if (!review)
            return m_session->error(row);
        const int errors = review->errorCount(), warnings = review->warningCount();
        QString text;
        if (errors == 0 && warnings == 0)
            text = tr("clean");
        else if (warnings == 0)
            text = tr("%n error(s)", nullptr, errors);
        else if (errors == 0)
            text = tr("%n warning(s)", nullptr, warnings);
        else
            text = tr("%n error(s)", nullptr, errors) + u", "_s + tr("%n warning(s)", nullptr, warnings);
        if (review->status() != ReviewStatus::New)
            text = ReviewPolicy::statusText(review->status()) + u" · "_s + text;
        const int n = int(review->corrections().size());
        if (n > 0)
            text += u" · "_s + tr("%n correction(s)", nullptr, n);
        return text;
    };
    if (index.column() == UnitColumn || index.column() == YearColumn) {
        const QString &text = index.column() == UnitColumn ? unit : year;
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return text;
        case SortRole:
            return index.column() == YearColumn ? QVariant(year.toInt()) : QVariant(unit);
        case Qt::ForegroundRole:
            return s == Unreadable ? QVariant(Palette::unreadable()) : QVariant();
        case PathRole:
            return path;
        case StateRole:
            return int(s);
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return QString(QFileInfo(path).fileName() + u'\n' + summary());
    case SortRole:
        return QFileInfo(path).fileName();
    case Qt::ToolTipRole:
        return QString(QFileInfo(path).absoluteFilePath() + u'\n' + summary());
    case Qt::DecorationRole:
        switch (s) {
        case Errors:
            return Icons::dot(Palette::errorText());
        case Warnings:
            return Icons::dot(Palette::warningMark());
        case Clean:
            return Icons::dot(Palette::clean());
        case Reviewed:
        case Sent:
            return Icons::check(Palette::reviewed());
        case Unreadable:
            return Icons::cross(Palette::unreadable());
        }
        return {};
    case Qt::ForegroundRole:
        return s == Unreadable ? QVariant(Palette::unreadable()) : QVariant();
    case PathRole:
        return path;
    case StateRole:
        return int(s);
    case ErrorRole:
        return m_session->error(row);
    case SummaryRole:
        return summary();
    case SearchRole:
        // What a search matches: the file, the reporting body and the year.
        return QString(QFileInfo(path).fileName() + u' ' + path + u' ' + unit + u' ' + year);
    default:
        return {};
    }
}

} // namespace nianbao::ui
