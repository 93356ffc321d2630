#include "formview.h"

#include "celldelegate.h"
#include "reporttablemodel.h"

#include <QEvent>
#include <QFocusEvent>
#include <QHeaderView>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

FormView::FormView(QWidget *parent) : QTableView(parent)
{
    setItemDelegate(new CellDelegate(this));
    horizontalHeader()->hide();
    verticalHeader()->hide();
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setTabKeyNavigation(true);
    setCornerButtonEnabled(false);
    setStyleSheet(u"QTableView { gridline-color: #c5ccd6; }"_s);
}

void FormView::setFormModel(ReportTableModel *model)
{
    m_model = model;
    setModel(model);
    connect(model, &ReportTableModel::layoutRebuilt, this, &FormView::applyLayout);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentKeyChanged(m_model->keyAt(current)); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { Q_EMIT selectionKeysChanged(selectedKeys()); });
    applyLayout();
}

void FormView::applyLayout()
{
    clearSpans();
    if (!m_model)
        return;
    const FormLayout &f = m_model->layout();
    for (const FormLayout::Span &s : f.spans())
        setSpan(s.row, s.column, s.rowSpan, s.columnSpan);
    const QFontMetrics fm(font());
    const int unit = fm.horizontalAdvance(u"汉"_s);
    const int valueWidth = qMax(unit * 4 + 12, fm.horizontalAdvance(u"0000000"_s) + 16);
    for (int c = 0; c < f.columnCount(); ++c) {
        int w = valueWidth;
        if (c < f.labelColumns()) {
            if (f.labelColumns() == 1)
                w = unit * 9; // table 2: 信息内容
            else if (c == 0)
                w = unit * 2 + 10; // 三、本年度办理结果, one character a line
            else if (c == 1 && f.labelColumns() == 3)
                w = unit * 4 + 12; // （三）不予公开
            else
                w = unit * 17; // the item
        } else if (f.labelColumns() == 1) {
            w = unit * 7; // table 2's value columns carry long headers
        }
        setColumnWidth(c, w);
    }
    resizeRowsToContents();
}

int FormView::sizeHintForRow(int row) const
{
    // Spanning labels are sized by their span, not by the first row they start in.
    if (!m_model)
        return QTableView::sizeHintForRow(row);
    const FormLayout &f = m_model->layout();
    const QFontMetrics fm(font());
    int h = fm.height() + 10;
    for (int c = 0; c < f.columnCount(); ++c) {
        const FormLayout::Slot &s = f.at(row, c);
        if (s.text.isEmpty())
            continue;
        if (rowSpan(row, c) > 1)
            continue;
        int w = 0;
        for (int k = 0; k < columnSpan(row, c); ++k)
            w += columnWidth(c + k);
        QFont bold = font();
        bold.setBold(s.kind != FormLayout::Kind::Label);
        const QRect r = QFontMetrics(bold).boundingRect(QRect(0, 0, qMax(10, w - 12), 10000),
                                                        Qt::TextWordWrap | Qt::AlignLeft, s.text);
        h = qMax(h, r.height() + 10);
    }
    return h;
}

QSize FormView::sizeHint() const
{
    int w = 2 * frameWidth();
    for (int c = 0; m_model && c < m_model->columnCount(); ++c)
        w += columnWidth(c);
    int h = 2 * frameWidth();
    for (int r = 0; m_model && r < m_model->rowCount(); ++r)
        h += rowHeight(r);
    return QSize(qMin(w, 1400), qMin(h, 1200));
}

void FormView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyLayout();
}

void FormView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    QTableView::closeEditor(editor, hint);
    if (hint != QAbstractItemDelegate::SubmitModelCache)
        return;
    // Enter commits and goes down the column, as in a spreadsheet, skipping the form's labels.
    const QModelIndex here = currentIndex();
    for (int r = here.row() + 1; here.isValid() && r < model()->rowCount(); ++r) {
        const QModelIndex next = model()->index(r, here.column());
        if (isRowHidden(r) || !(model()->flags(next) & Qt::ItemIsEditable))
            continue;
        setCurrentIndex(next);
        break;
    }
}

void FormView::focusInEvent(QFocusEvent *event)
{
    // Keyboard users land on the first value cell, ready to type.
    if (m_model && !currentIndex().isValid() && !m_model->layout().keys().isEmpty()) {
        const QModelIndex first = m_model->indexOf(m_model->layout().keys().first());
        selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect);
    }
    QTableView::focusInEvent(event);
}

QStringList FormView::selectedKeys() const
{
    QStringList out;
    if (!m_model)
        return out;
    const QModelIndexList sel = selectionModel()->selectedIndexes();
    for (const QString &k : m_model->layout().keys())
        for (const QModelIndex &i : sel)
            if (m_model->keyAt(i) == k) {
                out.append(k);
                break;
            }
    return out;
}

QString FormView::currentKey() const
{
    return m_model ? m_model->keyAt(currentIndex()) : QString();
}

void FormView::selectKeys(const QStringList &keys)
{
    if (!m_model)
        return;
    QItemSelection sel;
    QModelIndex first;
    for (const QString &k : keys) {
        const QModelIndex i = m_model->indexOf(k);
        if (!i.isValid())
            continue;
        if (!first.isValid())
            first = i;
        sel.select(i, i);
    }
    if (!first.isValid())
        return;
    selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
    Q_EMIT currentKeyChanged(m_model->keyAt(first));
    scrollTo(first);
}

} // namespace nianbao::ui
