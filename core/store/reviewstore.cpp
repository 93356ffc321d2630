// ReviewStore: the database and its connection (SQLite file or PostgreSQL server), the error
// texts of the drivers, the small settings kept with the reviews.
#include "reviewstore.h"

#include "store/databaseurl.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

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
    if (ok && m_readOnly && m_backend == Backend::PostgreSQL)
        ok = execDirect(u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s, error, QT_TR_NOOP("open"));
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
    if (m_readOnly) {
        if (!fi.isFile()) {
            *error = tr("There is no review database at %1.").arg(m_location);
            return false;
        }
        if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
            *error = tr("The SQLite driver of Qt is not installed (Debian package libqt6sql6-sqlite).");
            return false;
        }
        QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        d.setDatabaseName(path);
        d.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_OPEN_READONLY"_s.arg(m_busyTimeoutMs));
        m_backend = Backend::SQLite;
        if (!d.open()) {
            *error = dbError(tr("open"), d.lastError().text(), d.lastError().nativeErrorCode());
            return false;
        }
        return true;
    }
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
