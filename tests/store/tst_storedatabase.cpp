// The review store's database: made on first start, migrated from older schemas, refused when
// newer or unusable with one clear sentence, a connection per thread, a server restart survived.
#include "storetesting.h"

#include "store/reviewstore.h"
#include "template/template.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

using namespace nianbao;
using namespace testutil;
using namespace Qt::Literals::StringLiterals;

namespace {

/// The schema as the first release wrote it (kept here on purpose: a copy of an old file).
QStringList schemaV1(bool pg)
{
    const QString id = pg ? u"BIGSERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s;
    return {
        u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
        u"CREATE TABLE reports (id %1, content_hash TEXT NOT NULL UNIQUE, path TEXT, unit TEXT, "
        u"year TEXT, status TEXT NOT NULL DEFAULT 'new', reviewer TEXT, notes TEXT, updated_at TEXT)"_s.arg(
            id),
        u"CREATE TABLE corrections (id %1, report_id BIGINT NOT NULL REFERENCES reports(id), "
        u"cell_key TEXT NOT NULL, action TEXT, reviewer TEXT, changed_at TEXT, extracted TEXT, "
        u"before_value TEXT, after_value TEXT, note TEXT, errors_before INTEGER, "
        u"errors_after INTEGER)"_s.arg(id),
        u"INSERT INTO schema_version (version) VALUES (1)"_s,
    };
}

} // namespace

class TestStoreDatabase : public QObject, private StoreDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(startDatabases(&problem), qPrintable(problem));
    }
    void cleanupTestCase() { stopDatabases(); }

    void defaultDatabaseIsMadeOnFirstStart();
    void olderSchemaIsMigrated_data() { backends(); }
    void olderSchemaIsMigrated();
    void newerSchemaIsRefused_data() { backends(); }
    void newerSchemaIsRefused();
    void badStatesGiveClearErrors_data();
    void badStatesGiveClearErrors();
    void lockedSqliteFileIsReported();
    void storesInThreadsUseConnectionsOfTheirOwn_data() { backends(); }
    void storesInThreadsUseConnectionsOfTheirOwn();
    void postgresRestartIsSurvived();
};

void TestStoreDatabase::defaultDatabaseIsMadeOnFirstStart()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString path = ReviewStore::defaultPath();
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QFile::remove(path);
    QFile::remove(path + u"-wal"_s);
    QFile::remove(path + u"-shm"_s);
    {
        ReviewStore store;
        QString error;
        QVERIFY2(store.open({}, &error), qPrintable(error));
        QCOMPARE(store.backend(), ReviewStore::Backend::SQLite);
        QCOMPARE(store.schemaVersion(), ReviewStore::SchemaVersion);
        QVERIFY(QFile::exists(path));
    }
    QString error;
    QVariant mode;
    QVERIFY2(rawExec(path, {u"PRAGMA journal_mode"_s}, &error, &mode), qPrintable(error));
    QCOMPARE(mode.toString(), u"wal"_s);
    QVariant version;
    QVERIFY(rawExec(path, {u"SELECT version FROM schema_version"_s}, &error, &version));
    QCOMPARE(version.toInt(), ReviewStore::SchemaVersion);
    QFile::remove(path);
    QFile::remove(path + u"-wal"_s);
    QFile::remove(path + u"-shm"_s);
}

void TestStoreDatabase::olderSchemaIsMigrated()
{
    FRESH_DATABASE(url);
    const bool pg = backend == kPostgres;
    const QString hash = ReviewStore::contentHash("a report of the first release");
    const QString k1 = u"t3.total.results.granted"_s;
    const QString k2 = u"t1.rules.issued"_s;
    auto cellText = [](double v) { return u"{\"state\":\"number\",\"value\":%1}"_s.arg(v); };
    QStringList sql = schemaV1(pg);
    sql << u"INSERT INTO reports (content_hash, path, unit, year, status, reviewer, notes) VALUES "
           u"('%1', '/old/report.txt', '旧单位', '2021', 'reviewed', '张', '旧备注')"_s.arg(hash);
    const QString insert =
        u"INSERT INTO corrections (report_id, cell_key, action, reviewer, changed_at, extracted, "
        u"before_value, after_value, note, errors_before, errors_after) VALUES (1, '%1', 'edit', "
        u"'张', '%2', '%3', '%4', '%5', '%6', 2, %7)"_s;
    sql << insert.arg(k1, u"2021-03-01T08:00:00.000Z"_s, cellText(1), cellText(1), cellText(2), u"first"_s)
               .arg(1);
    sql << insert.arg(k2, u"2021-03-01T08:01:00.000Z"_s, cellText(4), cellText(4), cellText(5), u"second"_s)
               .arg(1);
    sql << insert.arg(k1, u"2021-03-01T08:02:00.000Z"_s, cellText(1), cellText(2), cellText(3), u"third"_s)
               .arg(0);
    QString error;
    QVERIFY2(rawExec(url, sql, &error), qPrintable(error));

    ReviewStore store;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), ReviewStore::SchemaVersion);
    const QList<Correction> list = store.corrections(hash, &error);
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[2].note, u"third"_s);
    QCOMPARE(list[2].after.value, 3.0);
    QCOMPARE(list[0].time, QDateTime(QDate(2021, 3, 1), QTime(8, 0), Qt::UTC));
    const auto c1 = store.storedCell(hash, k1, &error);
    QVERIFY(c1.has_value());
    QCOMPARE(c1->version, 2);
    QCOMPARE(c1->cell.value, 3.0);
    QCOMPARE(store.storedCell(hash, k2)->version, 1);
    const QList<AuditEntry> history = store.cellHistory(hash, k1);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].version, 1);
    QCOMPARE(history[1].version, 2);

    // the migrated database is used as a new one
    Correction c;
    c.key = k1;
    c.before = c1->cell;
    c.after = Cell::number(4);
    c.reviewer = u"王"_s;
    QVERIFY2(store.addCorrection(hash, c, &error), qPrintable(error));
    QCOMPARE(store.storedCell(hash, k1)->version, 3);
    QVERIFY2(store.addToQueue({u"/old/report.txt"_s}, {}, &error), qPrintable(error));
    const QList<QueueItem> queue = store.queue();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().contentHash, hash);
    QCOMPARE(queue.first().status, ReviewStatus::Reviewed);
    QCOMPARE(queue.first().unit, u"旧单位"_s);
    QCOMPARE(queue.first().corrections, 2);
    store.close();

    QVariant version;
    QVERIFY(rawExec(url, {u"SELECT MAX(version) FROM schema_version"_s}, &error, &version));
    QCOMPARE(version.toInt(), ReviewStore::SchemaVersion);
}

void TestStoreDatabase::newerSchemaIsRefused()
{
    FRESH_DATABASE(url);
    QString error;
    {
        ReviewStore store;
        QVERIFY2(store.open(url, &error), qPrintable(error));
    }
    QVERIFY2(rawExec(url, {u"UPDATE schema_version SET version = 99"_s}, &error), qPrintable(error));
    ReviewStore store;
    QVERIFY(!store.open(url, &error));
    QVERIFY2(error.contains(u"newer version of Nianbao"_s) && error.contains(u"99"_s), qPrintable(error));
    QVERIFY(!store.isOpen());
    QVariant version;
    QVERIFY(rawExec(url, {u"SELECT MAX(version) FROM schema_version"_s}, &error, &version));
    QCOMPARE(version.toInt(), 99);
}

void TestStoreDatabase::badStatesGiveClearErrors_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a read-only SQLite file is refused") << u"readonly-file"_s << u"is read-only"_s;
    QTest::newRow("a SQLite file in a read-only folder is refused")
        << u"readonly-folder"_s << u"folder of the review database"_s;
    QTest::newRow("a file that is not a database is refused")
        << u"not-a-database"_s << u"is not a Nianbao review database"_s;
    QTest::newRow("a PostgreSQL server that is down is reported") << u"pg-down"_s << u"cannot be reached"_s;
    QTest::newRow("a wrong PostgreSQL password is reported")
        << u"pg-password"_s << u"refused the user name or password"_s;
}

void TestStoreDatabase::badStatesGiveClearErrors()
{
    QFETCH(QString, state);
    QFETCH(QString, expected);
    QString error;
    if (state.startsWith("pg-"_L1)) {
        if (m_pgMissing)
            QSKIP("PostgreSQL server binaries are not installed (Debian package postgresql)");
        QVERIFY2(!m_pgUrl.isEmpty(), qPrintable(m_pgProblem));
        QUrl u(m_pgUrl);
        if (state == "pg-down"_L1)
            u.setPort(1); // nothing listens there
        else
            u.setPassword(u"wrong-password"_s);
        ReviewStore store;
        QVERIFY(!store.open(u.toString(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(u"wrong-password"_s), "the password must not be shown");
        return;
    }

    const QString dir = m_tmp.filePath(u"bad-%1"_s.arg(state));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + u"/reviews.sqlite"_s;
    if (state == "not-a-database"_L1) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        ReviewStore store;
        QVERIFY(!store.open(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        return;
    }
    {
        ReviewStore store;
        QVERIFY2(store.open(path, &error), qPrintable(error));
    }
    const auto dirPerms = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                          QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const auto readWrite =
        readOnly | QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    QFile::setPermissions(path, state == "readonly-file"_L1 ? readOnly : readWrite);
    if (state == "readonly-folder"_L1)
        QFile::setPermissions(dir, dirPerms);
    else
        QFile::setPermissions(dir, dirPerms | QFileDevice::WriteOwner);
    // as root every file is writable: the store is opened by an ordinary user then
    QProcess p;
    const QStringList cmd = helperCommand({u"open"_s, path}, true);
    p.start(cmd.first(), cmd.mid(1));
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    QFile::setPermissions(dir, dirPerms | QFileDevice::WriteOwner);
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(out.startsWith("error "_L1) && out.contains(expected), qPrintable(out));
}

void TestStoreDatabase::lockedSqliteFileIsReported()
{
    const QString dir = m_tmp.filePath(u"locked"_s);
    QDir().mkpath(dir);
    const QString path = dir + u"/reviews.sqlite"_s;
    ReviewStore store;
    store.setBusyTimeout(200);
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    const QString hash = ReviewStore::contentHash("locked");
    Correction c;
    c.key = u"t3.total.results.granted"_s;
    c.after = Cell::number(1);
    c.reviewer = u"甲"_s;

    {
        // another program holds the write lock
        QSqlDatabase other = rawDatabase(path, u"locker"_s);
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY(q.exec(u"INSERT INTO settings (name, val) VALUES ('x', 'y')"_s));

        QVERIFY(!store.addCorrection(hash, c, &error));
        QVERIFY2(error.contains(u"is locked by another program"_s), qPrintable(error));
        ReviewStore late;
        late.setBusyTimeout(200);
        QVERIFY(!late.open(path, &error));
        QVERIFY2(error.contains(u"is locked by another program"_s), qPrintable(error));

        QVERIFY(q.exec(u"ROLLBACK"_s));
        q.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(u"locker"_s);
    QVERIFY2(store.addCorrection(hash, c, &error), qPrintable(error));
    QCOMPARE(store.corrections(hash).size(), 1);
}

void TestStoreDatabase::storesInThreadsUseConnectionsOfTheirOwn()
{
    FRESH_DATABASE(url);
    const QString hash = ReviewStore::contentHash("threads");
    const QStringList keys = Template::t2021()->cellKeys();
    constexpr int threads = 4;
    constexpr int each = 15;
    QList<QString> errors(threads);
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers.append(QThread::create([&, t] {
            ReviewStore store;
            if (!store.open(url, &errors[t]))
                return;
            for (int i = 0; i < each; ++i) {
                Correction c;
                c.key = keys[t * each + i];
                c.after = Cell::number(t * 100 + i);
                c.reviewer = u"线程%1"_s.arg(t);
                if (!store.addCorrection(hash, c, &errors[t]))
                    return;
            }
        }));
        workers.last()->start();
    }
    for (QThread *w : workers) {
        QVERIFY(w->wait(120000));
        delete w;
    }
    for (const QString &e : errors)
        QVERIFY2(e.isEmpty(), qPrintable(e));
    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    const QList<StoredCell> cells = store.storedCells(hash, &error);
    QCOMPARE(cells.size(), threads * each);
    for (const StoredCell &c : cells) {
        const qsizetype i = keys.indexOf(c.key);
        QCOMPARE(c.cell.value, double((i / each) * 100 + i % each));
        QCOMPARE(c.reviewer, u"线程%1"_s.arg(i / each));
    }
}

void TestStoreDatabase::postgresRestartIsSurvived()
{
    if (m_pgMissing)
        QSKIP("PostgreSQL server binaries are not installed (Debian package postgresql)");
    if (m_pgDir.isEmpty())
        QSKIP("the server given in NIANBAO_TEST_PG_URL is not restarted by the test");
    QVERIFY2(!m_pgUrl.isEmpty(), qPrintable(m_pgProblem));
    const QString url = freshDatabase(kPostgres);
    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    store.watchChanges(true);
    const QString hash = ReviewStore::contentHash("restart");
    Correction c;
    c.key = u"t3.total.results.granted"_s;
    c.after = Cell::number(1);
    c.reviewer = u"甲"_s;
    QVERIFY2(store.addCorrection(hash, c, &error), qPrintable(error));

    QProcess p;
    p.start(u"bash"_s, {QStringLiteral(NIANBAO_PG_CLUSTER_SCRIPT), u"restart"_s, m_pgDir});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

    c.before = c.after;
    c.after = Cell::number(2);
    QVERIFY2(store.addCorrection(hash, c, &error), qPrintable(error));
    QCOMPARE(store.corrections(hash).size(), 2);
    // and it hears others again
    QSignalSpy spy(&store, &ReviewStore::changesAvailable);
    ReviewStore other;
    QVERIFY2(other.open(url, &error), qPrintable(error));
    QVERIFY(other.setStatus(hash, ReviewStatus::Reviewed, u"乙"_s, &error));
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() > 0, 10000);
}

QTEST_GUILESS_MAIN(TestStoreDatabase)
#include "tst_storedatabase.moc"
