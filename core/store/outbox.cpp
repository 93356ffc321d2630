#include "outbox.h"

#include "store/storecodec.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

constexpr int OutboxVersion = 1;
QAtomicInt s_outboxCounter;

const QStringList &schema()
{
    static const QStringList statements = {
        u"CREATE TABLE IF NOT EXISTS entries (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL "
        u"UNIQUE, target TEXT NOT NULL, kind TEXT NOT NULL, content_hash TEXT, cell_key TEXT, "
        u"expected_version INTEGER NOT NULL DEFAULT 0, reviewer TEXT, payload TEXT NOT NULL, "
        u"created_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'waiting', theirs TEXT, reason TEXT)"_s,
        u"CREATE INDEX IF NOT EXISTS entries_target ON entries (target, seq)"_s,
        u"CREATE TABLE IF NOT EXISTS known_reports (target TEXT NOT NULL, content_hash TEXT NOT NULL, "
        u"snapshot TEXT NOT NULL, saved_at TEXT, PRIMARY KEY (target, content_hash))"_s,
        u"CREATE TABLE IF NOT EXISTS known_values (target TEXT NOT NULL, name TEXT NOT NULL, val TEXT, "
        u"PRIMARY KEY (target, name))"_s,
    };
    return statements;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

QJsonObject correctionToJson(const Correction &c)
{
    QJsonObject o;
    o.insert("key"_L1, c.key);
    o.insert("extracted"_L1, StoreCodec::cellToText(c.extracted));
    o.insert("before"_L1, StoreCodec::cellToText(c.before));
    o.insert("after"_L1, StoreCodec::cellToText(c.after));
    o.insert("action"_L1, c.action);
    o.insert("reviewer"_L1, c.reviewer);
    o.insert("time"_L1, StoreCodec::timeToText(c.time));
    o.insert("note"_L1, c.note);
    o.insert("errorsBefore"_L1, c.errorsBefore);
    o.insert("errorsAfter"_L1, c.errorsAfter);
    return o;
}

Correction correctionFromJson(const QJsonObject &o)
{
    Correction c;
    c.key = o.value("key"_L1).toString();
    c.extracted = StoreCodec::cellFromText(o.value("extracted"_L1).toString());
    c.before = StoreCodec::cellFromText(o.value("before"_L1).toString());
    c.after = StoreCodec::cellFromText(o.value("after"_L1).toString());
    c.action = o.value("action"_L1).toString();
    c.reviewer = o.value("reviewer"_L1).toString();
    c.time = StoreCodec::timeFromText(o.value("time"_L1).toString());
    c.note = o.value("note"_L1).toString();
    c.errorsBefore = o.value("errorsBefore"_L1).toInt();
    c.errorsAfter = o.value("errorsAfter"_L1).toInt();
    return c;
}

QJsonObject storedCellToJson(const StoredCell &sc)
{
    QJsonObject o;
    o.insert("key"_L1, sc.key);
    o.insert("cell"_L1, StoreCodec::cellToText(sc.cell));
    o.insert("version"_L1, sc.version);
    o.insert("reviewer"_L1, sc.reviewer);
    o.insert("time"_L1, StoreCodec::timeToText(sc.time));
    return o;
}

StoredCell storedCellFromJson(const QJsonObject &o)
{
    StoredCell sc;
    sc.key = o.value("key"_L1).toString();
    sc.cell = StoreCodec::cellFromText(o.value("cell"_L1).toString());
    sc.version = o.value("version"_L1).toInteger();
    sc.reviewer = o.value("reviewer"_L1).toString();
    sc.time = StoreCodec::timeFromText(o.value("time"_L1).toString());
    return sc;
}

QJsonObject dispositionToJson(const Disposition &d)
{
    QJsonObject o;
    o.insert("finding"_L1, d.finding);
    o.insert("rule"_L1, d.rule);
    o.insert("kind"_L1, d.kindName());
    o.insert("reason"_L1, d.reason);
    o.insert("reviewer"_L1, d.reviewer);
    o.insert("time"_L1, StoreCodec::timeToText(d.time));
    return o;
}

Disposition dispositionFromJson(const QJsonObject &o)
{
    Disposition d;
    d.finding = o.value("finding"_L1).toString();
    d.rule = o.value("rule"_L1).toString();
    d.kind = Disposition::kindFromName(o.value("kind"_L1).toString());
    d.reason = o.value("reason"_L1).toString();
    d.reviewer = o.value("reviewer"_L1).toString();
    d.time = StoreCodec::timeFromText(o.value("time"_L1).toString());
    return d;
}

bool isDisposition(OutboxEntry::Kind k)
{
    return k == OutboxEntry::Kind::Disposition || k == OutboxEntry::Kind::DispositionRemove;
}

QString payloadOf(const OutboxEntry &e)
{
    QJsonObject o;
    if (e.touchesCell())
        o.insert("correction"_L1, correctionToJson(e.correction));
    if (e.kind == OutboxEntry::Kind::Status)
        o.insert("status"_L1, reviewStatusName(e.status));
    if (isDisposition(e.kind))
        o.insert("disposition"_L1, dispositionToJson(e.disposition));
    if (!e.text.isEmpty() || e.kind == OutboxEntry::Kind::Notes)
        o.insert("text"_L1, e.text);
    if (!e.path.isEmpty())
        o.insert("path"_L1, e.path);
    if (e.kind == OutboxEntry::Kind::Register) {
        QJsonObject s;
        s.insert("path"_L1, e.summary.path);
        s.insert("unit"_L1, e.summary.unit);
        s.insert("year"_L1, e.summary.year);
        s.insert("template"_L1, e.summary.templateName);
        s.insert("errors"_L1, e.summary.errors);
        s.insert("warnings"_L1, e.summary.warnings);
        o.insert("summary"_L1, s);
    }
    return compact(o);
}

} // namespace

QString OutboxEntry::kindName(Kind k)
{
    switch (k) {
    case Kind::Cell:
        return u"cell"_s;
    case Kind::Undo:
        return u"undo"_s;
    case Kind::Status:
        return u"status"_s;
    case Kind::Notes:
        return u"notes"_s;
    case Kind::Register:
        return u"register"_s;
    case Kind::QueueAdd:
        return u"queue_add"_s;
    case Kind::QueueRemove:
        return u"queue_remove"_s;
    case Kind::Disposition:
        return u"disposition"_s;
    case Kind::DispositionRemove:
        return u"disposition_remove"_s;
    }
    return {};
}

OutboxEntry::Kind OutboxEntry::kindFromName(QStringView name)
{
    for (Kind k : {Kind::Cell, Kind::Undo, Kind::Status, Kind::Notes, Kind::Register, Kind::QueueAdd,
                   Kind::QueueRemove, Kind::Disposition, Kind::DispositionRemove})
        if (kindName(k) == name)
            return k;
    return Kind::Cell;
}

Outbox::Outbox() = default;

Outbox::~Outbox()
{
    close();
}

QString Outbox::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"outbox.sqlite"_s);
}

bool Outbox::isOpen() const
{
    return !m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen();
}

QString Outbox::sqlError(const char *what, const QString &text) const
{
    return tr("The outbox %1 on this computer could not %2: %3")
        .arg(QDir::toNativeSeparators(m_path), tr(what), text.simplified());
}

bool Outbox::open(const QString &rawPath, QString *error)
{
    close();
    m_path = QFileInfo(rawPath.isEmpty() ? defaultPath() : rawPath).absoluteFilePath();
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = tr("Cannot make the folder %1 for the outbox.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    const int n = s_outboxCounter.fetchAndAddRelaxed(1) + 1;
    m_connection = u"nianbao-outbox-%1"_s.arg(n);
    m_cacheConnection = u"nianbao-outbox-cache-%1"_s.arg(n);
    for (const QString &name : {m_connection, m_cacheConnection}) {
        QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        d.setDatabaseName(m_path);
        d.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!d.open()) {
            *error = sqlError(QT_TR_NOOP("open"), d.lastError().text());
            close();
            return false;
        }
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // WAL + synchronous=FULL: an entry is on disk before the reviewer sees it counted.
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next() ||
        q.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0 ||
        !q.exec(u"PRAGMA synchronous=FULL"_s) || !q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        *error = sqlError(QT_TR_NOOP("open"), q.lastError().text());
        close();
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > OutboxVersion) {
        *error = tr("The outbox %1 was written by a newer version of Nianbao; it is left as it is.")
                     .arg(QDir::toNativeSeparators(m_path));
        close();
        return false;
    }
    for (const QString &sql : schema())
        if (!exec(m_connection, sql, {}, error, QT_TR_NOOP("update its schema"))) {
            close();
            return false;
        }
    if (!exec(m_connection, u"PRAGMA user_version = %1"_s.arg(OutboxVersion), {}, error,
              QT_TR_NOOP("update its schema"))) {
        close();
        return false;
    }
    QSqlQuery c(QSqlDatabase::database(m_cacheConnection, false));
    c.exec(u"PRAGMA synchronous=NORMAL"_s);
    return true;
}

void Outbox::close()
{
    for (QString *name : {&m_connection, &m_cacheConnection}) {
        if (name->isEmpty())
            continue;
        {
            QSqlDatabase d = QSqlDatabase::database(*name, false);
            if (d.isValid())
                d.close();
        }
        QSqlDatabase::removeDatabase(*name);
        name->clear();
    }
}

bool Outbox::exec(const QString &connection, const QString &sql, const QVariantList &binds, QString *error,
                  const char *what) const
{
    if (connection.isEmpty()) {
        if (error)
            *error = tr("The outbox is not open.");
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (q.exec())
        return true;
    if (error)
        *error = sqlError(what, q.lastError().text());
    return false;
}

bool Outbox::add(OutboxEntry *e, QString *error)
{
    if (e->id.isEmpty())
        e->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!e->created.isValid())
        e->created = QDateTime::currentDateTimeUtc();
    e->state = OutboxEntry::State::Waiting;
    // one statement, one synced transaction
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO entries (id, target, kind, content_hash, cell_key, expected_version, "
              u"reviewer, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq"_s);
    q.addBindValue(e->id);
    q.addBindValue(e->target);
    q.addBindValue(OutboxEntry::kindName(e->kind));
    q.addBindValue(e->contentHash);
    q.addBindValue(e->key);
    q.addBindValue(e->expectedVersion);
    q.addBindValue(e->reviewer);
    q.addBindValue(payloadOf(*e));
    q.addBindValue(StoreCodec::timeToText(e->created));
    if (m_connection.isEmpty() || !q.exec() || !q.next()) {
        if (error)
            *error = m_connection.isEmpty() ? tr("The outbox is not open.")
                                            : sqlError(QT_TR_NOOP("keep a change"), q.lastError().text());
        return false;
    }
    e->seq = q.value(0).toLongLong();
    return true;
}

QList<OutboxEntry> Outbox::entries(const QString &target, QString *error) const
{
    QList<OutboxEntry> out;
    if (m_connection.isEmpty())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT seq, id, kind, content_hash, cell_key, expected_version, reviewer, payload, "
              u"created_at, state, theirs, reason FROM entries WHERE target = ? ORDER BY seq"_s);
    q.addBindValue(target);
    if (!q.exec()) {
        if (error)
            *error = sqlError(QT_TR_NOOP("read its changes"), q.lastError().text());
        return out;
    }
    while (q.next()) {
        OutboxEntry e;
        e.seq = q.value(0).toLongLong();
        e.id = q.value(1).toString();
        e.target = target;
        e.kind = OutboxEntry::kindFromName(q.value(2).toString());
        e.contentHash = q.value(3).toString();
        e.key = q.value(4).toString();
        e.expectedVersion = q.value(5).toLongLong();
        e.reviewer = q.value(6).toString();
        const QJsonObject p = parse(q.value(7).toString());
        if (e.touchesCell())
            e.correction = correctionFromJson(p.value("correction"_L1).toObject());
        e.status = reviewStatusFromName(p.value("status"_L1).toString());
        if (isDisposition(e.kind))
            e.disposition = dispositionFromJson(p.value("disposition"_L1).toObject());
        e.text = p.value("text"_L1).toString();
        e.path = p.value("path"_L1).toString();
        const QJsonObject s = p.value("summary"_L1).toObject();
        e.summary.contentHash = e.contentHash;
        e.summary.path = s.value("path"_L1).toString();
        e.summary.unit = s.value("unit"_L1).toString();
        e.summary.year = s.value("year"_L1).toString();
        e.summary.templateName = s.value("template"_L1).toString();
        e.summary.errors = s.value("errors"_L1).toInt();
        e.summary.warnings = s.value("warnings"_L1).toInt();
        e.created = StoreCodec::timeFromText(q.value(8).toString());
        e.state = q.value(9).toString() == "conflict"_L1 ? OutboxEntry::State::Conflict
                                                         : OutboxEntry::State::Waiting;
        if (!q.value(10).toString().isEmpty())
            e.theirs = storedCellFromJson(parse(q.value(10).toString()));
        e.reason = q.value(11).toString();
        out.append(e);
    }
    return out;
}

int Outbox::count(const QString &target, OutboxEntry::State state) const
{
    if (m_connection.isEmpty())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT COUNT(*) FROM entries WHERE target = ? AND state = ?"_s);
    q.addBindValue(target);
    q.addBindValue(state == OutboxEntry::State::Conflict ? u"conflict"_s : u"waiting"_s);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Outbox::remove(const QString &id, QString *error)
{
    return exec(m_connection, u"DELETE FROM entries WHERE id = ?"_s, {id}, error,
                QT_TR_NOOP("remove a sent change"));
}

bool Outbox::hold(const QString &id, const StoredCell &theirs, const QString &reason, QString *error)
{
    return exec(m_connection, u"UPDATE entries SET state = 'conflict', theirs = ?, reason = ? WHERE id = ?"_s,
                {theirs.key.isEmpty() ? QString() : compact(storedCellToJson(theirs)), reason, id}, error,
                QT_TR_NOOP("keep a change"));
}

bool Outbox::release(const QString &id, qint64 expectedVersion, QString *error)
{
    return exec(m_connection,
                u"UPDATE entries SET state = 'waiting', expected_version = ?, theirs = NULL, reason = NULL "
                u"WHERE id = ?"_s,
                {expectedVersion, id}, error, QT_TR_NOOP("keep a change"));
}

bool Outbox::saveKnown(const QString &target, const KnownReport &r, QString *error)
{
    QJsonObject o;
    o.insert("status"_L1, reviewStatusName(r.status));
    o.insert("reviewer"_L1, r.reviewer);
    o.insert("notes"_L1, r.notes);
    QJsonArray corrections;
    for (const Correction &c : r.corrections)
        corrections.append(correctionToJson(c));
    o.insert("corrections"_L1, corrections);
    QJsonArray cells;
    for (const StoredCell &sc : r.cells)
        cells.append(storedCellToJson(sc));
    o.insert("cells"_L1, cells);
    QJsonArray dispositions;
    for (const Disposition &d : r.dispositions)
        dispositions.append(dispositionToJson(d));
    o.insert("dispositions"_L1, dispositions);
    return exec(m_cacheConnection,
                u"INSERT INTO known_reports (target, content_hash, snapshot, saved_at) VALUES (?, ?, ?, ?) "
                u"ON CONFLICT (target, content_hash) DO UPDATE SET snapshot = excluded.snapshot, "
                u"saved_at = excluded.saved_at"_s,
                {target, r.contentHash, compact(o), StoreCodec::timeToText(QDateTime::currentDateTimeUtc())},
                error, QT_TR_NOOP("keep what is known of a report"));
}

std::optional<KnownReport> Outbox::known(const QString &target, const QString &hash) const
{
    if (m_cacheConnection.isEmpty())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_cacheConnection, false));
    q.prepare(u"SELECT snapshot, saved_at FROM known_reports WHERE target = ? AND content_hash = ?"_s);
    q.addBindValue(target);
    q.addBindValue(hash);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QJsonObject o = parse(q.value(0).toString());
    KnownReport r;
    r.contentHash = hash;
    r.status = reviewStatusFromName(o.value("status"_L1).toString());
    r.reviewer = o.value("reviewer"_L1).toString();
    r.notes = o.value("notes"_L1).toString();
    for (const QJsonValue &v : o.value("corrections"_L1).toArray())
        r.corrections.append(correctionFromJson(v.toObject()));
    for (const QJsonValue &v : o.value("cells"_L1).toArray())
        r.cells.append(storedCellFromJson(v.toObject()));
    for (const QJsonValue &v : o.value("dispositions"_L1).toArray())
        r.dispositions.append(dispositionFromJson(v.toObject()));
    r.saved = StoreCodec::timeFromText(q.value(1).toString());
    return r;
}

bool Outbox::setKnownValue(const QString &target, const QString &name, const QString &value, QString *error)
{
    return exec(m_cacheConnection,
                u"INSERT INTO known_values (target, name, val) VALUES (?, ?, ?) ON CONFLICT (target, name) "
                u"DO UPDATE SET val = excluded.val"_s,
                {target, name, value}, error, QT_TR_NOOP("keep what is known of the queue"));
}

QString Outbox::knownValue(const QString &target, const QString &name) const
{
    if (m_cacheConnection.isEmpty())
        return {};
    QSqlQuery q(QSqlDatabase::database(m_cacheConnection, false));
    q.prepare(u"SELECT val FROM known_values WHERE target = ? AND name = ?"_s);
    q.addBindValue(target);
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

} // namespace nianbao
