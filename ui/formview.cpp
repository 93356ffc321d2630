#include "formview.h"

#include "celldelegate.h"
#include "palette.h"
#include "reporttablemodel.h"

#include <QApplication>
#include <QEvent>
#include <QFocusEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QWheelEvent>

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
    m_frozenLeft = makeFrozen("frozenColumns");
    m_frozenTop = makeFrozen("frozenRows");
    m_frozenCorner = makeFrozen("frozenCorner");
    // They follow this view's scrolling: the rows sideways, the columns up and down.
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, m_frozenTop->horizontalScrollBar(),
            &QScrollBar::setValue);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_frozenLeft->verticalScrollBar(),
            &QScrollBar::setValue);
    // and never the other way: the header rows stay at the top, the labels at the left.
    for (QScrollBar *pinned : {m_frozenTop->verticalScrollBar(), m_frozenLeft->horizontalScrollBar(),
                               m_frozenCorner->verticalScrollBar(), m_frozenCorner->horizontalScrollBar()})
        connect(pinned, &QScrollBar::valueChanged, pinned, [pinned](int v) {
            if (v != 0)
                pinned->setValue(0);
        });
    applyGridColour();
}

void FormView::applyGridColour()
{
    const QString sheet = u"QTableView { gridline-color: %1; }"_s.arg(Palette::grid().name());
    for (QTableView *v : {static_cast<QTableView *>(this), m_frozenTop, m_frozenLeft, m_frozenCorner})
        v->setStyleSheet(sheet);
}

QTableView *FormView::makeFrozen(const char *name)
{
    auto *v = new QTableView(this);
    v->setObjectName(QString::fromLatin1(name));
    v->setItemDelegate(new CellDelegate(v));
    v->horizontalHeader()->hide();
    v->verticalHeader()->hide();
    v->setWordWrap(true);
    v->setFrameShape(QFrame::NoFrame);
    v->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    v->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    v->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    v->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->setSelectionMode(QAbstractItemView::ExtendedSelection);
    v->setFocusPolicy(Qt::NoFocus);
    v->setAutoScroll(false); // it scrolls with this view only
    v->setFocusProxy(this);
    v->setContextMenuPolicy(Qt::NoContextMenu);
    // Ctrl+wheel zooms there too; a plain wheel scrolls the form.
    v->viewport()->installEventFilter(this);
    v->hide();
    return v;
}

void FormView::setFormModel(ReportTableModel *model)
{
    m_model = model;
    setModel(model);
    for (QTableView *v : {m_frozenTop, m_frozenLeft, m_frozenCorner}) {
        v->setModel(model);
        v->setSelectionModel(selectionModel());
    }
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
    syncFrozen();
}

void FormView::syncFrozen()
{
    if (!m_model)
        return;
    const FormLayout &f = m_model->layout();
    for (QTableView *v : {m_frozenTop, m_frozenLeft, m_frozenCorner}) {
        v->setFont(font());
        v->clearSpans();
        for (const FormLayout::Span &s : f.spans())
            v->setSpan(s.row, s.column, s.rowSpan, s.columnSpan);
        for (int c = 0; c < f.columnCount(); ++c)
            v->setColumnWidth(c, columnWidth(c));
        for (int r = 0; r < f.rowCount(); ++r) {
            v->setRowHeight(r, rowHeight(r));
            v->setRowHidden(r, isRowHidden(r));
        }
    }
    placeFrozen();
}

int FormView::frozenHeight() const
{
    int h = 0;
    for (int r = 0; m_model && r < m_model->layout().headerRows(); ++r)
        h += isRowHidden(r) ? 0 : rowHeight(r);
    return h;
}

int FormView::frozenWidth() const
{
    int w = 0;
    for (int c = 0; m_model && c < m_model->layout().labelColumns(); ++c)
        w += columnWidth(c);
    return w;
}

void FormView::placeFrozen()
{
    const QRect vp = viewport()->geometry();
    const int h = qMin(frozenHeight(), vp.height()), w = qMin(frozenWidth(), vp.width());
    // Worth freezing only when the form does not fit: otherwise nothing scrolls away.
    const bool rows = h > 0 && (verticalScrollBar()->maximum() > 0 || horizontalScrollBar()->maximum() > 0);
    const bool columns =
        w > 0 && (horizontalScrollBar()->maximum() > 0 || verticalScrollBar()->maximum() > 0);
    m_frozenTop->setGeometry(vp.x(), vp.y(), vp.width(), h);
    m_frozenLeft->setGeometry(vp.x(), vp.y(), w, vp.height());
    m_frozenCorner->setGeometry(vp.x(), vp.y(), w, h);
    m_frozenTop->setVisible(rows);
    m_frozenLeft->setVisible(columns);
    m_frozenCorner->setVisible(rows && columns);
    m_frozenTop->horizontalScrollBar()->setValue(horizontalScrollBar()->value());
    m_frozenLeft->verticalScrollBar()->setValue(verticalScrollBar()->value());
    m_frozenLeft->raise();
    m_frozenTop->raise();
    m_frozenCorner->raise();
}

void FormView::updateGeometries()
{
    QTableView::updateGeometries();
    if (m_frozenTop)
        placeFrozen();
}

void FormView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeFrozen();
    Q_EMIT resized();
}

void FormView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    QTableView::scrollTo(index, hint);
    if (!index.isValid() || !m_model)
        return;
    // A cell scrolled into view must not lie under the rows and columns that stay in view.
    const QRect r = visualRect(index);
    const QPoint at = m_model->layout().position(m_model->keyAt(index));
    const bool value = at.x() >= 0;
    if (value && m_frozenTop->isVisible() && r.top() < frozenHeight())
        verticalScrollBar()->setValue(verticalScrollBar()->value() - (frozenHeight() - r.top()));
    if (value && m_frozenLeft->isVisible() && r.left() < frozenWidth())
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - (frozenWidth() - r.left()));
}

void FormView::setZoom(qreal zoom)
{
    zoom = qBound(0.5, zoom, 3.0);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    QFont f = QApplication::font(this);
    f.setPointSizeF(f.pointSizeF() * m_zoom);
    setFont(f); // FontChange lays the form out again
}

int FormView::contentWidth() const
{
    int w = 0;
    for (int c = 0; m_model && c < m_model->columnCount(); ++c)
        w += columnWidth(c);
    return w;
}

int FormView::widthRoom() const
{
    // The room with a vertical scroll bar, whether it shows now or only once zoomed.
    return width() - 2 * frameWidth() - verticalScrollBar()->sizeHint().width() - 2;
}

qreal FormView::zoomToFitWidth() const
{
    const int w = contentWidth();
    return w > 0 ? m_zoom * widthRoom() / w : m_zoom;
}

bool FormView::eventFilter(QObject *watched, QEvent *event)
{
    // The wheel over the rows and columns kept in view scrolls (or zooms) the form itself.
    if (event->type() == QEvent::Wheel && !m_inWheel &&
        (watched == m_frozenTop->viewport() || watched == m_frozenLeft->viewport() ||
         watched == m_frozenCorner->viewport())) {
        m_inWheel = true;
        wheelEvent(static_cast<QWheelEvent *>(event));
        m_inWheel = false;
        return true;
    }
    return QTableView::eventFilter(watched, event);
}

void FormView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QTableView::wheelEvent(event);
        return;
    }
    // Whole steps of the wheel (120 = one notch), with a touchpad's smaller deltas added up.
    m_wheelAngle += event->angleDelta().y();
    const int steps = m_wheelAngle / 120;
    m_wheelAngle -= steps * 120;
    if (steps != 0)
        Q_EMIT zoomRequested(steps);
    event->accept();
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
    else if (event->type() == QEvent::PaletteChange && m_frozenCorner)
        applyGridColour();
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
