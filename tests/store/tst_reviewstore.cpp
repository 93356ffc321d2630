// The review store against a real SQLite file and a real PostgreSQL server started for the run.
#include "pgcluster.h"

#include "pipeline/reportreader.h"
#include "review/correction.h"
#include "rules/ruleengine.h"
#include "store/reviewstore.h"
#include "template/template.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <unistd.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSqlite = u"sqlite"_s;
const QString kPostgres = u"postgresql"_s;

QStringList seedFiles()
{
    const QDir dir(QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/seeds"_s);
    QStringList out;
    for (const QString &f : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name))
        out.append(dir.filePath(f));
    return out;
}

QStringList realTextFiles()
{
    const QDir dir(QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/real"_s);
    QStringList out;
    for (const QString &f : dir.entryList({u"*.txt"_s, u"*.md"_s}, QDir::Files, QDir::Name))
        out.append(dir.filePath(f));
    return out;
}

ReviewedReport readReport(const QString &path)
{
    const ReadResult r = ReportReader::read(path);
    ReviewedReport rr = ReviewedReport::fromExtracted(r.report, r.findings);
    QString error;
    rr.contentHash = ReviewStore::fileHash(path, &error);
    return rr;
}

/// Changes a cell of rr as the review window does and returns the audit line for it.
Correction edit(ReviewedReport &rr, const QString &key, const Cell &after, const QString &reviewer,
                const QString &note, QList<Finding> *before = nullptr, QList<Finding> *afterF = nullptr)
{
    Correction c;
    c.key = key;
    c.extracted = rr.extracted.cells.value(key);
    c.before = rr.current.cells.value(key);
    c.after = after;
    c.action = after.state == Cell::State::Blank ? u"clear"_s : u"edit"_s;
    c.reviewer = reviewer;
    c.time = QDateTime::currentDateTimeUtc();
    c.note = note;
    const QList<Finding> fb = RuleEngine::check(rr.current);
    rr.current.cells.insert(key, after);
    const QList<Finding> fa = RuleEngine::check(rr.current);
    c.errorsBefore = RuleEngine::errorCount(fb);
    c.errorsAfter = RuleEngine::errorCount(fa);
    rr.findings = fa;
    rr.corrections.append(c);
    if (before)
        *before = fb;
    if (afterF)
        *afterF = fa;
    return c;
}

QString firstNumberKey(const Report &r, int skip = 0)
{
    for (const QString &k : r.cellKeys()) {
        const Cell *c = r.cell(k);
        if (c && c->isNumber() && skip-- == 0)
            return k;
    }
    return {};
}

QSqlDatabase rawDatabase(const QString &url, const QString &name)
{
    if (url.startsWith("postgresql://"_L1)) {
        const QUrl u(url);
        QSqlDatabase d = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        d.setHostName(u.host());
        d.setPort(u.port());
        d.setUserName(u.userName());
        d.setPassword(u.password());
        d.setDatabaseName(u.path().mid(1));
        return d;
    }
    QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    d.setDatabaseName(url);
    return d;
}

/// Runs statements on a connection of its own, as another program would.
bool rawExec(const QString &url, const QStringList &statements, QString *error, QVariant *lastValue = nullptr)
{
    static int n = 0;
    const QString name = u"raw-%1"_s.arg(++n);
    bool ok = true;
    {
        QSqlDatabase d = rawDatabase(url, name);
        if (!d.open()) {
            *error = d.lastError().text();
            ok = false;
        } else {
            QSqlQuery q(d);
            for (const QString &s : statements) {
                if (!q.exec(s)) {
                    *error = s + u": "_s + q.lastError().text();
                    ok = false;
                    break;
                }
                if (lastValue && q.next())
                    *lastValue = q.value(0);
            }
        }
        d.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

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

QStringList readLines(QProcess &p)
{
    QStringList out;
    while (p.canReadLine())
        out.append(QString::fromUtf8(p.readLine()).trimmed());
    return out;
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

} // namespace

class TestReviewStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void defaultDatabaseIsMadeOnFirstStart();
    void correctionsSurviveARestart_data() { backends(); }
    void correctionsSurviveARestart();
    void undoIsKeptInTheAuditTrail_data() { backends(); }
    void undoIsKeptInTheAuditTrail();
    void killedWriterLosesNothingCommitted_data() { backends(); }
    void killedWriterLosesNothingCommitted();
    void concurrentWritersNeverLoseAnUpdate_data() { backends(); }
    void concurrentWritersNeverLoseAnUpdate();
    void conflictingEditIsDetectedAndReported_data() { backends(); }
    void conflictingEditIsDetectedAndReported();
    void othersChangesAreAnnounced_data() { backends(); }
    void othersChangesAreAnnounced();
    void olderSchemaIsMigrated_data() { backends(); }
    void olderSchemaIsMigrated();
    void newerSchemaIsRefused_data() { backends(); }
    void newerSchemaIsRefused();
    void queueKeepsItsOrderAndState_data() { backends(); }
    void queueKeepsItsOrderAndState();
    void badStatesGiveClearErrors_data();
    void badStatesGiveClearErrors();
    void lockedSqliteFileIsReported();
    void postgresRestartIsSurvived();
    void storesInThreadsUseConnectionsOfTheirOwn_data() { backends(); }
    void storesInThreadsUseConnectionsOfTheirOwn();

private:
    void backends();
    QString freshDatabase(const QString &backend);
    QStringList helperCommand(const QStringList &args, bool asNobody) const;

    QTemporaryDir m_tmp;
    testutil::PgCluster m_pg;
    QString m_pgDir;
    QString m_pgUrl;
    QString m_pgProblem;
    bool m_pgMissing = false;
    int m_databases = 0;
};

// Every test that takes a backend starts with this: a fresh database, or a skip when the
// PostgreSQL server is not installed (and a failure when it is installed but does not start).
#define FRESH_DATABASE(url)                                                                                  \
    QFETCH(QString, backend);                                                                                \
    if (backend == kPostgres && m_pgMissing)                                                                 \
        QSKIP("PostgreSQL server binaries are not installed (Debian package postgresql)");                   \
    if (backend == kPostgres && m_pgUrl.isEmpty())                                                           \
        QFAIL(qPrintable(u"the PostgreSQL test cluster did not start: "_s + m_pgProblem));                   \
    const QString url = freshDatabase(backend);                                                              \
    QVERIFY2(!url.isEmpty(), "could not make a fresh database")

void TestReviewStore::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("on a SQLite file") << kSqlite;
    QTest::newRow("on a PostgreSQL server") << kPostgres;
}

void TestReviewStore::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // the helper may run as another user (read-only cases) and the cluster as nobody
    QFile::setPermissions(m_tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::ExeOther);
    QVERIFY(QFile::exists(QStringLiteral(NIANBAO_STORE_HELPER)));

    m_pg.start(m_tmp.filePath(u"pg"_s));
    m_pgUrl = m_pg.url();
    m_pgMissing = m_pg.missing();
    m_pgProblem = m_pg.problem();
    if (m_pg.controllable())
        m_pgDir = m_tmp.filePath(u"pg"_s);
}

void TestReviewStore::cleanupTestCase()
{
    m_pg.stop();
}

QString TestReviewStore::freshDatabase(const QString &backend)
{
    const int n = ++m_databases;
    if (backend == kSqlite) {
        const QString dir = m_tmp.filePath(u"db%1"_s.arg(n));
        QDir().mkpath(dir);
        return dir + u"/reviews.sqlite"_s;
    }
    const QString name = u"nianbao_test_%1"_s.arg(n);
    QString error;
    if (!rawExec(m_pgUrl, {u"CREATE DATABASE "_s + name}, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    QUrl u(m_pgUrl);
    u.setPath(u'/' + name);
    return u.toString();
}

QStringList TestReviewStore::helperCommand(const QStringList &args, bool asNobody) const
{
    QStringList cmd;
    if (asNobody && runningAsRoot())
        cmd << u"runuser"_s << u"-u"_s << u"nobody"_s << u"--"_s;
    cmd << QStringLiteral(NIANBAO_STORE_HELPER) << args;
    return cmd;
}

void TestReviewStore::defaultDatabaseIsMadeOnFirstStart()
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

void TestReviewStore::correctionsSurviveARestart()
{
    FRESH_DATABASE(url);
    const QString seed = seedFiles().first();
    const QString reviewer = u"王审校"_s;
    ReviewedReport rr = readReport(seed);
    QVERIFY(!rr.contentHash.isEmpty());
    const QString key1 = firstNumberKey(rr.current, 0);
    const QString key2 = firstNumberKey(rr.current, 1);
    QVERIFY(!key1.isEmpty() && !key2.isEmpty());
    const double newValue = rr.current.cell(key1)->value + 7;

    QList<Finding> findingsBefore, findingsAfter;
    {
        ReviewStore store;
        QString error;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        bool known = true;
        QVERIFY2(store.restore(&rr, &error, &known), qPrintable(error));
        QVERIFY(!known);
        QVERIFY2(store.registerReport(rr, seed, &error), qPrintable(error));
        const Correction c1 = edit(rr, key1, Cell::number(newValue, QString::number(newValue)), reviewer,
                                   u"与原件核对"_s, &findingsBefore, &findingsAfter);
        QVERIFY2(store.addCorrection(rr.contentHash, c1, &error, nullptr, ReviewStore::SeenVersion,
                                     &findingsBefore, &findingsAfter),
                 qPrintable(error));
        const Correction c2 = edit(rr, key2, Cell::blank(), reviewer, {});
        QVERIFY2(store.addCorrection(rr.contentHash, c2, &error), qPrintable(error));
        QVERIFY2(store.setStatus(rr.contentHash, ReviewStatus::InReview, reviewer, &error),
                 qPrintable(error));
        QVERIFY2(store.setNotes(rr.contentHash, u"第三张表待单位确认"_s, reviewer, &error),
                 qPrintable(error));
    }

    // a copy of the file, after a restart
    const QString copy = m_tmp.filePath(u"copy-%1.txt"_s.arg(m_databases));
    QVERIFY(QFile::copy(seed, copy));
    ReviewedReport again = readReport(copy);
    QCOMPARE(again.contentHash, rr.contentHash);
    QVERIFY(again.current.cell(key1)->value != newValue);

    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    // the store runs no rule: the findings it is given come back untouched
    Finding mark;
    mark.rule = u"TEST.UNTOUCHED"_s;
    again.findings = {mark};
    bool known = false;
    QVERIFY2(store.restore(&again, &error, &known), qPrintable(error));
    QVERIFY(known);
    QCOMPARE(again.findings.size(), 1);
    QCOMPARE(again.findings.first().rule, mark.rule);
    QCOMPARE(again.status, ReviewStatus::InReview);
    QCOMPARE(again.reviewer, reviewer);
    QCOMPARE(again.notes, u"第三张表待单位确认"_s);
    QCOMPARE(again.corrections.size(), 2);
    QCOMPARE(again.current.cell(key1)->value, newValue);
    QCOMPARE(again.current.cell(key2)->state, Cell::State::Blank);
    // checked by the caller, the restored report has the findings it had when it was left
    const QList<Finding> rechecked = RuleEngine::check(again.current);
    QCOMPARE(RuleEngine::errorCount(rechecked), RuleEngine::errorCount(rr.findings));
    QCOMPARE(rechecked.size(), rr.findings.size());

    const Correction &c = again.corrections.first();
    const Correction &orig = rr.corrections.first();
    QCOMPARE(c.key, key1);
    QCOMPARE(c.reviewer, reviewer);
    QCOMPARE(c.note, u"与原件核对"_s);
    QCOMPARE(c.action, u"edit"_s);
    QCOMPARE(c.time.toMSecsSinceEpoch(), orig.time.toMSecsSinceEpoch());
    QCOMPARE(c.before.value, orig.before.value);
    QCOMPARE(c.before.start, orig.before.start);
    QCOMPARE(c.extracted.text, orig.extracted.text);
    QCOMPARE(c.after.value, newValue);
    QCOMPARE(c.errorsBefore, orig.errorsBefore);
    QCOMPARE(c.errorsAfter, orig.errorsAfter);

    const QList<AuditEntry> trail = store.cellHistory(again.contentHash, key1, &error);
    QCOMPARE(trail.size(), 1);
    QCOMPARE(trail.first().findingsBefore.size(), findingsBefore.size());
    QCOMPARE(trail.first().findingsAfter.size(), findingsAfter.size());
    for (qsizetype i = 0; i < findingsAfter.size(); ++i) {
        QCOMPARE(trail.first().findingsAfter[i].rule, findingsAfter[i].rule);
        QCOMPARE(trail.first().findingsAfter[i].message, findingsAfter[i].message);
        QCOMPARE(trail.first().findingsAfter[i].difference, findingsAfter[i].difference);
    }
    QCOMPARE(store.auditTrail(again.contentHash).size(), 2);
}

void TestReviewStore::undoIsKeptInTheAuditTrail()
{
    FRESH_DATABASE(url);
    ReviewedReport rr = readReport(seedFiles().at(1));
    const QString key = firstNumberKey(rr.current);
    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    QVERIFY(store.restore(&rr, &error));
    const Correction c1 = edit(rr, key, Cell::number(11, u"11"_s), u"李"_s, {});
    const Correction c2 = edit(rr, key, Cell::number(12, u"12"_s), u"李"_s, {});
    QVERIFY2(store.addCorrection(rr.contentHash, c1, &error), qPrintable(error));
    QVERIFY2(store.addCorrection(rr.contentHash, c2, &error), qPrintable(error));
    QCOMPARE(store.seenVersion(rr.contentHash, key), 2);

    QVERIFY2(store.undoCorrection(rr.contentHash, c2, u"李"_s, &error), qPrintable(error));
    QCOMPARE(store.corrections(rr.contentHash).size(), 1);
    QCOMPARE(store.storedCell(rr.contentHash, key)->cell.value, 11.0);
    QList<AuditEntry> history = store.cellHistory(rr.contentHash, key);
    QCOMPARE(history.size(), 2);
    QVERIFY(!history[0].undone);
    QVERIFY(history[1].undone);
    QCOMPARE(history[1].undoneBy, u"李"_s);
    QVERIFY(history[1].undoneAt.isValid());

    // redo writes the correction again
    QVERIFY2(store.addCorrection(rr.contentHash, c2, &error), qPrintable(error));
    QCOMPARE(store.corrections(rr.contentHash).size(), 2);
    QCOMPARE(store.cellHistory(rr.contentHash, key).size(), 3);
    QCOMPARE(store.storedCell(rr.contentHash, key)->version, 4);

    // undo everything: the report is as extracted again
    QVERIFY(store.undoCorrection(rr.contentHash, c2, u"李"_s, &error));
    QVERIFY(store.undoCorrection(rr.contentHash, c1, u"李"_s, &error));
    ReviewedReport fresh = readReport(seedFiles().at(1));
    QVERIFY(store.restore(&fresh, &error));
    QVERIFY(fresh.corrections.isEmpty());
    QCOMPARE(fresh.current.cell(key)->value, fresh.extracted.cell(key)->value);
    QVERIFY(!store.undoCorrection(rr.contentHash, c1, u"李"_s, &error));
    QVERIFY(error.contains(u"no saved correction"_s));
}

void TestReviewStore::killedWriterLosesNothingCommitted()
{
    FRESH_DATABASE(url);
    // kill at different moments: early, while it runs, later
    const QList<int> moments = {1, 17, 60};
    for (int round = 0; round < moments.size(); ++round) {
        const QString hash =
            ReviewStore::contentHash(QByteArray("killed writer ") + QByteArray::number(round));
        QProcess p;
        const QStringList cmd = helperCommand({u"edit"_s, url, hash, u"100000"_s, u"writer"_s}, false);
        p.start(cmd.first(), cmd.mid(1));
        QVERIFY(p.waitForStarted());
        int committed = -1;
        QStringList seen;
        while (committed < moments[round]) {
            if (!p.canReadLine() && !p.waitForReadyRead(30000))
                break;
            for (const QString &line : readLines(p)) {
                seen.append(line);
                QVERIFY2(!line.startsWith("error"_L1), qPrintable(line));
                if (line.startsWith("committed "_L1))
                    committed = line.mid(10).toInt();
            }
        }
        QVERIFY2(committed >= moments[round], qPrintable(seen.join(u" | ")));
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        // what it printed before dying was committed before it printed
        const QString rest = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString &line : rest.split(u'\n', Qt::SkipEmptyParts))
            if (line.startsWith("committed "_L1))
                committed = std::max(committed, line.mid(10).toInt());

        ReviewStore store;
        QString error;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        const QList<AuditEntry> trail = store.auditTrail(hash, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // every printed one is there; at most one more was committed without being printed
        QVERIFY2(trail.size() == committed + 1 || trail.size() == committed + 2,
                 qPrintable(u"%1 committed, %2 stored"_s.arg(committed + 1).arg(trail.size())));
        for (int i = 0; i <= committed; ++i) {
            QCOMPARE(trail[i].correction.note, u"edit %1"_s.arg(i));
            QCOMPARE(trail[i].correction.after.value, double(i));
        }
        if (backend == kSqlite) {
            store.close();
            QVariant check;
            QVERIFY2(rawExec(url, {u"PRAGMA integrity_check"_s}, &error, &check), qPrintable(error));
            QCOMPARE(check.toString(), u"ok"_s);
        }
    }
}

void TestReviewStore::concurrentWritersNeverLoseAnUpdate()
{
    FRESH_DATABASE(url);
    const QString hash = ReviewStore::contentHash("two writers");
    const QString key = u"t3.total.results.granted"_s;
    const int each = 150;
    QProcess a, b;
    const QStringList ca =
        helperCommand({u"increment"_s, url, hash, key, QString::number(each), u"甲"_s}, false);
    const QStringList cb =
        helperCommand({u"increment"_s, url, hash, key, QString::number(each), u"乙"_s}, false);
    a.start(ca.first(), ca.mid(1));
    b.start(cb.first(), cb.mid(1));
    QVERIFY(a.waitForFinished(240000));
    QVERIFY(b.waitForFinished(240000));
    const QString outA = QString::fromUtf8(a.readAllStandardOutput()).trimmed();
    const QString outB = QString::fromUtf8(b.readAllStandardOutput()).trimmed();
    QVERIFY2(a.exitCode() == 0, qPrintable(outA));
    QVERIFY2(b.exitCode() == 0, qPrintable(outB));
    qInfo("%s: %s / %s", qPrintable(backend), qPrintable(outA), qPrintable(outB));

    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    const auto cell = store.storedCell(hash, key, &error);
    QVERIFY2(cell.has_value(), qPrintable(error));
    QCOMPARE(cell->cell.value, double(2 * each));
    QCOMPARE(cell->version, qint64(2 * each));
    const QList<AuditEntry> history = store.cellHistory(hash, key);
    QCOMPARE(history.size(), 2 * each);
    int byA = 0;
    for (int i = 0; i < history.size(); ++i) {
        QCOMPARE(history[i].version, qint64(i + 1));
        // the change log numbers the writes in the order they became visible
        QVERIFY(i == 0 || history[i].revision > history[i - 1].revision);
        QCOMPARE(history[i].correction.before.value, double(i));
        QCOMPARE(history[i].correction.after.value, double(i + 1));
        byA += history[i].correction.reviewer == u"甲"_s;
    }
    QCOMPARE(byA, each);
}

void TestReviewStore::conflictingEditIsDetectedAndReported()
{
    FRESH_DATABASE(url);
    const QString seed = seedFiles().at(2);
    ReviewStore first, second;
    QString error;
    QVERIFY2(first.open(url, &error), qPrintable(error));
    QVERIFY2(second.open(url, &error), qPrintable(error));
    ReviewedReport mine = readReport(seed);
    ReviewedReport theirs = readReport(seed);
    QVERIFY(first.restore(&mine, &error));
    QVERIFY(second.restore(&theirs, &error));
    const QString key = firstNumberKey(mine.current);

    QVERIFY2(first.addCorrection(mine.contentHash, edit(mine, key, Cell::number(5), u"甲"_s, {}), &error),
             qPrintable(error));
    Conflict conflict;
    QVERIFY(!second.addCorrection(theirs.contentHash, edit(theirs, key, Cell::number(7), u"乙"_s, {}), &error,
                                  &conflict));
    QCOMPARE(conflict.key, key);
    QCOMPARE(conflict.expectedVersion, 0);
    QCOMPARE(conflict.theirs.version, 1);
    QCOMPARE(conflict.theirs.cell.value, 5.0);
    QCOMPARE(conflict.theirs.reviewer, u"甲"_s);
    QVERIFY2(error.contains(u"甲"_s) && error.contains(u"not saved"_s), qPrintable(error));
    // nothing of the refused write is stored
    QCOMPARE(first.cellHistory(mine.contentHash, key).size(), 1);
    QCOMPARE(first.storedCell(mine.contentHash, key)->cell.value, 5.0);

    // the second reviewer sees the first's change, then corrects on top of it
    const QList<StoreChange> changes = second.changesSince(0, &error);
    QVERIFY(std::any_of(changes.begin(), changes.end(), [&](const StoreChange &c) {
        return !c.own && c.kind == u"cell"_s && c.key == key && c.reviewer == u"甲"_s;
    }));
    QCOMPARE(second.storedCell(theirs.contentHash, key)->cell.value, 5.0);
    QVERIFY2(
        second.addCorrection(theirs.contentHash, edit(theirs, key, Cell::number(7), u"乙"_s, {}), &error),
        qPrintable(error));
    // now the first one is behind
    QVERIFY(!first.addCorrection(mine.contentHash, edit(mine, key, Cell::number(9), u"甲"_s, {}), &error,
                                 &conflict));
    QCOMPARE(conflict.theirs.reviewer, u"乙"_s);
    QCOMPARE(conflict.theirs.version, 2);
    // stating the version seen explicitly overrides on purpose
    QVERIFY2(first.addCorrection(mine.contentHash, edit(mine, key, Cell::number(9), u"甲"_s, {}), &error,
                                 nullptr, conflict.theirs.version),
             qPrintable(error));
    QCOMPARE(second.storedCell(theirs.contentHash, key)->cell.value, 9.0);
}

void TestReviewStore::othersChangesAreAnnounced()
{
    FRESH_DATABASE(url);
    ReviewStore first, second;
    QString error;
    QVERIFY2(first.open(url, &error), qPrintable(error));
    QVERIFY2(second.open(url, &error), qPrintable(error));
    const qint64 start = second.latestRevision(&error);
    QSignalSpy spy(&second, &ReviewStore::changesAvailable);
    second.watchChanges(true, 50);
    const QString hash = ReviewStore::contentHash("announced");
    Correction c;
    c.key = u"t3.total.results.granted"_s;
    c.after = Cell::number(3);
    c.reviewer = u"甲"_s;
    QVERIFY2(first.addCorrection(hash, c, &error), qPrintable(error));
    QVERIFY2(first.setStatus(hash, ReviewStatus::Reviewed, u"甲"_s, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() > 0, 10000);
    const QList<StoreChange> changes = second.changesSince(start, &error);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0].kind, u"cell"_s);
    QCOMPARE(changes[0].key, c.key);
    QCOMPARE(changes[0].contentHash, hash);
    QVERIFY(!changes[0].own);
    QCOMPARE(changes[1].kind, u"status"_s);
    QCOMPARE(second.changesSince(changes[1].revision).size(), 0);
    QVERIFY(first.changesSince(start).first().own);
}

void TestReviewStore::olderSchemaIsMigrated()
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

void TestReviewStore::newerSchemaIsRefused()
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

void TestReviewStore::queueKeepsItsOrderAndState()
{
    FRESH_DATABASE(url);
    const QStringList seeds = seedFiles();
    const QStringList real = realTextFiles();
    QVERIFY(seeds.size() >= 3 && !real.isEmpty());
    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    QVERIFY2(store.addToQueue(seeds, {}, &error), qPrintable(error));
    QVERIFY2(store.addToQueue(real, u"第二批"_s, &error), qPrintable(error));
    QVERIFY2(store.addToQueue({seeds.first()}, {}, &error), qPrintable(error)); // already there
    const QStringList all = seeds + real;

    QList<ReviewedReport> reports;
    for (const QString &p : all) {
        ReviewedReport rr = readReport(p);
        QVERIFY2(store.registerReport(rr, p, &error), qPrintable(error));
        reports.append(rr);
    }
    QVERIFY(store.setStatus(reports[0].contentHash, ReviewStatus::Reviewed, u"甲"_s, &error));
    QVERIFY(store.setStatus(reports[1].contentHash, ReviewStatus::InReview, u"甲"_s, &error));
    QVERIFY(store.setStatus(reports[2].contentHash, ReviewStatus::Sent, u"乙"_s, &error));
    ReviewedReport &corrected = reports[1];
    QVERIFY(store.addCorrection(
        corrected.contentHash,
        edit(corrected, firstNumberKey(corrected.current), Cell::number(1), u"甲"_s, {}), &error));

    QList<QueueItem> items = store.queue({}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(items.size(), all.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        QCOMPARE(items[i].path, QFileInfo(all[i]).absoluteFilePath());
        QCOMPARE(items[i].contentHash, reports[i].contentHash);
        QCOMPARE(items[i].unit, reports[i].current.unit);
        QCOMPARE(items[i].year, reports[i].current.year);
        QCOMPARE(items[i].errors, RuleEngine::errorCount(reports[i].findings));
    }
    QCOMPARE(items[0].status, ReviewStatus::Reviewed);
    QCOMPARE(items[0].reviewer, u"甲"_s);
    QCOMPARE(items[1].corrections, 1);
    QCOMPARE(items[0].folder, QFileInfo(seeds.first()).absolutePath());
    QCOMPARE(items.last().folder, u"第二批"_s);

    // filters and search, checked against what was read from the files
    auto expected = [&](auto pred) {
        int n = 0;
        for (qsizetype i = 0; i < reports.size(); ++i)
            n += pred(i, reports[i]) ? 1 : 0;
        return n;
    };
    QueueFilter f;
    f.statuses = {ReviewStatus::New};
    QCOMPARE(store.queue(f).size(), all.size() - 3);
    f.statuses = {ReviewStatus::Reviewed, ReviewStatus::Sent};
    QCOMPARE(store.queue(f).size(), 2);
    f = {};
    f.withErrorsOnly = true;
    const int withErrors =
        expected([&](qsizetype, const ReviewedReport &r) { return RuleEngine::errorCount(r.findings) > 0; });
    QVERIFY(withErrors > 0 && withErrors < all.size());
    QCOMPARE(store.queue(f).size(), withErrors);
    f.statuses = {ReviewStatus::New};
    QCOMPARE(store.queue(f).size(), expected([&](qsizetype i, const ReviewedReport &r) {
                 return i >= 3 && RuleEngine::errorCount(r.findings) > 0;
             }));
    QString unit;
    for (const ReviewedReport &r : reports)
        if (r.current.unit.size() >= 3)
            unit = r.current.unit;
    QVERIFY2(!unit.isEmpty(), "no report names its unit");
    f = {};
    f.search = unit.mid(1, 2);
    QCOMPARE(store.queue(f).size(), expected([&](qsizetype i, const ReviewedReport &r) {
                 return r.current.unit.contains(f.search) ||
                        QFileInfo(all[i]).absoluteFilePath().contains(f.search);
             }));
    QVERIFY(store.queue(f).size() >= 1);
    QString year;
    for (const ReviewedReport &r : reports)
        if (!r.current.year.isEmpty())
            year = r.current.year;
    QVERIFY(!year.isEmpty());
    f = {};
    f.year = year;
    QCOMPARE(store.queue(f).size(),
             expected([&](qsizetype, const ReviewedReport &r) { return r.current.year == year; }));
    f.search = u"不存在的单位"_s;
    QCOMPARE(store.queue(f).size(), 0);
    f = {};
    f.search = u"100%_"_s; // wildcards are taken literally
    QCOMPARE(store.queue(f).size(), 0);

    const QueueCounts counts = store.queueCounts({}, &error);
    QCOMPARE(counts.total, all.size());
    QCOMPARE(counts.count(ReviewStatus::New), all.size() - 3);
    QCOMPARE(counts.count(ReviewStatus::InReview), 1);
    QCOMPARE(counts.count(ReviewStatus::Reviewed), 1);
    QCOMPARE(counts.count(ReviewStatus::Sent), 1);
    QCOMPARE(counts.corrected, 1);
    QCOMPARE(counts.withErrors, expected([&](qsizetype, const ReviewedReport &r) {
                 return RuleEngine::errorCount(r.findings) > 0;
             }));

    // remove, remember the current item: all there after a restart
    QVERIFY2(store.removeFromQueue({items[1].id}, &error), qPrintable(error));
    QVERIFY2(store.setValue(u"queue/current"_s, QString::number(items[2].id), &error), qPrintable(error));
    const QList<QueueItem> before = store.queue();
    QCOMPARE(before.size(), all.size() - 1);
    QCOMPARE(before.first().id, items.first().id);
    QCOMPARE(before[1].id, items[2].id);
    store.close();

    ReviewStore again;
    QVERIFY2(again.open(url, &error), qPrintable(error));
    const QList<QueueItem> after = again.queue();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].status, before[i].status);
    }
    QCOMPARE(again.value(u"queue/current"_s), QString::number(items[2].id));
    QList<qint64> ids;
    for (const QueueItem &item : after)
        ids.append(item.id);
    QVERIFY(again.removeFromQueue(ids, &error));
    QVERIFY(again.queue().isEmpty());
    QCOMPARE(again.corrections(corrected.contentHash).size(), 1); // reviews outlive the queue
}

void TestReviewStore::badStatesGiveClearErrors_data()
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

void TestReviewStore::badStatesGiveClearErrors()
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

void TestReviewStore::lockedSqliteFileIsReported()
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

void TestReviewStore::storesInThreadsUseConnectionsOfTheirOwn()
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

void TestReviewStore::postgresRestartIsSurvived()
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

QTEST_GUILESS_MAIN(TestReviewStore)
#include "tst_reviewstore.moc"
