#pragma once

// What the store suites share: the reports of tests/data, a correction made as the review window
// makes it, raw SQL on a connection of its own, and fresh databases on both backends (a SQLite
// file, and a PostgreSQL cluster started for the run).

#include "pgcluster.h"

#include "review/correction.h"

#include <QList>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

namespace testutil {

inline const QString kSqlite = QStringLiteral("sqlite");
inline const QString kPostgres = QStringLiteral("postgresql");

QStringList seedFiles();
QStringList realTextFiles();
/// The report read from the file, as the window opens it, with its content hash.
nianbao::ReviewedReport readReport(const QString &path);
/// Changes a cell of rr as the review window does and returns the audit line for it (with the
/// findings before and after when asked).
nianbao::Correction edit(nianbao::ReviewedReport &rr, const QString &key, const nianbao::Cell &after,
                         const QString &reviewer, const QString &note,
                         QList<nianbao::Finding> *before = nullptr,
                         QList<nianbao::Finding> *afterF = nullptr);
/// The key of the report's first number cell (after skip others).
QString firstNumberKey(const nianbao::Report &r, int skip = 0);

QSqlDatabase rawDatabase(const QString &url, const QString &name);
/// Runs statements on a connection of its own, as another program would.
bool rawExec(const QString &url, const QStringList &statements, QString *error,
             QVariant *lastValue = nullptr);
QStringList readLines(QProcess &p);

/// Fresh databases for a suite that runs on both backends: a base of the suite's class, with
/// startDatabases() in initTestCase and stopDatabases() in cleanupTestCase.
class StoreDatabases
{
protected:
    bool startDatabases(QString *problem);
    void stopDatabases();
    /// The "backend" column of a test run on a SQLite file and on a PostgreSQL server.
    static void backends();
    /// A new empty database: a SQLite file in a folder of its own, or a database on the cluster.
    QString freshDatabase(const QString &backend);
    /// nianbao_store_helper with args, as the user nobody when asked and running as root.
    QStringList helperCommand(const QStringList &args, bool asNobody) const;

    QTemporaryDir m_tmp;
    QString m_helperForOthers; // a copy of the helper that nobody can run, wherever the build is
    PgCluster m_pg;
    QString m_pgDir; // set when the cluster is ours to restart
    QString m_pgUrl;
    QString m_pgProblem;
    bool m_pgMissing = false;
    int m_databases = 0;
};

} // namespace testutil

// Every test that takes a backend starts with this: a fresh database, or a skip when the
// PostgreSQL server is not installed (and a failure when it is installed but does not start).
#define FRESH_DATABASE(url)                                                                                  \
    QFETCH(QString, backend);                                                                                \
    if (backend == testutil::kPostgres && m_pgMissing)                                                       \
        QSKIP("PostgreSQL server binaries are not installed (Debian package postgresql)");                   \
    if (backend == testutil::kPostgres && m_pgUrl.isEmpty())                                                 \
        QFAIL(qPrintable(QStringLiteral("the PostgreSQL test cluster did not start: ") + m_pgProblem));      \
    const QString url = freshDatabase(backend);                                                              \
    QVERIFY2(!url.isEmpty(), "could not make a fresh database")
