#pragma once

#include "review/correction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

namespace nianbao {

class CellEditCommand;
class FormLayout;

/// One cell's change inside an edit: the value before (absent when the cell was not found) and after.
struct CellChange
{
    QString key;
    std::optional<Cell> before;
    Cell after;
};

/// One finding's disposition inside a confirm, dismiss or clear: before and after (absent: none).
struct DispositionChange
{
    QString finding; // findingKey()
    std::optional<Disposition> before;
    std::optional<Disposition> after;
};

/// The review of one report: the ReviewedReport, its undo stack of corrections and the findings,
/// re-checked after every change: the report's own rules, then the checks across reports that the
/// session gives it (setAcrossCheck: last year's report of the same body). Every edit is an undo command (see
/// the *Command classes); each records one Correction per changed cell in the audit trail, and its undo
/// removes them again.
///
/// The signals are enough for a store to save each correction the moment it is made
/// (correctionAdded / correctionRemoved / statusChanged) and restore() brings a saved review back.
///
/// The reviewer's word on findings (confirm, dismiss with a reason, clear) is an undo command too,
/// one step for one finding or many, saved through dispositionSet / dispositionRemoved. A
/// disposition is kept by its finding's key: when a correction makes the finding go away it stays
/// kept but is shown nowhere, and when the finding comes back it has its disposition again. The
/// rules know nothing of dispositions; errorCount() and warningCount() are the findings left to
/// deal with: a dismissed finding is not counted (a confirmed one is: the report is wrong).
class Review : public QObject
{
    Q_OBJECT
public:
    explicit Review(QObject *parent = nullptr);
    explicit Review(const ReviewedReport &reviewed, QObject *parent = nullptr);
    /// A fresh review of a report as read and checked.
    Review(const Report &extracted, const QList<Finding> &findings, QObject *parent = nullptr);

    /// Replaces the whole review (as a store restores it); clears the undo stack, re-checks (unless
    /// it is the same reading, uncorrected, as before).
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
    /// Errors and warnings left: the findings not dismissed (see openFindings()).
    int errorCount() const;
    int warningCount() const;
    /// The findings not dismissed, in order.
    QList<Finding> openFindings() const;
    const QList<Disposition> &dispositions() const { return m_rr.dispositions; }
    /// The disposition of a finding of this report, or nullptr.
    const Disposition *disposition(const Finding &f) const { return dispositionOf(m_rr.dispositions, f); }
    bool isCorrected(const QString &key) const { return m_rr.isCorrected(key); }

    QUndoStack *undoStack() { return &m_undo; }
    const QUndoStack *undoStack() const { return &m_undo; }

    QString reviewer() const { return m_reviewer; }
    /// The name recorded with every correction from now on; an empty name is refused (the one
    /// before stays). At first the system's user name.
    void setReviewer(const QString &name);
    /// The name of the user logged in: the full name of the account when it has one, else the
    /// login name.
    static QString systemUserName();
    /// A note for the audit trail, written with the corrections of the next edit, then cleared.
    /// The edit keeps it: its redo writes the same note again.
    void setPendingNote(const QString &note) { m_pendingNote = note; }
    QString pendingNote() const { return m_pendingNote; }
    /// The edit that took the pending note was made: the note is cleared (pendingNoteTaken()).
    void clearPendingNote();
    /// The clock corrections are stamped with (UTC); tests inject their own.
    void setClock(std::function<QDateTime()> clock);

    ReviewStatus status() const { return m_rr.status; }
    void setStatus(ReviewStatus status);

    /// Asked before a change of a finished report's values (ReviewPolicy::editAsks): false leaves
    /// the report as it is. The window asks the reviewer; without a guard the change is made. Either
    /// way a change makes the report "in review" again, and its undo gives the state back.
    using EditGuard = std::function<bool(const Review &review)>;
    void setEditGuard(EditGuard guard);

    // Edits: each pushes one undo command. False, with a plain reason, when nothing can be done.
    bool setCell(const QString &key, const Cell &value, QString *error = nullptr);
    /// A typed value: blank clears; a count takes a whole number, the fee a decimal.
    bool setCellText(const QString &key, const QString &text, QString *error = nullptr);
    bool clearCells(const QStringList &keys, QString *error = nullptr);
    /// Shifts the values of a row ("t3.granted") one column left (direction −1) or right (+1).
    bool shiftRow(const QString &rowId, int direction, QString *error = nullptr);
    /// Moves a row's values to another row of the same table; the first row is left blank.
    /// shiftRow() and moveRow() lose what shiftRowLosses() / moveRowLosses() say: ask first.
    bool moveRow(const QString &fromRowId, const QString &toRowId, QString *error = nullptr);
    /// The reviewer's word on findings, stamped with the reviewer and the clock: one undo step for
    /// all of them. False, with a plain reason, when nothing changes. A dismissal needs a reason.
    bool confirm(const QList<Finding> &findings, QString *error = nullptr);
    bool dismiss(const QList<Finding> &findings, const QString &reason, QString *error = nullptr);
    bool clearDisposition(const QList<Finding> &findings, QString *error = nullptr);
    /// Pastes a block (Excel's tab/newline text, or numbers selected in the source) from a cell on.
    bool paste(const QString &anchorKey, const QString &text, QString *error = nullptr);
    /// Puts a cell back to the value it had before a correction (one of the audit trail, this
    /// session's or a saved one): a new change, action "revert", noted with what it reverts unless
    /// a note is pending. Later corrections of the cell are overwritten (the caller asks first).
    bool revertCorrection(const Correction &correction, QString *error = nullptr);
    /// Takes a finding's proposal (1 = the best, Suggestions::proposal): each of its cells set to the
    /// value proposed, one undo step, action "accept", noted with the proposal's reason unless a
    /// note is pending. False, with a plain reason, when the finding has no such proposal.
    bool acceptSuggestion(const Finding &finding, int proposal = 1, QString *error = nullptr);

    /// The values a row tool would overwrite or push out (shiftRowLosses, moveRowLosses): the cell,
    /// its name and the value lost, for the window to name before it asks.
    struct LostValue
    {
        QString key;
        QString name;  // the cell's name in the current language
        QString value; // as the reviewer sees it
    };
    /// What shifting a row loses: the value pushed off its end, when it is not blank.
    QList<LostValue> shiftRowLosses(const QString &rowId, int direction) const;
    /// What moving a row onto another loses: the target's values that are not blank and differ
    /// from the value moved onto them.
    QList<LostValue> moveRowLosses(const QString &fromRowId, const QString &toRowId) const;

    /// The value cell keys of a row ("t3.granted"), in column order; empty when unknown.
    QStringList rowCells(const QString &rowId) const;
    /// The rows ("t3.granted") of a table active in this report's variant, in form order.
    QStringList tableRows(const QString &tableKey) const;
    static QString rowIdOf(const QString &cellKey);

    /// Reads a typed value for a cell. Strict: a number the column takes, or blank.
    bool parseValue(const QString &key, const QString &text, Cell *out, QString *error) const;
    /// The cells a block of text fills from an anchor cell on: tab/newline text from a
    /// spreadsheet, or whitespace- or |-separated numbers.
    CellTable pasteCells(const QString &anchorKey, const QString &text, QString *error) const;
    /// The cells as a spreadsheet block (what paste() reads back): the rows and columns of the form
    /// that the cells cover, tab-separated, a line per row with one of them; the others empty.
    QString copyText(const FormLayout &form, const QStringList &keys) const;

    // Called by the undo commands. apply() records one Correction per change, with the note the
    // command was made with, and returns how many; revert() removes them again.
    int apply(const QList<CellChange> &changes, const QString &action, const QString &note = {});
    void revert(const QList<CellChange> &changes, int recorded);
    /// Puts the dispositions after (forward) or before each change in place.
    void applyDispositions(const QList<DispositionChange> &changes, bool forward);

Q_SIGNALS:
    void cellsChanged(const QStringList &keys);
    void findingsChanged();
    void correctionAdded(const nianbao::Correction &correction);
    void correctionRemoved(const nianbao::Correction &correction);
    void statusChanged(nianbao::ReviewStatus status);
    /// A finding's disposition was made or replaced (also by an undo bringing back the earlier one).
    void dispositionSet(const nianbao::Disposition &disposition);
    /// A finding has no disposition any more (cleared, or its making undone).
    void dispositionRemoved(const nianbao::Disposition &disposition);
    /// Some dispositions changed (after the signals above, and findingsChanged: the counts follow).
    void dispositionsChanged();
    /// The whole review was replaced (restore()).
    void reset();
    /// An edit was made with the pending note (empty or not): the next edit takes a new one.
    void pendingNoteTaken();

private:
    bool pushEdit(std::unique_ptr<CellEditCommand> command, QString *error, const QString &nothing);
    void recheck();
    bool pushDisposition(const QList<Finding> &findings, std::optional<Disposition::Kind> kind,
                         const QString &reason, QString *error);

    ReviewedReport m_rr;
    AcrossCheck m_across;
    qsizetype m_acrossCount = 0; // the last findings of m_rr.findings came from m_across
    QUndoStack m_undo;
    QString m_reviewer;
    QString m_pendingNote;
    std::function<QDateTime()> m_clock;
    EditGuard m_editGuard;
};

} // namespace nianbao
