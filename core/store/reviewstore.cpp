#include "reviewstore.h"

#include "rules/ruleengine.h"
#include "store/databaseurl.h"
#include "store/storecodec.h"
#include "store/transaction.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

const QString kChannel = u"nianbao_changes"_s;

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
    };
    return steps;
}

QString seenKey(const QString &hash, const QString &key)
{
    return hash + u'\n' + key;
}

QString nowText()
{
    return StoreCodec::timeToText(QDateTime::currentDateTimeUtc());
}

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

QAtomicInt s_connectionCounter;

} // namespace

ReviewStore::ReviewStore(QObject *parent)
    : QObject(parent), m_clientId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

ReviewStore::~ReviewStore()
{
    close();
}

QString ReviewStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"reviews.sqlite"_s);
}

QString ReviewStore::contentHash(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString ReviewStore::fileHash(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return {};
    }
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

QSqlDatabase ReviewStore::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool ReviewStore::isOpen() const
{
    return m_backend != Backend::None && db().isOpen();
}

bool ReviewStore::open(const QString &urlOrPath, QString *error)
{
    close();
    m_lastFailure = Failure::None;
    m_connection = u"nianbao-store-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1) + 1);
    bool ok = false;
    const QString s = urlOrPath.trimmed();
    if (s.startsWith("postgresql://"_L1) || s.startsWith("postgres://"_L1)) {
        ok = connectPostgres(s, error);
    } else if (s.startsWith("sqlite:"_L1) || s.startsWith("file:"_L1)) {
        const QUrl url(s);
        ok = connectSqlite(url.path(), error);
    } else {
        ok = connectSqlite(s.isEmpty() ? defaultPath() : s, error);
    }
    if (ok)
        ok = migrate(error);
    if (!ok) {
        close();
        return false;
    }
    m_polledRevision = latestRevision();
    return true;
}

void ReviewStore::close()
{
    if (m_pollTimer) {
        m_pollTimer->stop();
        delete m_pollTimer;
        m_pollTimer = nullptr;
    }
    if (!m_connection.isEmpty()) {
        {
            QSqlDatabase d = db();
            if (d.isValid()) {
                if (d.driver())
                    d.driver()->disconnect(this);
                d.close();
            }
        }
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
    }
    m_backend = Backend::None;
    m_schemaVersion = 0;
    m_seen.clear();
}

bool ReviewStore::connectSqlite(const QString &rawPath, QString *error)
{
    const QString path = QFileInfo(rawPath).absoluteFilePath();
    m_location = QDir::toNativeSeparators(path);
    const QFileInfo fi(path);
    QDir dir = fi.absoluteDir();
    if (!dir.exists() && !QDir().mkpath(dir.path())) {
        *error = tr("Cannot make the folder %1 for the review database.")
                     .arg(QDir::toNativeSeparators(dir.path()));
        return false;
    }
    if (fi.exists() && !fi.isWritable()) {
        *error = tr("The review database %1 is read-only: corrections could not be saved. "
                    "Make it writable or choose another database.")
                     .arg(m_location);
        return false;
    }
    if (!QFileInfo(dir.path()).isWritable()) {
        *error = tr("The folder of the review database %1 is read-only: the database needs to "
                    "write its journal there. Make it writable or choose another database.")
                     .arg(m_location);
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        *error = tr("The SQLite driver of Qt is not installed (Debian package libqt6sql6-sqlite).");
        return false;
    }
    QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    d.setDatabaseName(path);
    d.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_busyTimeoutMs));
    m_backend = Backend::SQLite;
    if (!d.open()) {
        *error = dbError(tr("open"), d.lastError().text(), d.lastError().nativeErrorCode());
        return false;
    }
    QSqlQuery q(d);
    // WAL: readers never block the writer; synchronous=FULL: a commit is on disk (the WAL is
    // synced) before the call returns, so even a power cut loses no saved correction. An fsync per
    // correction costs milliseconds at the pace a reviewer types.
    // Switching a new file to WAL takes a lock the busy handler does not wait for: retry while
    // another process is making the same file.
    QDeadlineTimer deadline(m_busyTimeoutMs);
    while (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next()) {
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if ((code != 5 && code != 6) || deadline.hasExpired()) {
            *error = dbError(tr("open"), q.lastError().text(), q.lastError().nativeErrorCode());
            return false;
        }
        q.finish();
        QThread::msleep(20);
    }
    if (q.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0) {
        *error = tr("The review database %1 cannot use write-ahead logging (journal mode %2).")
                     .arg(m_location, q.value(0).toString());
        return false;
    }
    q.finish();
    if (!q.exec(u"PRAGMA synchronous=FULL"_s) || !q.exec(u"PRAGMA foreign_keys=ON"_s)) {
        *error = dbError(tr("open"), q.lastError().text(), q.lastError().nativeErrorCode());
        return false;
    }
    return true;
}

bool ReviewStore::connectPostgres(const QString &urlText, QString *error)
{
    const QUrl url(urlText);
    const QString host = url.host().isEmpty() ? u"localhost"_s : url.host();
    const int port = url.port(5432);
    QString database = url.path();
    if (database.startsWith(u'/'))
        database.remove(0, 1);
    m_location = DatabaseUrl::location(urlText);
    if (!url.isValid() || database.isEmpty()) {
        *error = tr("%1 is not a PostgreSQL address; write postgresql://user:password@host:port/"
                    "database.")
                     .arg(m_location);
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = tr("The PostgreSQL driver of Qt is not installed (Debian package "
                    "libqt6sql6-psql).");
        return false;
    }
    QSqlDatabase d = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connection);
    d.setHostName(host);
    d.setPort(port);
    d.setDatabaseName(database);
    d.setUserName(url.userName());
    d.setPassword(url.password());
    QStringList options = {u"connect_timeout=5"_s};
    for (const auto &[k, v] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        options.append(k + u'=' + v);
    d.setConnectOptions(options.join(u';'));
    m_backend = Backend::PostgreSQL;
    if (!d.open()) {
        *error = dbError(tr("open"), d.lastError().text(), d.lastError().nativeErrorCode());
        return false;
    }
    QSqlQuery q(d);
    q.exec(u"SET client_min_messages TO warning"_s);
    return true;
}

QString ReviewStore::dbError(const QString &what, const QString &driverText, const QString &code) const
{
    const QString text = driverText.simplified();
    m_lastFailure = Failure::Other;
    if (m_backend == Backend::SQLite) {
        const int primary = code.toInt() & 0xff;
        if (primary == 5 || primary == 6 || text.contains("database is locked"_L1))
            return tr("The review database %1 is locked by another program; close the other "
                      "program (or the other Nianbao window) and try again.")
                .arg(m_location);
        if (primary == 8 || text.contains("readonly"_L1) || text.contains("read-only"_L1))
            return tr("The review database %1 is read-only: corrections could not be saved. "
                      "Make it writable or choose another database.")
                .arg(m_location);
        if (primary == 26 || text.contains("not a database"_L1))
            return tr("%1 is not a Nianbao review database.").arg(m_location);
        if (primary == 13)
            return tr("The disk of the review database %1 is full.").arg(m_location);
        if (primary == 14)
            return tr("The review database %1 cannot be opened.").arg(m_location);
        return tr("The review database %1 could not %2: %3").arg(m_location, what, text);
    }
    if (m_backend == Backend::PostgreSQL) {
        if (code == "28P01"_L1 || code == "28000"_L1 || text.contains("password authentication failed"_L1) ||
            text.contains("no password supplied"_L1)) {
            m_lastFailure = Failure::Refused;
            return tr("The PostgreSQL server at %1 refused the user name or password.").arg(m_location);
        }
        if (code == "3D000"_L1 || (text.contains("database"_L1) && text.contains("does not exist"_L1)))
            return tr("The PostgreSQL server has no database named as in %1.").arg(m_location);
        if (code.startsWith("08"_L1) || text.contains("could not connect"_L1) ||
            text.contains("Connection refused"_L1) || text.contains("connection to server"_L1) ||
            text.contains("server closed the connection"_L1) ||
            text.contains("no connection to the server"_L1) || text.contains("timeout"_L1) ||
            code.startsWith("57P0"_L1) || text.contains("terminating connection"_L1) ||
            text.contains("shutting down"_L1) || text.contains("starting up"_L1)) {
            m_lastFailure = Failure::Unreachable;
            return tr("The PostgreSQL server at %1 cannot be reached (is it running?): %2")
                .arg(m_location, text);
        }
        return tr("The PostgreSQL database %1 could not %2: %3").arg(m_location, what, text);
    }
    return tr("The review database could not %1: %2").arg(what, text);
}

bool ReviewStore::exec(QSqlQuery &q, QString *error, const char *what)
{
    if (q.exec())
        return true;
    if (error)
        *error = dbError(tr(what), q.lastError().text(), q.lastError().nativeErrorCode());
    return false;
}

bool ReviewStore::execDirect(const QString &sql, QString *error, const char *what)
{
    // statements PostgreSQL cannot prepare (transactions, DDL) go as they are
    QSqlQuery q(db());
    if (q.exec(sql))
        return true;
    if (error)
        *error = dbError(tr(what), q.lastError().text(), q.lastError().nativeErrorCode());
    return false;
}

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
    q.addBindValue(nowText());
    if (!exec(q, error, QT_TR_NOOP("save a report")))
        return -1;
    q.prepare(u"SELECT id FROM reports WHERE content_hash = ?"_s);
    q.addBindValue(hash);
    if (!exec(q, error, QT_TR_NOOP("read a report")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

qint64 ReviewStore::logChange(qint64 reportId, const QString &kind, const QString &key,
                              const QString &reviewer, QString *error)
{
    QSqlQuery q(db());
    if (m_backend == Backend::PostgreSQL) {
        // Revisions must become visible in their order, or a reader polling "after N" could
        // miss one committed late: hold the log until this transaction ends.
        q.prepare(u"SELECT pg_advisory_xact_lock(780132)"_s);
        if (!exec(q, error, QT_TR_NOOP("log a change")))
            return -1;
    }
    q.prepare(u"INSERT INTO changes (report_id, kind, cell_key, reviewer, client, changed_at) "
              u"VALUES (?, ?, ?, ?, ?, ?) RETURNING revision"_s);
    q.addBindValue(reportId > 0 ? QVariant(reportId) : QVariant());
    q.addBindValue(kind);
    q.addBindValue(key);
    q.addBindValue(reviewer);
    q.addBindValue(m_clientId);
    q.addBindValue(nowText());
    if (!exec(q, error, QT_TR_NOOP("log a change")) || !q.next())
        return -1;
    const qint64 revision = q.value(0).toLongLong();
    q.finish();
    if (m_backend == Backend::PostgreSQL) {
        // delivered when the transaction commits
        QSqlQuery n(db());
        n.prepare(u"SELECT pg_notify(?, ?)"_s);
        n.addBindValue(kChannel);
        n.addBindValue(QString::number(revision));
        if (!exec(n, error, QT_TR_NOOP("announce a change")))
            return -1;
    }
    return revision;
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
        q.addBindValue(nowText());
    } else {
        q.prepare(u"UPDATE cells SET cell_value = ?, version = ?, reviewer = ?, updated_at = ? "
                  u"WHERE report_id = ? AND cell_key = ? AND version = ?"_s);
        q.addBindValue(StoreCodec::cellToText(after));
        q.addBindValue(version);
        q.addBindValue(reviewer);
        q.addBindValue(nowText());
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
    q.addBindValue(nowText());
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
            q.addBindValue(nowText());
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
            q.addBindValue(nowText());
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
            q.addBindValue(nowText());
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
    q.addBindValue(nowText());
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

bool ReviewStore::registerReport(const ReviewedReport &rr, const QString &path, QString *error)
{
    ReportSummary s;
    s.contentHash = rr.contentHash;
    s.path = path.isEmpty() ? rr.current.source : path;
    s.unit = rr.current.unit.isEmpty() ? rr.extracted.unit : rr.current.unit;
    s.year = rr.current.year.isEmpty() ? rr.extracted.year : rr.current.year;
    s.templateName = rr.current.tmpl ? rr.current.templateName() : rr.extracted.templateName();
    s.errors = RuleEngine::errorCount(rr.findings);
    s.warnings = RuleEngine::warningCount(rr.findings);
    return registerReports({s}, error);
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
        q.addBindValue(nowText());
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
    rr->corrections = list;
    rr->current = rr->extracted;
    // the database's value of a cell is the one in effect, whoever wrote it last
    QHash<QString, Cell> stored;
    for (const StoredCell &sc : cells)
        stored.insert(sc.key, sc.cell);
    for (const Correction &c : list)
        rr->current.cells.insert(c.key, stored.value(c.key, c.after));
    rr->findings = RuleEngine::check(rr->current);
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

QList<StoreChange> ReviewStore::changesSince(qint64 revision, QString *error)
{
    QList<StoreChange> out;
    QSqlQuery q(db());
    q.prepare(u"SELECT ch.revision, r.content_hash, ch.kind, ch.cell_key, ch.reviewer, "
              u"ch.changed_at, ch.client FROM changes ch LEFT JOIN reports r ON r.id = "
              u"ch.report_id WHERE ch.revision > ? ORDER BY ch.revision"_s);
    q.addBindValue(revision);
    if (!exec(q, error, QT_TR_NOOP("read the changes")))
        return out;
    while (q.next()) {
        StoreChange c;
        c.revision = q.value(0).toLongLong();
        c.contentHash = q.value(1).toString();
        c.kind = q.value(2).toString();
        c.key = q.value(3).toString();
        c.reviewer = q.value(4).toString();
        c.time = StoreCodec::timeFromText(q.value(5).toString());
        c.own = q.value(6).toString() == m_clientId;
        out.append(c);
    }
    return out;
}

qint64 ReviewStore::latestRevision(QString *error)
{
    QSqlQuery q(db());
    q.prepare(u"SELECT COALESCE(MAX(revision), 0) FROM changes"_s);
    if (!exec(q, error, QT_TR_NOOP("read the changes")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

void ReviewStore::watchChanges(bool on, int pollMs)
{
    if (m_backend == Backend::PostgreSQL) {
        QSqlDriver *driver = db().driver();
        if (!driver)
            return;
        if (on && !driver->subscribedToNotifications().contains(kChannel)) {
            driver->subscribeToNotification(kChannel);
            connect(driver, &QSqlDriver::notification, this,
                    [this](const QString &name) { onNotification(name); });
        } else if (!on) {
            driver->unsubscribeFromNotification(kChannel);
            driver->disconnect(this);
        }
        return;
    }
    if (!on) {
        delete m_pollTimer;
        m_pollTimer = nullptr;
        return;
    }
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &ReviewStore::poll);
    }
    m_polledRevision = latestRevision();
    m_pollTimer->start(pollMs);
}

void ReviewStore::onNotification(const QString &name)
{
    if (name == kChannel)
        Q_EMIT changesAvailable();
}

void ReviewStore::poll()
{
    const qint64 latest = latestRevision();
    if (latest > m_polledRevision) {
        m_polledRevision = latest;
        Q_EMIT changesAvailable();
    }
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
    const QString now = nowText();
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
    if (!f.folder.isEmpty()) {
        where.append(u"q.folder = ?"_s);
        binds->append(f.folder);
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

QStringList ReviewStore::queueFolders(QString *error)
{
    QStringList out;
    QSqlQuery q(db());
    q.prepare(u"SELECT folder, MIN(pos) FROM queue_items GROUP BY folder ORDER BY MIN(pos)"_s);
    if (!exec(q, error, QT_TR_NOOP("read the queue")))
        return out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
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

bool ReviewStore::moveInQueue(qint64 id, int newPosition, QString *error)
{
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(db());
    q.prepare(u"SELECT id FROM queue_items ORDER BY pos, id"_s);
    if (!exec(q, error, QT_TR_NOOP("read the queue")))
        return false;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    const qsizetype from = ids.indexOf(id);
    if (from < 0) {
        if (error)
            *error = tr("The report is no longer in the queue.");
        return false;
    }
    ids.move(from, std::clamp<qsizetype>(newPosition, 0, ids.size() - 1));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        q.prepare(u"UPDATE queue_items SET pos = ? WHERE id = ? AND pos <> ?"_s);
        q.addBindValue(int(i + 1));
        q.addBindValue(ids[i]);
        q.addBindValue(int(i + 1));
        if (!exec(q, error, QT_TR_NOOP("change the queue")))
            return false;
    }
    q.finish();
    if (logChange(0, u"queue"_s, {}, {}, error) < 0)
        return false;
    return tx.commit();
}

bool ReviewStore::clearQueue(QString *error)
{
    Transaction tx(this, error);
    if (!tx.isActive())
        return false;
    QSqlQuery q(db());
    q.prepare(u"DELETE FROM queue_items"_s);
    if (!exec(q, error, QT_TR_NOOP("change the queue")) || logChange(0, u"queue"_s, {}, {}, error) < 0)
        return false;
    q.finish();
    return tx.commit();
}

bool ReviewStore::setValue(const QString &key, const QString &value, QString *error)
{
    QSqlQuery q(db());
    q.prepare(u"INSERT INTO settings (name, val) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET "
              u"val = excluded.val"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    return exec(q, error, QT_TR_NOOP("save a setting"));
}

QString ReviewStore::value(const QString &key, const QString &fallback, QString *error)
{
    QSqlQuery q(db());
    q.prepare(u"SELECT val FROM settings WHERE name = ?"_s);
    q.addBindValue(key);
    if (!exec(q, error, QT_TR_NOOP("read a setting")) || !q.next())
        return fallback;
    return q.value(0).toString();
}

} // namespace nianbao
