#pragma once

#include "review/review.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace nianbao::ui {

class FormView;
class ReportTableModel;

/// The report's title above its three tables, each as the official form, one tab each with its
/// findings counted; and the edits of the cells selected (clear, copy, paste, shift, move).
class TablesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TablesPanel(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QList<FormView *> views() const { return m_views; }
    FormView *tableView(const QString &tableKey) const;
    FormView *currentView() const;
    QString currentKey() const;

    void setReview(Review *review);
    /// The tab of the first table with an error, else the one shown.
    void showFirstTableWithError();
    void updateTabs();
    /// The report's name and facts; the file's name for one that could not be read.
    void showTitle(const Review *review, const QString &path);
    /// Selects cells in their table and shows it.
    void showCells(const QStringList &keys);
    /// Selects a cell as the source's cursor names it: no cellChanged() for it.
    void showCellOfSource(const QString &key);
    void showTable(int index);

    /// The tables' zoom (1 = the window's font), the same for the three; setting it ends
    /// fit-to-width.
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    /// Steps of 10 % in (> 0) or out (< 0).
    void zoomBy(int steps);
    /// Each table as wide as the room it has: zoomed out (or in) to show every column.
    bool fitsWidth() const { return m_fitWidth; }
    void setFitWidth(bool fit);

public Q_SLOTS:
    void clearSelectedCells();
    void copySelectedCells();
    void pasteCells();
    /// Puts numbers (selected in the source) into the cells from the current one on.
    void pasteFromSource(const QString &text);
    void shiftRowLeft();
    void shiftRowRight();
    void moveRow();

Q_SIGNALS:
    /// The reviewer moved to a cell, or changed the cells selected.
    void cellChanged(const QString &key, const QStringList &selected);
    void currentChanged();
    /// One line for the status bar.
    void message(const QString &text, int timeout);
    /// The zoom or fit-to-width changed (by the reviewer: the wheel, a menu).
    void zoomChanged();

private:
    void shiftRow(int direction);
    /// Asks before a row tool loses values, naming each cell and value; true when nothing is lost.
    bool confirmLoss(const QString &title, const QString &what, const QList<Review::LostValue> &lost);
    void fitToWidth(FormView *view);

    QPointer<Review> m_review;
    QList<ReportTableModel *> m_models;
    QList<FormView *> m_views;
    QLabel *m_title;
    QTabWidget *m_tabs;
    bool m_syncing = false;
    qreal m_zoom = 1.0;
    bool m_fitWidth = false;
};

} // namespace nianbao::ui
