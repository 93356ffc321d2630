// ReviewStore: the reviewer's word on findings (confirmed, dismissed with a reason), one row per
// finding of a report, each write its own transaction and a line of the change log.
#include "reviewstore.h"

#include "store/storecodec.h"
#include "store/transaction.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

bool ReviewStore::writeDisposition(const QString &hash, const Disposition &d, bool remove,
                                   const QString &reviewer, QString *error)
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
    const qint64 revision = logChange(rid, u"disposition"_s, d.finding, reviewer, error);
    if (revision < 0)
        return false;
    QSqlQuery q(db());
    if (remove) {
        q.prepare(u"DELETE FROM dispositions WHERE report_id = ? AND finding_key = ?"_s);
        q.addBindValue(rid);
        q.addBindValue(d.finding);
    } else {
        q.prepare(u"INSERT INTO dispositions (report_id, finding_key, rule, kind, reason, reviewer, "
                  u"decided_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, "
                  u"finding_key) DO UPDATE SET rule = excluded.rule, kind = excluded.kind, reason = "
                  u"excluded.reason, reviewer = excluded.reviewer, decided_at = excluded.decided_at, "
                  u"revision = excluded.revision"_s);
        q.addBindValue(rid);
        q.addBindValue(d.finding);
        q.addBindValue(d.rule);
        q.addBindValue(d.kindName());
        q.addBindValue(d.reason);
        q.addBindValue(d.reviewer);
        q.addBindValue(StoreCodec::timeToText(d.time.isValid() ? d.time : QDateTime::currentDateTimeUtc()));
        q.addBindValue(revision);
    }
    if (!exec(q, error,
              remove ? QT_TR_NOOP("clear a finding's disposition")
                     : QT_TR_NOOP("save a finding's disposition")))
        return false;
    q.prepare(u"UPDATE reports SET updated_at = ? WHERE id = ?"_s);
    q.addBindValue(StoreCodec::nowText());
    q.addBindValue(rid);
    if (!exec(q, error, QT_TR_NOOP("save a finding's disposition")))
        return false;
    q.finish();
    return tx.commit();
}

bool ReviewStore::setDisposition(const QString &hash, const Disposition &d, QString *error)
{
    return writeDisposition(hash, d, false, d.reviewer, error);
}

bool ReviewStore::removeDisposition(const QString &hash, const Disposition &d, const QString &reviewer,
                                    QString *error)
{
    return writeDisposition(hash, d, true, reviewer, error);
}

QList<Disposition> ReviewStore::dispositions(const QString &hash, QString *error)
{
    QList<Disposition> out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT d.finding_key, d.rule, d.kind, d.reason, d.reviewer, d.decided_at FROM "
              u"dispositions d JOIN reports r ON r.id = d.report_id WHERE r.content_hash = ? ORDER BY "
              u"d.revision, d.finding_key"_s);
    q.addBindValue(hash);
    if (!exec(q, error, QT_TR_NOOP("read the dispositions of findings")))
        return out;
    while (q.next()) {
        Disposition d;
        d.finding = q.value(0).toString();
        d.rule = q.value(1).toString();
        d.kind = Disposition::kindFromName(q.value(2).toString());
        d.reason = q.value(3).toString();
        d.reviewer = q.value(4).toString();
        d.time = StoreCodec::timeFromText(q.value(5).toString());
        out.append(d);
    }
    return out;
}

} // namespace nianbao
