#pragma once

#include "review/correction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUndoStack>

#include <functional>
#include <optional>

namespace nianbao {

class FormLayout;

/// One cell's change inside an edit: the value before (absent when the cell was not found) and after.
struct CellChange
{
    QString key;
    std::optional<Cell> before;
    Cell after;
};

/// The review of one report: the ReviewedReport, its undo stack of corrections and the findings,
/// re-checked after every change: the report's own rules, then the checks across reports that the
/// session gives it (setAcrossCheck: last year's report of the same body). Every edit is an undo command (see
/// the *Command classes); each records one Correction per changed cell in the audit trail, and its undo
/// removes them again.
///
/// The signals are enough for a store to save each correction the moment it is made
/// (correctionAdded / correctionRemoved / statusChanged) and restore() brings a saved review back.
class Review : public QObject
{
    Q_OBJECT
public:
    explicit Review(QObject *parent = nullptr);
    explicit Review(const ReviewedReport &reviewed, QObject *parent = nullptr);
    /// A fresh review of a report as read and checked.
    Review(const Report &extracted, const QList<Finding> &findings, QObject *parent = nullptr);

    /// Replaces the whole review (as a store restores it); clears the undo stack, re-checks.
    void restore(const ReviewedReport &reviewed);

    /// The findings of this report against the other reports open with it (year over year).
    using AcrossCheck = std::function<QList<Finding>(const Report &current)>;
    /// The check across reports, asked at every re-check; recheckAcross() asks it now.
    void setAcrossCheck(AcrossCheck check);
    /// Asks the check across reports again (another report changed); findingsChanged() when the
    /// findings it gives changed.
    void recheckAcross();

    const ReviewedReport &reviewed() const { return m_rr; }
    const Report &report() const { return m_rr.current; }
    const Report &extracted() const { return m_rr.extracted; }
    const QList<Finding> &findings() const { return m_rr.findings; }
    const QList<Correction> &corrections() const { return m_rr.corrections; }
    int errorCount() const;
    int warningCount() const;
    bool isCorrected(const QString &key) const { return m_rr.isCorrected(key); }

    QUndoStack *undoStack() { return &m_undo; }
    const QUndoStack *undoStack() const { return &m_undo; }

    QString reviewer() const { return m_reviewer; }
    void setReviewer(const QString &name);
    /// A note for the audit trail, written with the corrections of the next edit, then cleared.
    void setPendingNote(const QString &note) { m_pendingNote = note; }
    QString pendingNote() const { return m_pendingNote; }
    /// The clock corrections are stamped with (UTC); tests inject their own.
    void setClock(std::function<QDateTime()> clock);

    ReviewStatus status() const { return m_rr.status; }
    void setStatus(ReviewStatus status);

    // Edits: each pushes one undo command. False, with a plain reason, when nothing can be done.
    bool setCell(const QString &key, const Cell &value, QString *error = nullptr);
    /// A typed value: blank clears; a count takes a whole number, the fee a decimal.
    bool setCellText(const QString &key, const QString &text, QString *error = nullptr);
    bool clearCells(const QStringList &keys, QString *error = nullptr);
    /// Shifts the values of a row ("t3.granted") one column left (direction −1) or right (+1).
    bool shiftRow(const QString &rowId, int direction, QString *error = nullptr);
    /// Moves a row's values to another row of the same table; the first row is left blank.
    bool moveRow(const QString &fromRowId, const QString &toRowId, QString *error = nullptr);
    /// Pastes a block (Excel's tab/newline text, or numbers selected in the source) from a cell on.
    bool paste(const QString &anchorKey, const QString &text, QString *error = nullptr);
    /// Puts a cell back to the value it had before a correction (one of the audit trail, this
    /// session's or a saved one): a new change, action "revert", noted with what it reverts unless
    /// a note is pending. Later corrections of the cell are overwritten (the caller asks first).
    bool revertCorrection(const Correction &correction, QString *error = nullptr);

    /// The value cell keys of a row ("t3.granted"), in column order; empty when unknown.
    QStringList rowCells(const QString &rowId) const;
    /// The rows ("t3.granted") of a table active in this report's variant, in form order.
    QStringList tableRows(const QString &tableKey) const;
    static QString rowIdOf(const QString &cellKey);

    /// Reads a typed value for a cell. Strict: a number the column takes, or blank.
    bool parseValue(const QString &key, const QString &text, Cell *out, QString *error) const;
    /// The cells a block of text fills from an anchor cell on: tab/newline text from a
    /// spreadsheet, or whitespace- or |-separated numbers.
    QHash<QString, Cell> pasteCells(const QString &anchorKey, const QString &text, QString *error) const;
    /// The cells as a spreadsheet block (what paste() reads back): the rows and columns of the form
    /// that the cells cover, tab-separated, a line per row with one of them; the others empty.
    QString copyText(const FormLayout &form, const QStringList &keys) const;

    // Called by the undo commands.
    int apply(const QList<CellChange> &changes, const QString &action);
    void revert(const QList<CellChange> &changes, int recorded);

Q_SIGNALS:
    void cellsChanged(const QStringList &keys);
    void findingsChanged();
    void correctionAdded(const nianbao::Correction &correction);
    void correctionRemoved(const nianbao::Correction &correction);
    void statusChanged(nianbao::ReviewStatus status);
    /// The whole review was replaced (restore()).
    void reset();

private:
    bool push(QList<CellChange> changes, const QString &action, const QString &text, QString *error);
    void recheck();

    ReviewedReport m_rr;
    AcrossCheck m_across;
    qsizetype m_acrossCount = 0; // the last findings of m_rr.findings came from m_across
    QUndoStack m_undo;
    QString m_reviewer;
    QString m_pendingNote;
    std::function<QDateTime()> m_clock;
};

} // namespace nianbao
