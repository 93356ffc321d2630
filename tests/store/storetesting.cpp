#include "storetesting.h"

#include "pipeline/reportreader.h"
#include "rules/ruleengine.h"
#include "store/reviewstore.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <unistd.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace testutil {

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

Correction edit(ReviewedReport &rr, const QString &key, const Cell &after, const QString &reviewer,
                const QString &note, QList<Finding> *before, QList<Finding> *afterF)
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

QString firstNumberKey(const Report &r, int skip)
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

bool rawExec(const QString &url, const QStringList &statements, QString *error, QVariant *lastValue)
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

QStringList readLines(QProcess &p)
{
    QStringList out;
    while (p.canReadLine())
        out.append(QString::fromUtf8(p.readLine()).trimmed());
    return out;
}

bool StoreDatabases::startDatabases(QString *problem)
{
    if (!m_tmp.isValid()) {
        *problem = u"no temporary folder"_s;
        return false;
    }
    // the helper may run as another user (read-only cases) and the cluster as nobody
    QFile::setPermissions(m_tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::ExeOther);
    if (!QFile::exists(QStringLiteral(NIANBAO_STORE_HELPER))) {
        *problem = u"the store helper was not built"_s;
        return false;
    }
    // The build folder may lie where another user cannot enter (a checkout under /root): the
    // helper run as nobody is a copy in the temporary folder.
    m_helperForOthers = m_tmp.filePath(u"nianbao_store_helper"_s);
    if (!QFile::copy(QStringLiteral(NIANBAO_STORE_HELPER), m_helperForOthers) ||
        !QFile::setPermissions(m_helperForOthers, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                      QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                                      QFileDevice::ExeGroup)) {
        *problem = u"the store helper could not be copied to the temporary folder"_s;
        return false;
    }
    m_pg.start(m_tmp.filePath(u"pg"_s));
    m_pgUrl = m_pg.url();
    m_pgMissing = m_pg.missing();
    m_pgProblem = m_pg.problem();
    if (m_pg.controllable())
        m_pgDir = m_tmp.filePath(u"pg"_s);
    return true;
}

void StoreDatabases::stopDatabases()
{
    m_pg.stop();
}

void StoreDatabases::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("on a SQLite file") << kSqlite;
    QTest::newRow("on a PostgreSQL server") << kPostgres;
}

QString StoreDatabases::freshDatabase(const QString &backend)
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

QStringList StoreDatabases::helperCommand(const QStringList &args, bool asNobody) const
{
    QStringList cmd;
    if (asNobody && ::geteuid() == 0)
        cmd << u"runuser"_s << u"-u"_s << u"nobody"_s << u"--"_s << m_helperForOthers;
    else
        cmd << QStringLiteral(NIANBAO_STORE_HELPER);
    cmd << args;
    return cmd;
}

} // namespace testutil
