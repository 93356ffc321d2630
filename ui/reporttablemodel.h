#pragma once

#include "report/formlayout.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

#include "review/review.h"

namespace nianbao::ui {

/// One table of a Review laid out like the official form (FormLayout). Value cells are
/// editable: setData() pushes an undo command on the Review; the Review re-checks and signals,
/// and the model repaints. The colour of a failing cell comes from the Review's findings.
class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString: the cell key of a value slot
        KindRole,                   // int: FormLayout::Kind
        SeverityRole,               // int: Severity
        CorrectedRole,              // bool: changed by the reviewer
        UncertainRole,              // bool: a digit run whose split is undecided
        FromRunRole,                // bool: decoded from digits that ran together
        ExtractedRole,              // QString: the value as read from the source
        DecimalRole,                // bool: the column takes decimals (the fee)
        SignedRole,                 // bool: the column may be negative
        MissingRole,                // bool: the cell was not found in the source
        CandidatesRole,             // QStringList: the values an undecided cell may have
    };
    enum Severity { NoFinding = 0, WarningFinding = 1, ErrorFinding = 2 };

    ReportTableModel(const QString &tableKey, QObject *parent = nullptr);

    void setReview(Review *review);
    Review *review() const { return m_review; }
    QString tableKey() const { return m_tableKey; }
    const FormLayout &layout() const { return m_layout; }

    QModelIndex indexOf(const QString &key) const;
    QString keyAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// An edit was refused; the reason is one plain line.
    void editRejected(const QString &reason);
    /// The spans of the layout changed (a new report, another variant of （六）).
    void layoutRebuilt();

private:
    void rebuild();
    void refreshFindings();
    QString toolTip(const QString &key) const;

    QString m_tableKey;
    QPointer<Review> m_review;
    FormLayout m_layout;
    QHash<QString, int> m_severity;
    QHash<QString, QList<int>> m_findingsOf;
    QSet<QString> m_corrected;
};

} // namespace nianbao::ui
