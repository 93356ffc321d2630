#include "celldelegate.h"

#include "palette.h"
#include "report/formlayout.h"
#include "reporttablemodel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpressionValidator>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

QWidget *CellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &index) const
{
    const bool decimal = index.data(ReportTableModel::DecimalRole).toBool();
    const bool isSigned = index.data(ReportTableModel::SignedRole).toBool();
    const QString sign = isSigned ? u"-?"_s : QString();
    const QString pattern = decimal ? u"^%1[0-9]*(\\.[0-9]*)?$"_s.arg(sign) : u"^%1[0-9]*$"_s.arg(sign);
    const QStringList candidates = index.data(ReportTableModel::CandidatesRole).toStringList();
    QLineEdit *edit = nullptr;
    QWidget *editor = nullptr;
    if (!candidates.isEmpty()) {
        // An undecided cell offers the values the digits allow; any other number can be typed.
        auto *combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->addItems(candidates);
        combo->setInsertPolicy(QComboBox::NoInsert);
        edit = combo->lineEdit();
        editor = combo;
    } else {
        edit = new QLineEdit(parent);
        edit->setFrame(false);
        editor = edit;
    }
    editor->setObjectName(u"cellEditor"_s);
    edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    edit->setValidator(new QRegularExpressionValidator(QRegularExpression(pattern), edit));
    return editor;
}

void CellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(-1);
        combo->setEditText(QString());
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(index.data(Qt::EditRole).toString());
        edit->selectAll();
    }
}

void CellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (!combo->currentText().isEmpty())
            model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        model->setData(index, edit->text(), Qt::EditRole);
}

void CellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto kind = FormLayout::Kind(index.data(ReportTableModel::KindRole).toInt());
    if (kind != FormLayout::Kind::Value) {
        // Form labels are not selectable, but they are read as the form prints them.
        option->state |= QStyle::State_Enabled;
        option->features |= QStyleOptionViewItem::WrapText;
        return;
    }
    if (option->state & QStyle::State_Selected) {
        // Keep the severity colour visible under the selection: a tint, and a frame in paint().
        const QVariant bg = index.data(Qt::BackgroundRole);
        const QColor base = bg.isValid() ? bg.value<QColor>() : option->palette.color(QPalette::Base);
        const QColor hl = option->palette.color(QPalette::Active, QPalette::Highlight);
        option->backgroundBrush = QColor((base.red() * 3 + hl.red()) / 4, (base.green() * 3 + hl.green()) / 4,
                                         (base.blue() * 3 + hl.blue()) / 4);
        option->state &= ~QStyle::State_Selected;
    }
}

void CellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const auto kind = FormLayout::Kind(index.data(ReportTableModel::KindRole).toInt());
    QStyledItemDelegate::paint(painter, option, index);
    if (kind == FormLayout::Kind::Value && (option.state & QStyle::State_Selected)) {
        painter->save();
        painter->setPen(QPen(option.palette.color(QPalette::Active, QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
        painter->restore();
    }
    if (kind != FormLayout::Kind::Value)
        return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal m = qMax<qreal>(6.0, option.fontMetrics.height() * 0.45);
    if (index.data(ReportTableModel::CorrectedRole).toBool()) {
        // A corrected cell: a blue corner, as a spreadsheet marks a comment.
        QPolygonF tri({r.topRight(), r.topRight() - QPointF(m, 0), r.topRight() + QPointF(0, m)});
        painter->setPen(Qt::NoPen);
        painter->setBrush(Palette::correctedMark());
        painter->drawPolygon(tri);
    }
    if (index.data(ReportTableModel::UncertainRole).toBool() ||
        index.data(ReportTableModel::FromRunRole).toBool()) {
        // Read with doubt: an orange corner on the left; undecided cells also get a dashed frame.
        QPolygonF tri({r.topLeft(), r.topLeft() + QPointF(m, 0), r.topLeft() + QPointF(0, m)});
        painter->setPen(Qt::NoPen);
        painter->setBrush(Palette::uncertainMark());
        painter->drawPolygon(tri);
        if (index.data(ReportTableModel::UncertainRole).toBool()) {
            painter->setPen(QPen(Palette::uncertainMark(), 1.5, Qt::DashLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
        }
    }
    painter->restore();
}

} // namespace nianbao::ui
