#include "reportqueuemodel.h"

#include "icons.h"
#include "palette.h"
#include "review/review.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

ReportQueueModel::ReportQueueModel(QObject *parent) : QAbstractListModel(parent) {}

ReportQueueModel::~ReportQueueModel() = default;

int ReportQueueModel::add(const ReadResult &result)
{
    Entry e;
    e.path = result.path;
    if (result.ok) {
        e.review = new Review(result.report, result.findings, this);
        watch(e.review);
    } else {
        e.error = result.error;
    }
    const int existing = rowOf(result.path);
    if (existing >= 0) {
        delete m_entries[existing].review;
        m_entries[existing] = e;
        Q_EMIT dataChanged(index(existing), index(existing));
        return existing;
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(e);
    endInsertRows();
    return row;
}

void ReportQueueModel::watch(Review *review)
{
    auto update = [this, review] {
        for (int i = 0; i < m_entries.size(); ++i)
            if (m_entries[i].review == review)
                Q_EMIT dataChanged(index(i), index(i));
    };
    connect(review, &Review::findingsChanged, this, update);
    connect(review, &Review::statusChanged, this, update);
}

void ReportQueueModel::remove(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    Entry e = m_entries.takeAt(row);
    endRemoveRows();
    delete e.review;
}

void ReportQueueModel::clear()
{
    beginResetModel();
    const QList<Entry> entries = std::exchange(m_entries, {});
    endResetModel();
    for (const Entry &e : entries)
        delete e.review;
}

Review *ReportQueueModel::review(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries[row].review : nullptr;
}

QString ReportQueueModel::path(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries[row].path : QString();
}

int ReportQueueModel::rowOf(const QString &path) const
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_entries.size(); ++i)
        if (QFileInfo(m_entries[i].path).absoluteFilePath() == abs)
            return i;
    return -1;
}

QList<Review *> ReportQueueModel::reviews() const
{
    QList<Review *> out;
    for (const Entry &e : m_entries)
        if (e.review)
            out.append(e.review);
    return out;
}

ReportQueueModel::State ReportQueueModel::state(int row) const
{
    const Review *r = review(row);
    if (!r)
        return Unreadable;
    if (r->status() == ReviewStatus::Reviewed || r->status() == ReviewStatus::Sent)
        return Reviewed;
    if (r->errorCount() > 0)
        return Errors;
    if (r->warningCount() > 0)
        return Warnings;
    return Clean;
}

int ReportQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ReportQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[index.row()];
    const State s = state(index.row());
    auto summary = [&]() -> QString {
        if (!e.review)
            return e.error;
        const int errors = e.review->errorCount(), warnings = e.review->warningCount();
        QString text;
        if (errors == 0 && warnings == 0)
            text = tr("clean");
        else if (warnings == 0)
            text = tr("%n error(s)", nullptr, errors);
        else if (errors == 0)
            text = tr("%n warning(s)", nullptr, warnings);
        else
            text = tr("%n error(s)", nullptr, errors) + u", "_s + tr("%n warning(s)", nullptr, warnings);
        if (s == Reviewed)
            text = tr("reviewed") + u" · "_s + text;
        const int n = int(e.review->corrections().size());
        if (n > 0)
            text += u" · "_s + tr("%n correction(s)", nullptr, n);
        return text;
    };
    switch (role) {
    case Qt::DisplayRole:
        return QString(QFileInfo(e.path).fileName() + u'\n' + summary());
    case Qt::ToolTipRole:
        return QString(QFileInfo(e.path).absoluteFilePath() + u'\n' + summary());
    case Qt::DecorationRole:
        switch (s) {
        case Errors:
            return Icons::dot(Palette::errorText());
        case Warnings:
            return Icons::dot(QColor(0xe0, 0x9b, 0x00));
        case Clean:
            return Icons::dot(Palette::clean());
        case Reviewed:
            return Icons::check(Palette::reviewed());
        case Unreadable:
            return Icons::cross(Palette::unreadable());
        }
        return {};
    case Qt::ForegroundRole:
        return s == Unreadable ? QVariant(Palette::unreadable()) : QVariant();
    case PathRole:
        return e.path;
    case StateRole:
        return int(s);
    case ErrorRole:
        return e.error;
    case SummaryRole:
        return summary();
    case SearchRole:
        // What a search matches: the file, the reporting body and the year.
        return QString(
            QFileInfo(e.path).fileName() + u' ' + e.path +
            (e.review ? u' ' + e.review->report().unit + u' ' + e.review->report().year : QString()));
    default:
        return {};
    }
}

} // namespace nianbao::ui
