#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include "review/review.h"

namespace nianbao::ui {

/// The findings of a Review: severity, rule, the rule in words with both sides and the difference,
/// in the language in use (it follows nianbao::Language). A dismissed finding is quiet (grey, struck
/// through, marked as dismissed, its reason and who and when in the tooltip); a confirmed one is
/// marked as confirmed.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, RuleColumn, MessageColumn, ColumnCount };
    enum Role {
        CellsRole = Qt::UserRole + 1,
        IsErrorRole,
        DispositionRole /* "confirmed", "dismissed" or empty */
    };

    explicit FindingsModel(QObject *parent = nullptr);
    /// "page 3" or "pages 3, 4": where a finding's cells and evidence are printed; empty but for a PDF.
    static QString pagesText(const Report &report, const Finding &finding);
    /// The finding in words, with its pages when it has some.
    static QString findingText(const Report &report, const Finding &finding);
    void setReview(Review *review);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<Review> m_review;
};

} // namespace nianbao::ui
