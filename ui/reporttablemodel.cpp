#include "reporttablemodel.h"

#include "i18n/language.h"
#include "palette.h"
#include "review/review.h"
#include "rules/ruleengine.h"

#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

ReportTableModel::ReportTableModel(const QString &tableKey, QObject *parent)
    : QAbstractTableModel(parent), m_tableKey(tableKey)
{
    // The labels' tooltips and the cells' findings speak the language in use.
    connect(Language::instance(), &Language::changed, this, [this] {
        if (rowCount() > 0 && columnCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
}

void ReportTableModel::setReview(Review *review)
{
    if (m_review == review)
        return;
    if (m_review)
        disconnect(m_review, nullptr, this, nullptr);
    beginResetModel();
    m_review = review;
    rebuild();
    refreshFindings();
    endResetModel();
    Q_EMIT layoutRebuilt();
    if (!m_review)
        return;
    connect(m_review, &Review::findingsChanged, this, [this] {
        refreshFindings();
        if (rowCount() > 0 && columnCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
    connect(m_review, &Review::reset, this, [this] {
        beginResetModel();
        rebuild();
        refreshFindings();
        endResetModel();
        Q_EMIT layoutRebuilt();
    });
    connect(m_review, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_review = nullptr;
        rebuild();
        refreshFindings();
        endResetModel();
        Q_EMIT layoutRebuilt();
    });
}

void ReportTableModel::rebuild()
{
    m_layout = FormLayout();
    if (!m_review || !m_review->report().tmpl)
        return;
    if (const TableDef *t = m_review->report().tmpl->table(m_tableKey))
        m_layout = FormLayout::build(*t, m_review->report().variant);
}

void ReportTableModel::refreshFindings()
{
    m_severity.clear();
    m_findingsOf.clear();
    m_corrected.clear();
    if (!m_review)
        return;
    for (const Correction &c : m_review->corrections())
        m_corrected.insert(c.key);
    const QList<Finding> &fs = m_review->findings();
    for (int i = 0; i < fs.size(); ++i) {
        // a dismissed finding no longer marks its cells as failing
        const Disposition *d = m_review->disposition(fs[i]);
        if (d && d->kind == Disposition::Kind::Dismissed)
            continue;
        const int sev = fs[i].isError() ? ErrorFinding : WarningFinding;
        for (const QString &k : fs[i].cells) {
            if (!k.startsWith(m_tableKey) || k.size() <= m_tableKey.size() || k[m_tableKey.size()] != u'.')
                continue;
            m_severity[k] = qMax(m_severity.value(k), sev);
            m_findingsOf[k].append(i);
        }
    }
}

QModelIndex ReportTableModel::indexOf(const QString &key) const
{
    const QPoint p = m_layout.position(key);
    return p.x() < 0 ? QModelIndex() : index(p.y(), p.x());
}

QString ReportTableModel::keyAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    return m_layout.at(index.row(), index.column()).key;
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_layout.rowCount();
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_layout.columnCount();
}

QString ReportTableModel::toolTip(const QString &key) const
{
    const Report &r = m_review->report();
    QStringList lines;
    lines.append(u"<b>%1</b>"_s.arg(RuleEngine::cellName(*r.tmpl, key).toHtmlEscaped()));
    const Cell *c = r.cell(key);
    if (!c)
        lines.append(tr("Not found in the source."));
    else if (c->state == Cell::State::Uncertain)
        lines.append(RuleEngine::uncertainText(*r.tmpl, key, *c, Language::isEnglish()).toHtmlEscaped());
    else if (c->fromRun)
        lines.append(tr("Decoded from digits that ran together."));
    if (c && !c->note.isEmpty())
        lines.append(tr("Note in the source: %1").arg(c->note.toHtmlEscaped()));
    if (m_review->isCorrected(key)) {
        const Cell *e = m_review->extracted().cell(key);
        const QString was = !e                               ? tr("not found")
                            : e->state == Cell::State::Blank ? tr("blank")
                                                             : e->displayText();
        lines.append(tr("Corrected; extracted value: %1").arg(was.toHtmlEscaped()));
        if (const Correction *corr = m_review->reviewed().lastCorrection(key))
            lines.append(tr("by %1 at %2")
                             .arg(corr->reviewer.toHtmlEscaped(),
                                  corr->time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)));
    }
    const QList<Finding> &fs = m_review->findings();
    for (int i : m_findingsOf.value(key)) {
        const Finding &f = fs[i];
        const QString colour = f.isError() ? Palette::errorText().name() : Palette::warningText().name();
        lines.append(
            u"<span style=\"color:%1\">%2 %3</span>"_s.arg(colour, f.rule, f.text().toHtmlEscaped()));
    }
    return lines.join(u"<br>"_s);
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if ((!index.isValid() || !checkIndex(index)))
        return {};
    const FormLayout::Slot &slot = m_layout.at(index.row(), index.column());
    if (slot.kind != FormLayout::Kind::Value) {
        switch (role) {
        case Qt::DisplayRole:
            return slot.text;
        case Qt::ToolTipRole:
            return slot.text.isEmpty() || !Language::isEnglish() ? QVariant() : QVariant(slot.textEn);
        case KindRole:
            return int(slot.kind);
        case Qt::BackgroundRole:
            return slot.kind == FormLayout::Kind::Label ? Palette::labelBackground()
                                                        : Palette::headerBackground();
        case Qt::ForegroundRole:
            return Palette::labelText();
        case Qt::FontRole:
            if (slot.kind == FormLayout::Kind::Title || slot.kind == FormLayout::Kind::Header) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case Qt::TextAlignmentRole:
            return slot.kind == FormLayout::Kind::Label ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                        : QVariant(Qt::AlignCenter);
        default:
            return {};
        }
    }

    const QString &key = slot.key;
    if (!m_review)
        return {};
    const Report &r = m_review->report();
    const Cell *c = r.cell(key);
    const int sev = m_severity.value(key);
    const bool corrected = m_corrected.contains(key);
    switch (role) {
    case Qt::DisplayRole:
        if (!c)
            return QString();
        if (c->state == Cell::State::Uncertain) {
            QStringList vs;
            for (double v : c->candidates)
                vs.append(RuleEngine::formatNumber(v));
            return vs.isEmpty() ? u"?"_s : vs.join(u" / "_s) + u" ?"_s;
        }
        return c->displayText();
    case Qt::EditRole:
        return c && c->state != Cell::State::Uncertain ? c->displayText() : QString();
    case Qt::ToolTipRole:
        return toolTip(key);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (sev == ErrorFinding)
            return Palette::errorBackground();
        if (sev == WarningFinding)
            return Palette::warningBackground();
        if (corrected)
            return Palette::correctedBackground();
        return {};
    case Qt::ForegroundRole:
        if (sev == ErrorFinding)
            return Palette::errorText();
        if (corrected)
            return Palette::correctedText();
        return {};
    case Qt::FontRole:
        if (corrected) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case KeyRole:
        return key;
    case KindRole:
        return int(slot.kind);
    case SeverityRole:
        return sev;
    case CorrectedRole:
        return corrected;
    case UncertainRole:
        return c && c->state == Cell::State::Uncertain;
    case FromRunRole:
        return c && c->fromRun;
    case MissingRole:
        return c == nullptr;
    case CandidatesRole: {
        QStringList vs;
        if (c && c->state == Cell::State::Uncertain)
            for (double v : c->candidates)
                vs.append(RuleEngine::formatNumber(v));
        return vs;
    }
    case ExtractedRole: {
        const Cell *e = m_review->extracted().cell(key);
        return e ? e->displayText() : QString();
    }
    case DecimalRole:
    case SignedRole: {
        const TableDef *t = nullptr;
        int ri = -1, ci = -1;
        if (!r.tmpl || !r.tmpl->splitKey(key, &t, &ri, &ci))
            return false;
        return role == DecimalRole ? t->columns[ci].kind == ValueKind::Decimal : t->columns[ci].isSigned;
    }
    default:
        return {};
    }
}

bool ReportTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || (!index.isValid() || !checkIndex(index)) || !m_review)
        return false;
    const QString key = keyAt(index);
    if (key.isEmpty())
        return false;
    const Cell *c = m_review->report().cell(key);
    if (c && c->state != Cell::State::Uncertain && c->displayText() == value.toString().trimmed())
        return false;
    QString error;
    if (!m_review->setCellText(key, value.toString(), &error)) {
        Q_EMIT editRejected(error);
        return false;
    }
    return true;
}

Qt::ItemFlags ReportTableModel::flags(const QModelIndex &index) const
{
    if ((!index.isValid() || !checkIndex(index)))
        return Qt::NoItemFlags;
    if (m_layout.at(index.row(), index.column()).kind == FormLayout::Kind::Value)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
    return Qt::ItemNeverHasChildren;
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole)
        return section + 1;
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace nianbao::ui
