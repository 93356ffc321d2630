// ReviewStore: the queue of open reports and what it shows of each report.
#include "reviewstore.h"

#include "store/storecodec.h"
#include "store/transaction.h"

#include <QFileInfo>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString likePattern(const QString &s)
{
    QString e = s.toLower();
    e.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + e + u'%';
}

QString placeholders(qsizetype n)
{
    QStringList l;
    for (qsizetype i = 0; i < n; ++i)
        l.append(u"?"_s);
    return l.join(u", ");
}

} // namespace

ReportSummary ReportSummary::of(const ReviewedReport &rr, const QString &path)
{
    ReportSummary s;
    s.contentHash = rr.contentHash;
    s.path = path;
    s.unit = rr.current.unit.isEmpty() ? rr.extracted.unit : rr.current.unit;
    s.year = rr.current.year.isEmpty() ? rr.extracted.year : rr.current.year;
    s.templateName = rr.current.tmpl ? rr.current.templateName() : rr.extracted.templateName();
    // a dismissed finding is explained: it is not left to deal with
    for (const Finding &f : rr.openFindings())
        ++(f.isError() ? s.errors : s.warnings);
    return s;
}

bool ReviewStore::registerReport(const ReviewedReport &rr, const QString &path, QString *error)
{
    return registerReports({ReportSummary::of(rr, path.isEmpty() ? rr.current.source : path)}, error);
}

bool ReviewStore::registerReports(const QList<ReportSummary> &reports, QString *error)
{
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(db());
    QSqlQuery link(db());
    for (const ReportSummary &s : reports) {
        if (s.contentHash.isEmpty()) {
            if (error)
                *error = tr("The report %1 has no content hash.").arg(s.path);
            return false;
        }
        const QString path = s.path.isEmpty() ? QString() : QFileInfo(s.path).absoluteFilePath();
        q.prepare(u"INSERT INTO reports (content_hash, path, unit, year, template, errors, warnings, "
                  u"status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?) "
                  u"ON CONFLICT (content_hash) DO UPDATE SET path = excluded.path, "
                  u"unit = excluded.unit, year = excluded.year, template = excluded.template, "
                  u"errors = excluded.errors, warnings = excluded.warnings"_s);
        q.addBindValue(s.contentHash);
        q.addBindValue(path);
        q.addBindValue(s.unit);
        q.addBindValue(s.year);
        q.addBindValue(s.templateName);
        q.addBindValue(s.errors);
        q.addBindValue(s.warnings);
        q.addBindValue(StoreCodec::nowText());
        if (!exec(q, error, QT_TR_NOOP("save a report")))
            return false;
        if (path.isEmpty())
            continue;
        link.prepare(u"UPDATE queue_items SET report_id = (SELECT id FROM reports WHERE "
                     u"content_hash = ?) WHERE path = ?"_s);
        link.addBindValue(s.contentHash);
        link.addBindValue(path);
        if (!exec(link, error, QT_TR_NOOP("save a report")))
            return false;
    }
    q.finish();
    link.finish();
    return tx.commit();
}

bool ReviewStore::addToQueue(const QStringList &paths, const QString &folder, QString *error)
{
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(db());
    q.prepare(u"SELECT COALESCE(MAX(pos), 0) FROM queue_items"_s);
    if (!exec(q, error, QT_TR_NOOP("read the queue")) || !q.next())
        return false;
    int pos = q.value(0).toInt();
    q.finish();
    const QString now = StoreCodec::nowText();
    for (const QString &p : paths) {
        const QFileInfo fi(p);
        const QString path = fi.absoluteFilePath();
        q.prepare(u"INSERT INTO queue_items (pos, path, folder, report_id, added_at) VALUES (?, ?, "
                  u"?, (SELECT MAX(id) FROM reports WHERE path = ?), ?) ON CONFLICT (path) DO "
                  u"NOTHING"_s);
        q.addBindValue(++pos);
        q.addBindValue(path);
        q.addBindValue(folder.isEmpty() ? fi.absolutePath() : folder);
        q.addBindValue(path);
        q.addBindValue(now);
        if (!exec(q, error, QT_TR_NOOP("add to the queue")))
            return false;
    }
    q.finish();
    if (logChange(0, u"queue"_s, {}, {}, error) < 0)
        return false;
    return tx.commit();
}

QString ReviewStore::queueWhere(const QueueFilter &f, QVariantList *binds) const
{
    QStringList where;
    if (!f.statuses.isEmpty()) {
        where.append(u"COALESCE(r.status, 'new') IN (%1)"_s.arg(placeholders(f.statuses.size())));
        for (ReviewStatus s : f.statuses)
            binds->append(reviewStatusName(s));
    }
    if (!f.search.trimmed().isEmpty()) {
        where.append(u"(LOWER(COALESCE(r.unit, '')) LIKE ? ESCAPE '\\' OR LOWER(q.path) LIKE ? "
                     u"ESCAPE '\\')"_s);
        binds->append(likePattern(f.search.trimmed()));
        binds->append(likePattern(f.search.trimmed()));
    }
    if (!f.year.isEmpty()) {
        where.append(u"r.year = ?"_s);
        binds->append(f.year);
    }
    if (f.withErrorsOnly)
        where.append(u"COALESCE(r.errors, 0) > 0"_s);
    return where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);
}

QList<QueueItem> ReviewStore::queue(const QueueFilter &filter, QString *error)
{
    QList<QueueItem> out;
    QVariantList binds;
    const QString where = queueWhere(filter, &binds);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT q.id, q.pos, q.path, q.folder, r.content_hash, r.unit, r.year, r.template, "
              u"COALESCE(r.status, 'new'), COALESCE(r.errors, 0), COALESCE(r.warnings, 0), "
              u"(SELECT COUNT(DISTINCT c.cell_key) FROM corrections c WHERE c.report_id = r.id AND "
              u"c.undone_at IS NULL), r.reviewer, r.updated_at FROM queue_items q LEFT JOIN "
              u"reports r ON r.id = q.report_id%1 ORDER BY q.pos, q.id"_s.arg(where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!exec(q, error, QT_TR_NOOP("read the queue")))
        return out;
    while (q.next()) {
        QueueItem it;
        it.id = q.value(0).toLongLong();
        it.position = q.value(1).toInt();
        it.path = q.value(2).toString();
        it.folder = q.value(3).toString();
        it.contentHash = q.value(4).toString();
        it.unit = q.value(5).toString();
        it.year = q.value(6).toString();
        it.templateName = q.value(7).toString();
        it.status = reviewStatusFromName(q.value(8).toString());
        it.errors = q.value(9).toInt();
        it.warnings = q.value(10).toInt();
        it.corrections = q.value(11).toInt();
        it.reviewer = q.value(12).toString();
        it.updated = StoreCodec::timeFromText(q.value(13).toString());
        out.append(it);
    }
    return out;
}

QueueCounts ReviewStore::queueCounts(const QueueFilter &filter, QString *error)
{
    QueueCounts counts;
    QVariantList binds;
    const QString where = queueWhere(filter, &binds);
    QSqlQuery q(db());
    q.prepare(u"SELECT COALESCE(r.status, 'new'), COUNT(*), SUM(CASE WHEN COALESCE(r.errors, 0) > 0 "
              u"THEN 1 ELSE 0 END), SUM(CASE WHEN EXISTS (SELECT 1 FROM corrections c WHERE "
              u"c.report_id = r.id AND c.undone_at IS NULL) THEN 1 ELSE 0 END) FROM queue_items q "
              u"LEFT JOIN reports r ON r.id = q.report_id%1 GROUP BY COALESCE(r.status, 'new')"_s.arg(where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!exec(q, error, QT_TR_NOOP("count the queue")))
        return counts;
    while (q.next()) {
        const int n = q.value(1).toInt();
        counts.byStatus[int(reviewStatusFromName(q.value(0).toString()))] += n;
        counts.total += n;
        counts.withErrors += q.value(2).toInt();
        counts.corrected += q.value(3).toInt();
    }
    return counts;
}

bool ReviewStore::removeFromQueue(const QList<qint64> &ids, QString *error)
{
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(db());
    for (qint64 id : ids) {
        q.prepare(u"DELETE FROM queue_items WHERE id = ?"_s);
        q.addBindValue(id);
        if (!exec(q, error, QT_TR_NOOP("change the queue")))
            return false;
    }
    q.finish();
    if (logChange(0, u"queue"_s, {}, {}, error) < 0)
        return false;
    return tx.commit();
}

} // namespace nianbao
