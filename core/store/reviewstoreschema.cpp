// ReviewStore: the schema, one migration step per version.
#include "reviewstore.h"

#include "store/transaction.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

/// The schema, one step per version, applied in order. A step never changes once released: a
/// database of version N is brought to the newest by the steps after N. %ID% is an
/// auto-numbered primary key in the dialect at hand.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> steps = {
        {1,
         {
             u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
             u"CREATE TABLE reports (id %ID%, content_hash TEXT NOT NULL UNIQUE, path TEXT, "
             u"unit TEXT, year TEXT, status TEXT NOT NULL DEFAULT 'new', reviewer TEXT, notes TEXT, "
             u"updated_at TEXT)"_s,
             u"CREATE TABLE corrections (id %ID%, report_id BIGINT NOT NULL REFERENCES reports(id), "
             u"cell_key TEXT NOT NULL, action TEXT, reviewer TEXT, changed_at TEXT, extracted TEXT, "
             u"before_value TEXT, after_value TEXT, note TEXT, errors_before INTEGER, "
             u"errors_after INTEGER)"_s,
         }},
        {2,
         {
             // cell versions for optimistic concurrency, undo marks, findings, the change log
             u"ALTER TABLE corrections ADD COLUMN findings_before TEXT"_s,
             u"ALTER TABLE corrections ADD COLUMN findings_after TEXT"_s,
             u"ALTER TABLE corrections ADD COLUMN undone_by TEXT"_s,
             u"ALTER TABLE corrections ADD COLUMN undone_at TEXT"_s,
             u"ALTER TABLE corrections ADD COLUMN version BIGINT NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE corrections ADD COLUMN revision BIGINT NOT NULL DEFAULT 0"_s,
             u"CREATE INDEX corrections_cell ON corrections (report_id, cell_key)"_s,
             u"UPDATE corrections SET version = (SELECT COUNT(*) FROM corrections c2 "
             u"WHERE c2.report_id = corrections.report_id AND c2.cell_key = corrections.cell_key "
             u"AND c2.id <= corrections.id)"_s,
             u"CREATE TABLE cells (report_id BIGINT NOT NULL REFERENCES reports(id), "
             u"cell_key TEXT NOT NULL, cell_value TEXT NOT NULL, version BIGINT NOT NULL, "
             u"reviewer TEXT, updated_at TEXT, PRIMARY KEY (report_id, cell_key))"_s,
             u"INSERT INTO cells (report_id, cell_key, cell_value, version, reviewer, updated_at) "
             u"SELECT c.report_id, c.cell_key, c.after_value, c.version, c.reviewer, c.changed_at "
             u"FROM corrections c WHERE c.id = (SELECT MAX(c3.id) FROM corrections c3 "
             u"WHERE c3.report_id = c.report_id AND c3.cell_key = c.cell_key)"_s,
             u"CREATE TABLE changes (revision %ID%, report_id BIGINT, kind TEXT NOT NULL, "
             u"cell_key TEXT, reviewer TEXT, client TEXT, changed_at TEXT NOT NULL)"_s,
         }},
        {3,
         {
             // the queue, the report summary it shows, settings
             u"ALTER TABLE reports ADD COLUMN template TEXT"_s,
             u"ALTER TABLE reports ADD COLUMN errors INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE reports ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0"_s,
             u"CREATE INDEX reports_path ON reports (path)"_s,
             u"CREATE TABLE queue_items (id %ID%, pos INTEGER NOT NULL, path TEXT NOT NULL UNIQUE, "
             u"folder TEXT NOT NULL, report_id BIGINT REFERENCES reports(id), added_at TEXT)"_s,
             u"CREATE INDEX queue_items_pos ON queue_items (pos)"_s,
             u"CREATE TABLE settings (name TEXT PRIMARY KEY, val TEXT)"_s,
         }},
        {4,
         {
             // the ids of the writes sent from an outbox: a write sent twice is applied once
             u"CREATE TABLE applied_writes (id TEXT PRIMARY KEY, written_at TEXT)"_s,
         }},
        {5,
         {
             // the reviewer's word on findings: confirmed, or dismissed with a reason
             u"CREATE TABLE dispositions (report_id BIGINT NOT NULL REFERENCES reports(id), "
             u"finding_key TEXT NOT NULL, rule TEXT, kind TEXT NOT NULL, reason TEXT, reviewer TEXT, "
             u"decided_at TEXT, revision BIGINT NOT NULL DEFAULT 0, "
             u"PRIMARY KEY (report_id, finding_key))"_s,
         }},
    };
    return steps;
}

} // namespace

bool ReviewStore::migrate(QString *error)
{
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    const bool pg = m_backend == Backend::PostgreSQL;
    QSqlQuery q(db());
    if (pg) {
        // one migrator at a time, even when several reviewers start together
        q.prepare(u"SELECT pg_advisory_xact_lock(780131)"_s);
        if (!exec(q, error, QT_TR_NOOP("lock the schema")))
            return false;
        q.prepare(u"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                  u"current_schema() AND table_name = 'schema_version'"_s);
    } else {
        q.prepare(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                  u"'schema_version'"_s);
    }
    if (!exec(q, error, QT_TR_NOOP("read the schema")) || !q.next())
        return false;
    int version = 0;
    if (q.value(0).toInt() > 0) {
        q.prepare(u"SELECT MAX(version) FROM schema_version"_s);
        if (!exec(q, error, QT_TR_NOOP("read the schema version")) || !q.next())
            return false;
        version = q.value(0).toInt();
    } else if (!pg) {
        q.prepare(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"_s);
        if (exec(q, error, QT_TR_NOOP("read the schema")) && q.next() && q.value(0).toInt() > 0) {
            *error = tr("%1 is not a Nianbao review database.").arg(m_location);
            return false;
        }
    }
    if (version > SchemaVersion) {
        *error = tr("The review database %1 was written by a newer version of Nianbao (schema %2; "
                    "this version reads up to %3). Update Nianbao or choose another database.")
                     .arg(m_location)
                     .arg(version)
                     .arg(SchemaVersion);
        return false;
    }
    if (m_readOnly && version != SchemaVersion) {
        *error = tr("The review database %1 has schema %2; this version reads %3. Open it once in "
                    "Nianbao to bring it up to date.")
                     .arg(m_location)
                     .arg(version)
                     .arg(SchemaVersion);
        return false;
    }
    if (version < SchemaVersion) {
        const QString id = pg ? u"BIGSERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s;
        for (const Migration &m : migrations()) {
            if (m.version <= version)
                continue;
            for (QString sql : m.statements) {
                sql.replace(u"%ID%"_s, id);
                if (!execDirect(sql, error, QT_TR_NOOP("update its schema")))
                    return false;
            }
        }
        q.prepare(u"DELETE FROM schema_version"_s);
        if (!exec(q, error, QT_TR_NOOP("update its schema")))
            return false;
        q.prepare(u"INSERT INTO schema_version (version) VALUES (?)"_s);
        q.addBindValue(SchemaVersion);
        if (!exec(q, error, QT_TR_NOOP("update its schema")))
            return false;
    }
    q.finish();
    if (!tx.commit())
        return false;
    m_schemaVersion = SchemaVersion;
    return true;
}

} // namespace nianbao
