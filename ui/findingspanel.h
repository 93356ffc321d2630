#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTreeView;

namespace nianbao {
class Review;
}

namespace nianbao::ui {

class FindingsModel;

/// The findings of the current report: a summary line, the list, and the finding chosen in
/// full. The finding chosen stays chosen when the list is checked again after an edit; when it is
/// gone (corrected), F8 goes on with the one that took its place.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    void setReview(Review *review);
    /// The summary line: the counts, or why there are none (unreadable: the file is not a report).
    void showSummary(const Review *review, bool unreadable);
    void retranslateUi();

public Q_SLOTS:
    /// Chooses a finding: cellsChosen() with its cells, a blank one it names first.
    void selectFinding(int row);
    void nextFinding();
    void previousFinding();

Q_SIGNALS:
    void cellsChosen(const QStringList &keys);
    /// The findings were checked again.
    void findingsReset();

private:
    void keepChosen();
    void updateDetail();

    FindingsModel *m_model;
    QPointer<Review> m_review;
    QLabel *m_summary;
    QTreeView *m_view;
    QLabel *m_detail;
    int m_last = -1;
    QString m_lastId;
};

} // namespace nianbao::ui
