// The address of the team's database never carries its password out: not in what is shown, not
// in the program's arguments; the password comes from ~/.pgpass or PGPASSWORD, or is refused
// (against a real PostgreSQL cluster).
#include "pgcluster.h"

#include "store/databaseurl.h"
#include "store/reviewstore.h"
#include "store/storelink.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <vector>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void addressesNeverCarryThePasswordOut_data();
    void addressesNeverCarryThePasswordOut();
    void argumentsLoseTheirPasswordInPlace();
    void aPasswordComesFromPgpassOrPgpasswordOrIsRefused();

private:
    QTemporaryDir m_tmp;
    testutil::PgCluster m_pg;
};

#define NEED_CLUSTER()                                                                                       \
    do {                                                                                                     \
        if (m_pg.missing())                                                                                  \
            QSKIP("PostgreSQL server binaries are not installed (Debian package postgresql)");               \
        if (!m_pg.controllable())                                                                            \
            QSKIP("the server of NIANBAO_TEST_PG_URL is not stopped by the tests");                          \
        QVERIFY2(!m_pg.url().isEmpty(),                                                                      \
                 qPrintable(u"the PostgreSQL test cluster did not start: "_s + m_pg.problem()));             \
    } while (false)

void TestDatabaseUrl::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // the cluster may run as nobody (when the tests run as root): it must reach its folder
    QFile::setPermissions(m_tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                            QFileDevice::ExeOther);
    m_pg.start(m_tmp.filePath(u"pg"_s));
}

void TestDatabaseUrl::cleanupTestCase()
{
    m_pg.stop();
}

void TestDatabaseUrl::addressesNeverCarryThePasswordOut_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("without");
    QTest::addColumn<QString>("location");
    QTest::newRow("a password in the user part")
        << u"postgresql://nianbao:s3cret@db.example.org:5433/reviews"_s << u"s3cret"_s
        << u"postgresql://nianbao@db.example.org:5433/reviews"_s
        << u"postgresql://nianbao@db.example.org:5433/reviews"_s;
    QTest::newRow("a password with characters that are escaped")
        << u"postgresql://nianbao:p%40ss%3Aw%2Fd@10.0.0.2/reviews"_s << u"p@ss:w/d"_s
        << u"postgresql://nianbao@10.0.0.2/reviews"_s << u"postgresql://nianbao@10.0.0.2:5432/reviews"_s;
    QTest::newRow("a password among the options")
        << u"postgresql://nianbao@db/reviews?sslmode=require&password=opt-secret"_s << u"opt-secret"_s
        << u"postgresql://nianbao@db/reviews?sslmode=require"_s << u"postgresql://nianbao@db:5432/reviews"_s;
    QTest::newRow("no password: left as it is")
        << u"postgres://nianbao@db/reviews"_s << QString() << u"postgres://nianbao@db/reviews"_s
        << u"postgresql://nianbao@db:5432/reviews"_s;
    QTest::newRow("a SQLite file is not an address") << u"/home/me/reviews:old@2024.sqlite"_s << QString()
                                                     << u"/home/me/reviews:old@2024.sqlite"_s << QString();
}

void TestDatabaseUrl::addressesNeverCarryThePasswordOut()
{
    QFETCH(QString, url);
    QFETCH(QString, password);
    QFETCH(QString, without);
    QFETCH(QString, location);
    QCOMPARE(DatabaseUrl::password(url), password);
    QCOMPARE(DatabaseUrl::withoutPassword(url), without);
    if (!DatabaseUrl::isPostgres(url))
        return;
    QCOMPARE(DatabaseUrl::location(url), location);
    QVERIFY(password.isEmpty() || !DatabaseUrl::withoutPassword(url).contains(password));
    const QString again = DatabaseUrl::withPassword(without, u"n€w:p@ss"_s);
    QCOMPARE(DatabaseUrl::password(again), u"n€w:p@ss"_s);
    QCOMPARE(DatabaseUrl::withoutPassword(again), without);
    DatabaseUrl::rememberPassword(url, u"typed"_s);
    QCOMPARE(DatabaseUrl::rememberedPassword(without), u"typed"_s);
    DatabaseUrl::forgetPasswords();
    QVERIFY(DatabaseUrl::rememberedPassword(without).isEmpty());
}

void TestDatabaseUrl::argumentsLoseTheirPasswordInPlace()
{
    // argv as the kernel lays it out: the strings back to back, NUL-separated
    const QList<QByteArray> args = {"nianbao",
                                    "--database",
                                    "postgresql://u:top%40secret@127.0.0.1:5432/db",
                                    "--database=postgresql://v:second@h/db?password=third&sslmode=disable",
                                    "report.txt",
                                    "--database"};
    QByteArray memory;
    for (const QByteArray &a : args)
        memory += a + '\0';
    std::vector<char *> argv;
    qsizetype at = 0;
    for (const QByteArray &a : args) {
        argv.push_back(memory.data() + at);
        at += a.size() + 1;
    }
    const qsizetype size = memory.size();
    const QString found = DatabaseUrl::hidePasswordInArguments(int(argv.size()), argv.data());
    QCOMPARE(found, u"top@secret"_s);
    QCOMPARE(memory.size(), size); // same place, same length
    QVERIFY(!memory.contains("top%40secret"));
    QVERIFY(!memory.contains("second"));
    QVERIFY(!memory.contains("third"));
    QCOMPARE(QByteArray(argv[2]), QByteArray("postgresql://u:************@127.0.0.1:5432/db"));
    QCOMPARE(QByteArray(argv[3]),
             QByteArray("--database=postgresql://v:******@h/db?password=*****&sslmode=disable"));
    QCOMPARE(QByteArray(argv[4]), QByteArray("report.txt"));
    // the hidden address and the password give the address back
    QCOMPARE(DatabaseUrl::withPassword(QString::fromLatin1(argv[2]), found),
             DatabaseUrl::withPassword(u"postgresql://u@127.0.0.1:5432/db"_s, u"top@secret"_s));
    QVERIFY(!DatabaseUrl::commandLineWarning().isEmpty());
}

void TestDatabaseUrl::aPasswordComesFromPgpassOrPgpasswordOrIsRefused()
{
    NEED_CLUSTER();
    const QByteArray oldFile = qgetenv("PGPASSFILE");
    const QByteArray oldPassword = qgetenv("PGPASSWORD");
    const bool hadFile = qEnvironmentVariableIsSet("PGPASSFILE");
    const bool hadPassword = qEnvironmentVariableIsSet("PGPASSWORD");
    auto restoreEnvironment = qScopeGuard([&] {
        hadFile ? qputenv("PGPASSFILE", oldFile) : qunsetenv("PGPASSFILE");
        hadPassword ? qputenv("PGPASSWORD", oldPassword) : qunsetenv("PGPASSWORD");
    });
    const QString url = m_pg.urlWithoutPassword();
    QVERIFY(DatabaseUrl::password(url).isEmpty());
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", QFile::encodeName(m_tmp.filePath(u"no-such-pgpass"_s)));
    QString error;
    {
        ReviewStore store;
        QVERIFY(!store.open(url, &error));
        QCOMPARE(store.lastFailure(), ReviewStore::Failure::Refused);
        QVERIFY2(error.contains(u"refused the user name or password"_s), qPrintable(error));
    }
    // ~/.pgpass, or the file PGPASSFILE names: libpq reads it when the address has no password
    const QUrl u(m_pg.url());
    const QString pgpass = m_tmp.filePath(u"pgpass"_s);
    QFile f(pgpass);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(u"%1:%2:*:%3:%4\n"_s.arg(u.host()).arg(u.port()).arg(u.userName(), u.password()).toUtf8());
    f.close();
    QFile::setPermissions(pgpass, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("PGPASSFILE", QFile::encodeName(pgpass));
    {
        ReviewStore store;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        QCOMPARE(store.lastFailure(), ReviewStore::Failure::None);
    }
    qputenv("PGPASSFILE", QFile::encodeName(m_tmp.filePath(u"no-such-pgpass"_s)));
    qputenv("PGPASSWORD", u.password().toUtf8());
    {
        ReviewStore store;
        QVERIFY2(store.open(url, &error), qPrintable(error));
    }
    // a refused password is not an outage: no offline mode, the caller can ask for it
    qunsetenv("PGPASSWORD");
    ReviewStore store;
    StoreLink link(&store);
    link.setOutboxPath(m_tmp.filePath(u"refused/outbox.sqlite"_s));
    QVERIFY(!link.open(url, &error));
    QCOMPARE(link.lastFailure(), ReviewStore::Failure::Refused);
    const QString reason = error;
    QVERIFY2(link.openOffline(url, reason, &error), qPrintable(error));
    QCOMPARE(link.offlineReason(), reason);
    QVERIFY(!link.isOnline());
    QVERIFY(!link.isRetrying());
    QCOMPARE(link.target(), DatabaseUrl::location(url));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
