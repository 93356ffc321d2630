#pragma once

#include <QAbstractListModel>
#include <QList>

namespace nianbao {
class Review;
class ReviewSession;
} // namespace nianbao

namespace nianbao::ui {

/// The reports open in a session, each with its state: errors, warnings, clean, reviewed, sent,
/// or unreadable with the reason. A change of a report's review state shows at once. The session owns the
/// reviews; this model shows them.
class ReportQueueModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum State { Errors, Warnings, Clean, Reviewed, Unreadable, Sent };
    Q_ENUM(State)
    enum Role { PathRole = Qt::UserRole + 1, StateRole, ErrorRole, SummaryRole, SearchRole };

    explicit ReportQueueModel(ReviewSession *session, QObject *parent = nullptr);

    ReviewSession *session() const { return m_session; }
    Review *review(int row) const;
    QString path(int row) const;
    int rowOf(const QString &path) const;
    State state(int row) const;
    QList<Review *> reviews() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    ReviewSession *m_session;
};

} // namespace nianbao::ui
