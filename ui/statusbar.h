#pragma once

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QToolButton;

namespace nianbao {
class Review;
struct StoreState;
} // namespace nianbao

namespace nianbao::ui {

/// The window's status bar: the current report's counts and its totals of table 3, the files
/// being read, and where the reviews are kept when the server cannot be reached or changes wait.
class StatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit StatusBar(QWidget *parent = nullptr);

    /// The counts and totals of a report; nothing for none.
    void showReview(const Review *review);
    void showStore(const StoreState &store);
    /// Reading done of total files; shown while more than one is read.
    void showProgress(int done, int total);
    void hideProgress();
    /// A scanned page being recognised: page of total of the file at path; with a way to stop.
    void showPageProgress(const QString &path, int page, int total);
    void retranslateUi();

Q_SIGNALS:
    /// The reviewer asked to stop reading.
    void cancelRequested();

private:
    QLabel *m_counts;
    QLabel *m_totals;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QLabel *m_store;
};

} // namespace nianbao::ui
