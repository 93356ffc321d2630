#include "review.h"

#include "acceptcommand.h"
#include "checks/suggestions.h"
#include "dispositioncommand.h"
#include "i18n/language.h"
#include "i18n/localtime.h"
#include "io/limits.h"
#include "moverowcommand.h"
#include "pastecommand.h"
#include "report/formlayout.h"
#include "revertcommand.h"
#include "rules/ruleengine.h"
#include "session/reviewpolicy.h"
#include "setcellcommand.h"
#include "shiftrowcommand.h"

#include <QDir>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include <climits>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

/// Full-width digits and signs folded, thousands separators and spaces removed.
QString numberText(const QString &text)
{
    QString t = text.normalized(QString::NormalizationForm_KC).trimmed();
    t.remove(u',');
    t.remove(u' ');
    t.replace(u'−', u'-');
    return t;
}

const QRegularExpression &numberPattern()
{
    static const QRegularExpression re(u"^-?\\d+(\\.\\d+)?$"_s);
    return re;
}

} // namespace

Review::Review(QObject *parent) : QObject(parent), m_reviewer(systemUserName()) {}

Review::Review(const ReviewedReport &reviewed, QObject *parent) : Review(parent)
{
    m_rr = reviewed;
    recheck();
}

Review::Review(const Report &extracted, const QList<Finding> &findings, QObject *parent) : Review(parent)
{
    m_rr = ReviewedReport::fromExtracted(extracted, findings);
}

void Review::restore(const ReviewedReport &reviewed)
{
    m_undo.clear();
    // The same reading with nothing corrected before or after (a report opened again with nothing
    // saved of it): the cells are the same, and so are their findings.
    const bool sameCells = m_rr.corrections.isEmpty() && reviewed.corrections.isEmpty() &&
                           reviewed.current.cells.isSharedWith(m_rr.current.cells);
    QList<Finding> findings = sameCells ? m_rr.findings : QList<Finding>();
    m_rr = reviewed;
    if (sameCells)
        m_rr.findings = std::move(findings);
    else
        recheck();
    Q_EMIT reset();
    Q_EMIT findingsChanged();
    Q_EMIT dispositionsChanged();
    Q_EMIT statusChanged(m_rr.status);
}

int Review::errorCount() const
{
    return RuleEngine::errorCount(openFindings());
}

int Review::warningCount() const
{
    return RuleEngine::warningCount(openFindings());
}

QList<Finding> Review::openFindings() const
{
    return m_rr.openFindings();
}

bool Review::pushDisposition(const QList<Finding> &findings, std::optional<Disposition::Kind> kind,
                             const QString &reason, QString *error)
{
    if (findings.isEmpty()) {
        if (error)
            *error = tr("Choose a finding first.");
        return false;
    }
    if (kind == Disposition::Kind::Dismissed && reason.trimmed().isEmpty()) {
        if (error)
            *error = tr("Say why the finding is dismissed.");
        return false;
    }
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    auto cmd = std::make_unique<DispositionCommand>(this, findings, kind, reason.trimmed(), m_reviewer, now);
    if (cmd->isEmpty()) {
        if (error)
            *error = !kind                                  ? tr("The finding has no disposition to clear.")
                     : kind == Disposition::Kind::Dismissed ? tr("The finding is dismissed already.")
                                                            : tr("The finding is confirmed already.");
        return false;
    }
    // judging a finding of a reviewed or sent report changes it too: the window asks first
    if (ReviewPolicy::editAsks(m_rr.status) && m_editGuard && !m_editGuard(*this)) {
        if (error)
            *error =
                tr("Nothing was changed: the report stays %1.").arg(ReviewPolicy::statusText(m_rr.status));
        return false;
    }
    m_undo.push(cmd.release());
    return true;
}

bool Review::confirm(const QList<Finding> &findings, QString *error)
{
    return pushDisposition(findings, Disposition::Kind::Confirmed, {}, error);
}

bool Review::dismiss(const QList<Finding> &findings, const QString &reason, QString *error)
{
    return pushDisposition(findings, Disposition::Kind::Dismissed, reason, error);
}

bool Review::clearDisposition(const QList<Finding> &findings, QString *error)
{
    return pushDisposition(findings, std::nullopt, {}, error);
}

void Review::applyDispositions(const QList<DispositionChange> &changes, bool forward)
{
    QList<Disposition> set, removed;
    for (const DispositionChange &c : changes) {
        const std::optional<Disposition> &now = forward ? c.after : c.before;
        const std::optional<Disposition> &was = forward ? c.before : c.after;
        for (qsizetype i = 0; i < m_rr.dispositions.size(); ++i)
            if (m_rr.dispositions[i].finding == c.finding) {
                m_rr.dispositions.removeAt(i);
                break;
            }
        if (now) {
            m_rr.dispositions.append(*now);
            set.append(*now);
        } else if (was) {
            removed.append(*was);
        }
    }
    if (m_rr.reviewer.isEmpty())
        m_rr.reviewer = m_reviewer;
    for (const Disposition &d : std::as_const(set))
        Q_EMIT dispositionSet(d);
    for (const Disposition &d : std::as_const(removed))
        Q_EMIT dispositionRemoved(d);
    Q_EMIT findingsChanged();
    Q_EMIT dispositionsChanged();
    // the reviewer's word changes what the review says: a finished report is in review again
    if (forward)
        setStatus(ReviewPolicy::afterEdit(m_rr.status));
}

void Review::setReviewer(const QString &name)
{
    // Every correction names who made it: an empty name keeps the one before.
    if (!name.trimmed().isEmpty())
        m_reviewer = name.trimmed();
}

QString Review::systemUserName()
{
    QString name;
#ifdef Q_OS_UNIX
    if (const passwd *pw = getpwuid(getuid())) {
        // The account's full name is the first field of GECOS ("张三,Room 1,..."), else its login.
        if (pw->pw_gecos)
            name = QString::fromLocal8Bit(pw->pw_gecos).section(u',', 0, 0).trimmed();
        if (name.isEmpty() && pw->pw_name)
            name = QString::fromLocal8Bit(pw->pw_name).trimmed();
    }
#endif
    if (name.isEmpty())
        name = qEnvironmentVariable("USER").trimmed();
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME").trimmed();
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name;
}

void Review::clearPendingNote()
{
    m_pendingNote.clear();
    Q_EMIT pendingNoteTaken();
}

void Review::setEditGuard(EditGuard guard)
{
    m_editGuard = std::move(guard);
}

void Review::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void Review::setStatus(ReviewStatus status)
{
    if (m_rr.status == status)
        return;
    m_rr.status = status;
    if (status == ReviewStatus::Reviewed && !m_reviewer.isEmpty())
        m_rr.reviewer = m_reviewer;
    Q_EMIT statusChanged(status);
}

void Review::recheck()
{
    m_rr.findings = RuleEngine::check(m_rr.current);
    const QList<Finding> across = m_across ? m_across(m_rr.current) : QList<Finding>();
    m_acrossCount = across.size();
    m_rr.findings += across;
}

void Review::setAcrossCheck(AcrossCheck check)
{
    m_across = std::move(check);
}

namespace {

bool sameFindings(const QList<Finding> &a, const QList<Finding> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].rule != b[i].rule || a[i].cells != b[i].cells || a[i].message != b[i].message ||
            a[i].messageEn != b[i].messageEn)
            return false;
    return true;
}

} // namespace

void Review::recheckAcross()
{
    const QList<Finding> across = m_across ? m_across(m_rr.current) : QList<Finding>();
    const qsizetype own = m_rr.findings.size() - m_acrossCount;
    if (sameFindings(m_rr.findings.mid(own), across))
        return;
    m_rr.findings.resize(own);
    m_rr.findings += across;
    m_acrossCount = across.size();
    Q_EMIT findingsChanged();
}

QString Review::copyText(const FormLayout &form, const QStringList &keys) const
{
    if (keys.isEmpty())
        return {};
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QString &k : keys) {
        const QPoint p = form.position(k);
        top = qMin(top, p.y());
        bottom = qMax(bottom, p.y());
        left = qMin(left, p.x());
        right = qMax(right, p.x());
    }
    QStringList lines;
    for (int y = top; y <= bottom; ++y) {
        QStringList cells;
        bool any = false;
        for (int x = left; x <= right; ++x) {
            const QString k = form.at(y, x).key;
            const Cell *c = keys.contains(k) ? m_rr.current.cell(k) : nullptr;
            any |= keys.contains(k);
            cells.append(c ? c->displayText() : QString());
        }
        if (any)
            lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

QList<Review::LostValue> Review::shiftRowLosses(const QString &rowId, int direction) const
{
    const QStringList keys = rowCells(rowId);
    if (keys.size() < 2 || (direction != 1 && direction != -1))
        return {};
    const QString end = direction > 0 ? keys.last() : keys.first();
    const Cell *c = m_rr.current.cell(end);
    if (!c || c->state == Cell::State::Blank)
        return {};
    return {{end, m_rr.current.tmpl ? RuleEngine::cellName(*m_rr.current.tmpl, end) : end, c->displayText()}};
}

QList<Review::LostValue> Review::moveRowLosses(const QString &fromRowId, const QString &toRowId) const
{
    QList<LostValue> out;
    const QStringList from = rowCells(fromRowId);
    if (fromRowId == toRowId)
        return out;
    QHash<QString, QString> source; // column → the cell moved from
    for (const QString &k : from)
        source.insert(k.mid(k.lastIndexOf(u'.') + 1), k);
    for (const QString &k : rowCells(toRowId)) {
        const QString src = source.value(k.mid(k.lastIndexOf(u'.') + 1));
        const Cell *now = m_rr.current.cell(k);
        if (src.isEmpty() || !now || now->state == Cell::State::Blank)
            continue;
        if (CellEditCommand::sameValue(*now, m_rr.current.cells.value(src, Cell::blank())))
            continue;
        out.append(
            {k, m_rr.current.tmpl ? RuleEngine::cellName(*m_rr.current.tmpl, k) : k, now->displayText()});
    }
    return out;
}

QString Review::rowIdOf(const QString &cellKey)
{
    return cellKey.left(cellKey.lastIndexOf(u'.'));
}

QStringList Review::rowCells(const QString &rowId) const
{
    const Template *t = m_rr.current.tmpl;
    const qsizetype dot = rowId.indexOf(u'.');
    if (!t || dot < 0)
        return {};
    const TableDef *td = t->table(QStringView(rowId).left(dot));
    if (!td)
        return {};
    const int ri = td->rowIndex(QStringView(rowId).mid(dot + 1));
    if (ri < 0 || !td->rowActive(td->rows[ri], m_rr.current.variant))
        return {};
    const RowDef &row = td->rows[ri];
    QStringList out;
    if (row.columns.isEmpty()) {
        for (const ColumnDef &c : td->columns)
            out.append(Template::cellKey(*td, row, c));
    } else {
        for (int ci : row.columns)
            out.append(Template::cellKey(*td, row, td->columns[ci]));
    }
    return out;
}

QStringList Review::tableRows(const QString &tableKey) const
{
    const Template *t = m_rr.current.tmpl;
    const TableDef *td = t ? t->table(tableKey) : nullptr;
    if (!td)
        return {};
    QStringList out;
    for (const RowDef &r : td->rows)
        if (td->rowActive(r, m_rr.current.variant))
            out.append(td->key + u'.' + r.key);
    return out;
}

bool Review::parseValue(const QString &key, const QString &text, Cell *out, QString *error) const
{
    const Template *t = m_rr.current.tmpl;
    const TableDef *td = nullptr;
    int r = -1, c = -1;
    if (!t || !t->splitKey(key, &td, &r, &c)) {
        if (error)
            *error = tr("This is not a cell of the report.");
        return false;
    }
    const ColumnDef &col = td->columns[c];
    const QString s = numberText(text);
    if (s.isEmpty()) {
        *out = Cell::blank();
        out->text = text;
        return true;
    }
    if (!numberPattern().match(s).hasMatch()) {
        if (error)
            *error = col.kind == ValueKind::Decimal
                         ? tr("Type a number, for example 12.5, or leave the cell blank.")
                         : tr("Type a whole number, or leave the cell blank.");
        return false;
    }
    if (s.startsWith(u'-') && !col.isSigned) {
        if (error)
            *error = tr("This cell cannot be negative.");
        return false;
    }
    if (col.kind == ValueKind::Count && s.contains(u'.')) {
        if (error)
            *error = tr("This cell counts items: type a whole number.");
        return false;
    }
    if (Limits::tooManyDigits(s)) {
        if (error)
            *error = tr("A number has at most %1 digits.").arg(Limits::MaxNumberDigits);
        return false;
    }
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok) {
        if (error)
            *error = tr("Type a number, or leave the cell blank.");
        return false;
    }
    *out = Cell::number(v, text.trimmed());
    return true;
}

CellTable Review::pasteCells(const QString &anchorKey, const QString &text, QString *error) const
{
    CellTable out;
    const Template *t = m_rr.current.tmpl;
    const TableDef *td = nullptr;
    int ar = -1, ac = -1;
    if (!t || !t->splitKey(anchorKey, &td, &ar, &ac)) {
        if (error)
            *error = tr("Select a cell of a table to paste into.");
        return out;
    }

    // The block: lines of tab-separated cells (a spreadsheet), else |- or space-separated values.
    QStringList lines = text.split(u'\n');
    for (QString &l : lines)
        if (l.endsWith(u'\r'))
            l.chop(1);
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    QList<QStringList> block;
    const bool tabs = text.contains(u'\t');
    for (const QString &l : std::as_const(lines)) {
        QStringList cells;
        if (tabs)
            cells = l.split(u'\t');
        else if (l.contains(u'|'))
            cells = l.split(u'|');
        else
            cells = l.simplified().split(u' ', Qt::SkipEmptyParts);
        if (!tabs && l.contains(u'|')) {
            while (!cells.isEmpty() && cells.first().trimmed().isEmpty())
                cells.removeFirst();
            while (!cells.isEmpty() && cells.last().trimmed().isEmpty())
                cells.removeLast();
        }
        block.append(cells);
    }
    if (block.isEmpty()) {
        if (error)
            *error = tr("There is nothing to paste.");
        return out;
    }

    auto valueOf = [](const QString &token) {
        const QString s = numberText(token);
        if (s.isEmpty())
            return Cell::blank();
        if (numberPattern().match(s).hasMatch())
            return Cell::number(s.toDouble(), token.trimmed());
        return Cell::textual(token.trimmed());
    };

    if (td->layout == TableLayout::SingleRow) {
        // The table is one printed row: the block fills it from the anchor on, line after line.
        QStringList keys;
        for (const QString &rowId : tableRows(td->key))
            keys += rowCells(rowId);
        qsizetype i = keys.indexOf(anchorKey);
        for (const QStringList &line : std::as_const(block))
            for (const QString &token : line)
                if (i >= 0 && i < keys.size())
                    out.insert(keys[i++], valueOf(token));
    } else {
        const QStringList rows = tableRows(td->key);
        const qsizetype r0 = rows.indexOf(rowIdOf(anchorKey));
        const qsizetype p = rowCells(rowIdOf(anchorKey)).indexOf(anchorKey);
        for (qsizetype i = 0; i < block.size() && r0 >= 0 && r0 + i < rows.size(); ++i) {
            const QStringList keys = rowCells(rows[r0 + i]);
            for (qsizetype j = 0; j < block[i].size(); ++j)
                if (p + j < keys.size())
                    out.insert(keys[p + j], valueOf(block[i][j]));
        }
    }
    if (out.isEmpty() && error)
        *error = tr("The block does not fit from this cell on.");
    return out;
}

bool Review::pushEdit(std::unique_ptr<CellEditCommand> cmd, QString *error, const QString &nothing)
{
    if (cmd->isEmpty()) {
        if (error)
            *error = nothing;
        return false;
    }
    // A reviewed or sent report changes only when the reviewer says so (the window asks).
    if (ReviewPolicy::editAsks(m_rr.status) && m_editGuard && !m_editGuard(*this)) {
        if (error)
            *error =
                tr("Nothing was changed: the report stays %1.").arg(ReviewPolicy::statusText(m_rr.status));
        return false;
    }
    m_undo.push(cmd.release());
    return true;
}

bool Review::setCell(const QString &key, const Cell &value, QString *error)
{
    if (!m_rr.current.tmpl || !m_rr.current.cellKeys().contains(key)) {
        if (error)
            *error = tr("This is not a cell of the report.");
        return false;
    }
    return pushEdit(std::make_unique<SetCellCommand>(this, key, value), error,
                    tr("The cell already holds this value."));
}

bool Review::setCellText(const QString &key, const QString &text, QString *error)
{
    Cell c;
    if (!parseValue(key, text, &c, error))
        return false;
    return setCell(key, c, error);
}

bool Review::clearCells(const QStringList &keys, QString *error)
{
    QStringList valid;
    const QStringList all = m_rr.current.cellKeys();
    for (const QString &k : keys)
        if (all.contains(k))
            valid.append(k);
    return pushEdit(std::make_unique<SetCellCommand>(this, valid), error, tr("The cells are blank already."));
}

bool Review::shiftRow(const QString &rowId, int direction, QString *error)
{
    if (rowCells(rowId).size() < 2 || (direction != 1 && direction != -1)) {
        if (error)
            *error = tr("This row has no values to shift.");
        return false;
    }
    return pushEdit(std::make_unique<ShiftRowCommand>(this, rowId, direction), error,
                    tr("The row is blank: nothing to shift."));
}

bool Review::moveRow(const QString &fromRowId, const QString &toRowId, QString *error)
{
    if (rowCells(fromRowId).isEmpty() || rowCells(toRowId).isEmpty() || fromRowId == toRowId ||
        fromRowId.section(u'.', 0, 0) != toRowId.section(u'.', 0, 0)) {
        if (error)
            *error = tr("Choose another row of the same table.");
        return false;
    }
    return pushEdit(std::make_unique<MoveRowCommand>(this, fromRowId, toRowId), error,
                    tr("The row is blank: nothing to move."));
}

bool Review::paste(const QString &anchorKey, const QString &text, QString *error)
{
    const CellTable cells = pasteCells(anchorKey, text, error);
    if (cells.isEmpty())
        return false;
    return pushEdit(std::make_unique<PasteCommand>(this, cells), error,
                    tr("The cells already hold these values."));
}

bool Review::revertCorrection(const Correction &correction, QString *error)
{
    if (!m_rr.current.tmpl || !m_rr.current.cellKeys().contains(correction.key)) {
        if (error)
            *error = tr("This is not a cell of the report.");
        return false;
    }
    // The note is pending before the command is made, as a typed one is.
    const QString typed = m_pendingNote;
    if (typed.isEmpty()) {
        const auto text = [](const Cell &c) {
            return c.state == Cell::State::Blank ? tr("blank") : c.displayText();
        };
        m_pendingNote = tr("Reverts %1 → %2 (%3, %4)")
                            .arg(text(correction.before), text(correction.after), correction.reviewer,
                                 localTimeText(correction.time, u"yyyy-MM-dd HH:mm"_s));
    }
    auto cmd = std::make_unique<RevertCommand>(this, correction);
    if (cmd->isEmpty()) {
        m_pendingNote = typed;
        if (error)
            *error = tr("The cell already holds the value it had before this correction.");
        return false;
    }
    if (!pushEdit(std::move(cmd), error, {})) {
        m_pendingNote = typed; // refused: the report stays as it was, and so does the note
        return false;
    }
    return true;
}

bool Review::acceptSuggestion(const Finding &finding, int n, QString *error)
{
    const QList<Suggestion> cells = Suggestions::proposal(finding, n);
    if (cells.isEmpty()) {
        if (error)
            *error = finding.noSuggestion.isEmpty()
                         ? tr("This finding has no proposal to accept.")
                         : Language::pick(finding.noSuggestion, finding.noSuggestionEn);
        return false;
    }
    const QStringList keys = m_rr.current.cellKeys();
    for (const Suggestion &s : cells)
        if (!keys.contains(s.cell)) {
            if (error)
                *error = tr("This is not a cell of the report.");
            return false;
        }
    // The note is pending before the command is made, as a typed one is.
    const QString typed = m_pendingNote;
    if (typed.isEmpty())
        m_pendingNote = tr("Accepts the proposal of %1: %2")
                            .arg(finding.rule, Language::pick(cells.first().why, cells.first().whyEn));
    auto cmd = std::make_unique<AcceptCommand>(this, cells);
    if (!pushEdit(std::move(cmd), error, tr("The cells already hold the values proposed."))) {
        m_pendingNote = typed; // refused: the report stays as it was, and so does the note
        return false;
    }
    return true;
}

int Review::apply(const QList<CellChange> &changes, const QString &action, const QString &note)
{
    if (changes.isEmpty())
        return 0;
    const int errorsBefore = errorCount();
    QStringList keys;
    for (const CellChange &c : changes) {
        m_rr.current.cells.insert(c.key, c.after);
        keys.append(c.key);
    }
    recheck();
    const int errorsAfter = errorCount();
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const qsizetype first = m_rr.corrections.size();
    for (const CellChange &c : changes) {
        Correction corr;
        corr.key = c.key;
        Cell none;
        none.start = -1;
        corr.extracted = m_rr.extracted.cells.value(c.key, none);
        corr.before = c.before.value_or(none);
        corr.after = c.after;
        corr.action = action;
        corr.reviewer = m_reviewer;
        corr.time = now.toUTC();
        corr.errorsBefore = errorsBefore;
        corr.errorsAfter = errorsAfter;
        corr.note = note;
        m_rr.corrections.append(corr);
    }
    if (m_rr.reviewer.isEmpty())
        m_rr.reviewer = m_reviewer;
    Q_EMIT cellsChanged(keys);
    Q_EMIT findingsChanged();
    for (qsizetype i = first; i < m_rr.corrections.size(); ++i)
        Q_EMIT correctionAdded(m_rr.corrections[i]);
    setStatus(ReviewPolicy::afterEdit(m_rr.status));
    return int(changes.size());
}

void Review::revert(const QList<CellChange> &changes, int recorded)
{
    QStringList keys;
    for (const CellChange &c : changes) {
        if (c.before)
            m_rr.current.cells.insert(c.key, *c.before);
        else
            m_rr.current.cells.remove(c.key);
        keys.append(c.key);
    }
    QList<Correction> removed;
    for (int i = 0; i < recorded && !m_rr.corrections.isEmpty(); ++i)
        removed.append(m_rr.corrections.takeLast());
    recheck();
    Q_EMIT cellsChanged(keys);
    Q_EMIT findingsChanged();
    for (const Correction &c : std::as_const(removed))
        Q_EMIT correctionRemoved(c);
}

} // namespace nianbao
