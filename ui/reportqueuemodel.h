#pragma once

#include "pipeline/reportreader.h"

#include <QAbstractListModel>
#include <QList>

namespace nianbao {
class Review;
}

namespace nianbao::ui {

/// The reports open in the window, each with its state: errors, warnings, clean, reviewed, or
/// unreadable with the reason. Owns the Reviews.
class ReportQueueModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum State { Errors, Warnings, Clean, Reviewed, Unreadable };
    Q_ENUM(State)
    enum Role { PathRole = Qt::UserRole + 1, StateRole, ErrorRole, SummaryRole, SearchRole };

    explicit ReportQueueModel(QObject *parent = nullptr);
    ~ReportQueueModel() override;

    /// Adds a report as read; returns its row. A path already open is replaced.
    int add(const ReadResult &result);
    void remove(int row);
    /// Removes every report; their reviews are deleted now.
    void clear();
    Review *review(int row) const;
    QString path(int row) const;
    int rowOf(const QString &path) const;
    State state(int row) const;
    QList<Review *> reviews() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QString path;
        QString error;
        Review *review = nullptr;
    };
    void watch(Review *review);
    QList<Entry> m_entries;
};

} // namespace nianbao::ui
