#include "findingsmodel.h"

#include "i18n/language.h"
#include "icons.h"
#include "palette.h"
#include "review/review.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent)
{
    connect(Language::instance(), &Language::changed, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    });
}

void FindingsModel::setReview(Review *review)
{
    if (m_review)
        disconnect(m_review, nullptr, this, nullptr);
    beginResetModel();
    m_review = review;
    endResetModel();
    if (!m_review)
        return;
    connect(m_review, &Review::findingsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(m_review, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_review = nullptr;
        endResetModel();
    });
}

QString FindingsModel::pagesText(const Report &report, const Finding &finding)
{
    const QList<int> pages =
        report.pagesOf(finding.cells, finding.evidence.isValid() ? finding.evidence.start : -1);
    if (pages.isEmpty())
        return {};
    QStringList numbers;
    for (int p : pages)
        numbers.append(QString::number(p));
    return pages.size() == 1 ? tr("page %1").arg(numbers.first()) : tr("pages %1").arg(numbers.join(u", "_s));
}

QString FindingsModel::findingText(const Report &report, const Finding &finding)
{
    const QString pages = pagesText(report, finding);
    return pages.isEmpty() ? finding.text() : QString(finding.text() + u" · "_s + pages);
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_review ? 0 : int(m_review->findings().size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if ((!index.isValid() || !checkIndex(index)) || !m_review)
        return {};
    const Finding &f = m_review->findings().at(index.row());
    const Disposition *d = m_review->disposition(f);
    const bool dismissed = d && d->kind == Disposition::Kind::Dismissed;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: {
            const QString severity = f.isError() ? tr("Error") : tr("Warning");
            if (!d)
                return severity;
            return QString(severity + u" · "_s + (dismissed ? tr("Dismissed") : tr("Confirmed")));
        }
        case RuleColumn:
            return f.rule;
        case MessageColumn:
            return findingText(m_review->report(), f);
        }
        return {};
    case Qt::ToolTipRole: {
        if (!d)
            return findingText(m_review->report(), f);
        const QString when = d->time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
        const QString word =
            dismissed ? tr("Dismissed by %1 at %2: %3").arg(d->reviewer, when, d->reason)
                      : tr("Confirmed by %1 at %2: the report itself is wrong").arg(d->reviewer, when);
        return QString(findingText(m_review->report(), f) + u'\n' + word);
    }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return Icons::dot(dismissed ? QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text)
                              : f.isError() ? Palette::errorText()
                                            : Palette::warningText());
        return {};
    case Qt::ForegroundRole:
        if (dismissed)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (index.column() == SeverityColumn)
            return f.isError() ? Palette::errorText() : Palette::warningText();
        return {};
    case Qt::FontRole:
        if (dismissed && index.column() == MessageColumn) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        if (d && !dismissed && index.column() == SeverityColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case DispositionRole:
        return d ? d->kindName() : QString();
    case CellsRole:
        return f.cells;
    case IsErrorRole:
        return f.isError();
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Finding");
    }
    return {};
}

} // namespace nianbao::ui
