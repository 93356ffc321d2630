#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace nianbao {
class Review;
class ReviewSession;
} // namespace nianbao

namespace nianbao::ui {

/// The reports open in a session, each with its state: errors, warnings, clean, reviewed, sent,
/// or unreadable with the reason, the reporting body and the year. A change of a report's review
/// state shows at once. The session owns the reviews; this model shows them.
class ReportQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum State { Errors, Warnings, Clean, Reviewed, Unreadable, Sent };
    Q_ENUM(State)
    enum Role { PathRole = Qt::UserRole + 1, StateRole, ErrorRole, SummaryRole, SearchRole, SortRole };
    /// The file with its state and counts, the reporting body, the year.
    enum Column { ReportColumn, UnitColumn, YearColumn, ColumnCount };
    /// Still to be reviewed: a report read that is neither reviewed nor sent.
    static bool toReview(State state) { return state == Errors || state == Warnings || state == Clean; }

    explicit ReportQueueModel(ReviewSession *session, QObject *parent = nullptr);

    ReviewSession *session() const { return m_session; }
    Review *review(int row) const;
    QString path(int row) const;
    int rowOf(const QString &path) const;
    State state(int row) const;
    QList<Review *> reviews() const;

    QModelIndex index(int row, int column = ReportColumn, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    ReviewSession *m_session;
};

} // namespace nianbao::ui
