#pragma once

#include <QTableView>

namespace nianbao::ui {

class ReportTableModel;

/// A table of the report shown as the official form: merged cells, wrapped labels, no
/// spreadsheet headers; its header rows and label columns stay in view while the values scroll
/// (three views over it share its model and selection). Zoomed by a factor of the font, or so
/// that the whole form fits the width. Emits the key of the current cell.
class FormView : public QTableView
{
    Q_OBJECT
public:
    explicit FormView(QWidget *parent = nullptr);
    void setFormModel(ReportTableModel *model);
    ReportTableModel *formModel() const { return m_model; }

    /// The cell keys of the selection, in form order.
    QStringList selectedKeys() const;
    QString currentKey() const;
    /// Selects the cells (those of this table) and makes the first current.
    void selectKeys(const QStringList &keys);

    QSize sizeHint() const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

    /// The size of the form's text against the window's font (1 = as the window's).
    void setZoom(qreal zoom);
    qreal zoom() const { return m_zoom; }
    /// The zoom at which every column fits the width the view has.
    qreal zoomToFitWidth() const;
    /// The columns' widths together, and the width they have without scrolling sideways.
    int contentWidth() const;
    int widthRoom() const;
    /// The views that keep the header rows, the label columns and their corner in view (hidden
    /// when the table has none).
    QTableView *frozenRows() const { return m_frozenTop; }
    QTableView *frozenColumns() const { return m_frozenLeft; }
    /// Heights of the rows and widths of the columns that stay in view.
    int frozenHeight() const;
    int frozenWidth() const;

Q_SIGNALS:
    void currentKeyChanged(const QString &key);
    void selectionKeysChanged(const QStringList &keys);
    /// Ctrl+wheel: a step in (> 0) or out (< 0).
    void zoomRequested(int steps);
    void resized();

protected Q_SLOTS:
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;

protected:
    int sizeHintForRow(int row) const override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void updateGeometries() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyLayout();
    /// The frozen views take the spans, widths and heights of this one.
    void syncFrozen();
    void applyGridColour();
    void placeFrozen();
    QTableView *makeFrozen(const char *name);

    ReportTableModel *m_model = nullptr;
    QTableView *m_frozenTop = nullptr;
    QTableView *m_frozenLeft = nullptr;
    QTableView *m_frozenCorner = nullptr;
    qreal m_zoom = 1.0;
    int m_wheelAngle = 0;
    bool m_inWheel = false;
};

} // namespace nianbao::ui
