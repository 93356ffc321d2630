// ReviewStore: corrections and the audit trail, cell versions and conflicts, a review's state and
// notes, and restoring a saved review.
#include "reviewstore.h"

#include "store/storecodec.h"
#include "store/transaction.h"

#include <QLocale>
#include <QSqlQuery>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString seenKey(const QString &hash, const QString &key)
{
    return hash + u'\n' + key;
}

} // namespace

qint64 ReviewStore::reportId(const QString &hash, bool create, QString *error)
{
    if (hash.isEmpty()) {
        if (error)
            *error = tr("The report has no content hash.");
        return -1;
    }
    QSqlQuery q(db());
    q.prepare(u"SELECT id FROM reports WHERE content_hash = ?"_s);
    q.addBindValue(hash);
    if (!exec(q, error, QT_TR_NOOP("read a report")))
        return -1;
    if (q.next())
        return q.value(0).toLongLong();
    if (!create)
        return 0;
    q.prepare(u"INSERT INTO reports (content_hash, status, updated_at) VALUES (?, 'new', ?) "
              u"ON CONFLICT (content_hash) DO NOTHING"_s);
    q.addBindValue(hash);
    q.addBindValue(StoreCodec::nowText());
    if (!exec(q, error, QT_TR_NOOP("save a report")))
        return -1;
    q.prepare(u"SELECT id FROM reports WHERE content_hash = ?"_s);
    q.addBindValue(hash);
    if (!exec(q, error, QT_TR_NOOP("read a report")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool ReviewStore::writeCell(const QString &hash, const QString &key, const Cell &after, const QString &kind,
                            const QString &reviewer, qint64 expectedVersion,
                            const std::function<bool(qint64, qint64, qint64)> &audit, QString *error,
                            Conflict *conflict)
{
    if (expectedVersion < 0)
        expectedVersion = seenVersion(hash, key);
    const QString writeId = std::exchange(m_writeId, {});
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    bool repeat = false;
    if (!claimWriteId(writeId, &repeat, error) || repeat)
        return repeat; // a repeat is not applied again: rolled back
    const qint64 rid = reportId(hash, true, error);
    if (rid <= 0)
        return false;
    const qint64 version = expectedVersion + 1;
    QSqlQuery q(db());
    if (expectedVersion == 0) {
        q.prepare(u"INSERT INTO cells (report_id, cell_key, cell_value, version, reviewer, "
                  u"updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (report_id, cell_key) DO "
                  u"NOTHING"_s);
        q.addBindValue(rid);
        q.addBindValue(key);
        q.addBindValue(StoreCodec::cellToText(after));
        q.addBindValue(reviewer);
        q.addBindValue(StoreCodec::nowText());
    } else {
        q.prepare(u"UPDATE cells SET cell_value = ?, version = ?, reviewer = ?, updated_at = ? "
                  u"WHERE report_id = ? AND cell_key = ? AND version = ?"_s);
        q.addBindValue(StoreCodec::cellToText(after));
        q.addBindValue(version);
        q.addBindValue(reviewer);
        q.addBindValue(StoreCodec::nowText());
        q.addBindValue(rid);
        q.addBindValue(key);
        q.addBindValue(expectedVersion);
    }
    if (!exec(q, error, QT_TR_NOOP("save a cell")))
        return false;
    if (q.numRowsAffected() != 1) {
        q.finish();
        tx.rollback(); // what the others wrote is read outside of it
        Conflict c;
        c.contentHash = hash;
        c.key = key;
        c.expectedVersion = expectedVersion;
        if (const auto theirs = readCell(hash, key, nullptr))
            c.theirs = *theirs;
        else
            c.theirs.key = key;
        if (error)
            *error = tr("Cell %1 was changed by %2 at %3 (now %4) after you saw it; your change "
                        "was not saved. Look at their value and correct again if needed.")
                         .arg(key, c.theirs.reviewer.isEmpty() ? tr("another reviewer") : c.theirs.reviewer,
                              QLocale().toString(c.theirs.time.toLocalTime(), QLocale::ShortFormat),
                              c.theirs.cell.displayText());
        if (conflict)
            *conflict = c;
        return false;
    }
    q.finish();
    const qint64 revision = logChange(rid, kind, key, reviewer, error);
    if (revision < 0 || !audit(rid, version, revision))
        return false;
    if (!tx.commit())
        return false;
    m_seen.insert(seenKey(hash, key), version);
    return true;
}

bool ReviewStore::claimWriteId(const QString &id, bool *repeat, QString *error)
{
    if (id.isEmpty())
        return true;
    QSqlQuery q(db());
    q.prepare(u"INSERT INTO applied_writes (id, written_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"_s);
    q.addBindValue(id);
    q.addBindValue(StoreCodec::nowText());
    if (!exec(q, error, QT_TR_NOOP("save a correction")))
        return false;
    *repeat = q.numRowsAffected() == 0;
    m_lastWriteWasRepeat = *repeat;
    return true;
}

std::optional<StoredCell> ReviewStore::readCell(const QString &hash, const QString &key, QString *error)
{
    QSqlQuery q(db());
    q.prepare(u"SELECT c.cell_value, c.version, c.reviewer, c.updated_at FROM cells c "
              u"JOIN reports r ON r.id = c.report_id WHERE r.content_hash = ? AND c.cell_key = ?"_s);
    q.addBindValue(hash);
    q.addBindValue(key);
    if (!exec(q, error, QT_TR_NOOP("read a cell")) || !q.next())
        return std::nullopt;
    StoredCell sc;
    sc.key = key;
    sc.cell = StoreCodec::cellFromText(q.value(0).toString());
    sc.version = q.value(1).toLongLong();
    sc.reviewer = q.value(2).toString();
    sc.time = StoreCodec::timeFromText(q.value(3).toString());
    return sc;
}

bool ReviewStore::addCorrection(const QString &hash, const Correction &c, QString *error, Conflict *conflict,
                                qint64 expectedVersion, const QList<Finding> *findingsBefore,
                                const QList<Finding> *findingsAfter)
{
    return writeCell(
        hash, c.key, c.after, u"cell"_s, c.reviewer, expectedVersion,
        [&](qint64 rid, qint64 version, qint64 revision) {
            QSqlQuery q(db());
            q.prepare(u"INSERT INTO corrections (report_id, cell_key, action, reviewer, changed_at, "
                      u"extracted, before_value, after_value, note, errors_before, errors_after, "
                      u"findings_before, findings_after, version, revision) VALUES (?, ?, ?, ?, ?, "
                      u"?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
            q.addBindValue(rid);
            q.addBindValue(c.key);
            q.addBindValue(c.action);
            q.addBindValue(c.reviewer);
            q.addBindValue(
                StoreCodec::timeToText(c.time.isValid() ? c.time : QDateTime::currentDateTimeUtc()));
            q.addBindValue(StoreCodec::cellToText(c.extracted));
            q.addBindValue(StoreCodec::cellToText(c.before));
            q.addBindValue(StoreCodec::cellToText(c.after));
            q.addBindValue(c.note);
            q.addBindValue(c.errorsBefore);
            q.addBindValue(c.errorsAfter);
            q.addBindValue(findingsBefore ? StoreCodec::findingsToText(*findingsBefore) : QString());
            q.addBindValue(findingsAfter ? StoreCodec::findingsToText(*findingsAfter) : QString());
            q.addBindValue(version);
            q.addBindValue(revision);
            if (!exec(q, error, QT_TR_NOOP("save a correction")))
                return false;
            q.prepare(u"UPDATE reports SET errors = ?, updated_at = ? WHERE id = ?"_s);
            q.addBindValue(c.errorsAfter);
            q.addBindValue(StoreCodec::nowText());
            q.addBindValue(rid);
            return exec(q, error, QT_TR_NOOP("save a correction"));
        },
        error, conflict);
}

bool ReviewStore::undoCorrection(const QString &hash, const Correction &c, const QString &reviewer,
                                 QString *error, Conflict *conflict, qint64 expectedVersion)
{
    return writeCell(
        hash, c.key, c.before, u"undo"_s, reviewer, expectedVersion,
        [&](qint64 rid, qint64, qint64) {
            QSqlQuery q(db());
            q.prepare(u"UPDATE corrections SET undone_by = ?, undone_at = ? WHERE id = (SELECT "
                      u"MAX(id) FROM corrections WHERE report_id = ? AND cell_key = ? AND "
                      u"undone_at IS NULL)"_s);
            q.addBindValue(reviewer);
            q.addBindValue(StoreCodec::nowText());
            q.addBindValue(rid);
            q.addBindValue(c.key);
            if (!exec(q, error, QT_TR_NOOP("undo a correction")))
                return false;
            if (q.numRowsAffected() != 1) {
                if (error)
                    *error = tr("Cell %1 has no saved correction to undo.").arg(c.key);
                return false;
            }
            q.prepare(u"UPDATE reports SET errors = ?, updated_at = ? WHERE id = ?"_s);
            q.addBindValue(c.errorsBefore);
            q.addBindValue(StoreCodec::nowText());
            q.addBindValue(rid);
            return exec(q, error, QT_TR_NOOP("undo a correction"));
        },
        error, conflict);
}

bool ReviewStore::updateReport(const QString &hash, const QString &column, const QVariant &value,
                               const QString &kind, const QString &reviewer, QString *error)
{
    const QString writeId = std::exchange(m_writeId, {});
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    bool repeat = false;
    if (!claimWriteId(writeId, &repeat, error) || repeat)
        return repeat; // a repeat is not applied again: rolled back
    const qint64 rid = reportId(hash, true, error);
    if (rid <= 0)
        return false;
    QSqlQuery q(db());
    const bool setReviewer = kind == "status"_L1 && !reviewer.isEmpty();
    q.prepare(u"UPDATE reports SET %1 = ?, %2updated_at = ? WHERE id = ?"_s.arg(
        column, setReviewer ? u"reviewer = ?, "_s : QString()));
    q.addBindValue(value);
    if (setReviewer)
        q.addBindValue(reviewer);
    q.addBindValue(StoreCodec::nowText());
    q.addBindValue(rid);
    if (!exec(q, error, QT_TR_NOOP("save the review")) || logChange(rid, kind, {}, reviewer, error) < 0)
        return false;
    return tx.commit();
}

bool ReviewStore::setStatus(const QString &hash, ReviewStatus status, const QString &reviewer, QString *error)
{
    return updateReport(hash, u"status"_s, reviewStatusName(status), u"status"_s, reviewer, error);
}

bool ReviewStore::setNotes(const QString &hash, const QString &notes, const QString &reviewer, QString *error)
{
    return updateReport(hash, u"notes"_s, notes, u"notes"_s, reviewer, error);
}

bool ReviewStore::restore(ReviewedReport *rr, QString *error, bool *known)
{
    if (known)
        *known = false;
    QSqlQuery q(db());
    q.prepare(u"SELECT status, reviewer, notes FROM reports WHERE content_hash = ?"_s);
    q.addBindValue(rr->contentHash);
    if (!exec(q, error, QT_TR_NOOP("read a review")))
        return false;
    if (!q.next())
        return true;
    rr->status = reviewStatusFromName(q.value(0).toString());
    rr->reviewer = q.value(1).toString();
    rr->notes = q.value(2).toString();
    q.finish();
    QString err;
    const QList<Correction> list = corrections(rr->contentHash, &err);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return false;
    }
    const QList<StoredCell> cells = storedCells(rr->contentHash, &err);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return false;
    }
    const QList<Disposition> words = dispositions(rr->contentHash, &err);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return false;
    }
    rr->dispositions = words;
    rr->corrections = list;
    rr->current = rr->extracted;
    // the database's value of a cell is the one in effect, whoever wrote it last
    CellTable stored;
    for (const StoredCell &sc : cells)
        stored.insert(sc.key, sc.cell);
    for (const Correction &c : list)
        rr->current.cells.insert(c.key, stored.value(c.key, c.after));
    if (known)
        *known = true;
    return true;
}

QList<Correction> ReviewStore::corrections(const QString &hash, QString *error)
{
    QList<Correction> out;
    const QList<AuditEntry> all = auditTrail(hash, error);
    for (const AuditEntry &e : all)
        if (!e.undone)
            out.append(e.correction);
    return out;
}

QList<AuditEntry> ReviewStore::auditTrail(const QString &hash, QString *error)
{
    return readAudit(u"r.content_hash = ?"_s, {hash}, error);
}

QList<AuditEntry> ReviewStore::cellHistory(const QString &hash, const QString &key, QString *error)
{
    return readAudit(u"r.content_hash = ? AND c.cell_key = ?"_s, {hash, key}, error);
}

QList<AuditEntry> ReviewStore::readAudit(const QString &where, const QVariantList &binds, QString *error)
{
    QList<AuditEntry> out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT c.id, c.revision, c.version, r.content_hash, c.cell_key, c.action, "
              u"c.reviewer, c.changed_at, c.extracted, c.before_value, c.after_value, c.note, "
              u"c.errors_before, c.errors_after, c.findings_before, c.findings_after, c.undone_by, "
              u"c.undone_at FROM corrections c JOIN reports r ON r.id = c.report_id WHERE %1 "
              u"ORDER BY c.id"_s.arg(where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!exec(q, error, QT_TR_NOOP("read the audit trail")))
        return out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.revision = q.value(1).toLongLong();
        e.version = q.value(2).toLongLong();
        e.contentHash = q.value(3).toString();
        Correction &c = e.correction;
        c.key = q.value(4).toString();
        c.action = q.value(5).toString();
        c.reviewer = q.value(6).toString();
        c.time = StoreCodec::timeFromText(q.value(7).toString());
        c.extracted = StoreCodec::cellFromText(q.value(8).toString());
        c.before = StoreCodec::cellFromText(q.value(9).toString());
        c.after = StoreCodec::cellFromText(q.value(10).toString());
        c.note = q.value(11).toString();
        c.errorsBefore = q.value(12).toInt();
        c.errorsAfter = q.value(13).toInt();
        e.findingsBefore = StoreCodec::findingsFromText(q.value(14).toString());
        e.findingsAfter = StoreCodec::findingsFromText(q.value(15).toString());
        e.undoneBy = q.value(16).toString();
        e.undoneAt = StoreCodec::timeFromText(q.value(17).toString());
        e.undone = !q.value(17).isNull() && !q.value(17).toString().isEmpty();
        out.append(e);
    }
    return out;
}

QList<StoredCell> ReviewStore::storedCells(const QString &hash, QString *error)
{
    QList<StoredCell> out;
    QSqlQuery q(db());
    q.prepare(u"SELECT c.cell_key, c.cell_value, c.version, c.reviewer, c.updated_at FROM cells c "
              u"JOIN reports r ON r.id = c.report_id WHERE r.content_hash = ? ORDER BY c.cell_key"_s);
    q.addBindValue(hash);
    if (!exec(q, error, QT_TR_NOOP("read the cells")))
        return out;
    while (q.next()) {
        StoredCell sc;
        sc.key = q.value(0).toString();
        sc.cell = StoreCodec::cellFromText(q.value(1).toString());
        sc.version = q.value(2).toLongLong();
        sc.reviewer = q.value(3).toString();
        sc.time = StoreCodec::timeFromText(q.value(4).toString());
        m_seen.insert(seenKey(hash, sc.key), sc.version);
        out.append(sc);
    }
    return out;
}

std::optional<StoredCell> ReviewStore::storedCell(const QString &hash, const QString &key, QString *error)
{
    QString err;
    auto sc = readCell(hash, key, &err);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return std::nullopt;
    }
    m_seen.insert(seenKey(hash, key), sc ? sc->version : 0);
    return sc;
}

qint64 ReviewStore::seenVersion(const QString &hash, const QString &key) const
{
    return m_seen.value(seenKey(hash, key), 0);
}

} // namespace nianbao
