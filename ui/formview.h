#pragma once

#include <QTableView>

namespace nianbao::ui {

class ReportTableModel;

/// A table of the report shown as the official form: merged cells, wrapped labels, no
/// spreadsheet headers. Emits the key of the current cell.
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

Q_SIGNALS:
    void currentKeyChanged(const QString &key);
    void selectionKeysChanged(const QStringList &keys);

protected Q_SLOTS:
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;

protected:
    int sizeHintForRow(int row) const override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void applyLayout();
    ReportTableModel *m_model = nullptr;
};

} // namespace nianbao::ui
