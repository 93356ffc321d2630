#pragma once

// A throw-away PostgreSQL cluster for a test run (scripts/pg-test-cluster.sh), or the server named
// by NIANBAO_TEST_PG_URL (which the tests neither stop nor start).

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace testutil {

class PgCluster
{
public:
    /// Starts a cluster in dir (made), unless NIANBAO_TEST_PG_URL names a server.
    void start(const QString &dir)
    {
        if (const QByteArray env = qgetenv("NIANBAO_TEST_PG_URL"); !env.isEmpty()) {
            m_url = QString::fromUtf8(env);
            return;
        }
        m_dir = dir;
        QProcess p;
        p.start(QStringLiteral("bash"),
                {QStringLiteral(NIANBAO_PG_CLUSTER_SCRIPT), QStringLiteral("start"), dir});
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            m_problem = QStringLiteral("timed out");
            return;
        }
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        if (p.exitCode() == 3) {
            m_missing = true;
            return;
        }
        const QString last = out.split(QLatin1Char('\n')).last().trimmed();
        if (p.exitCode() != 0 || !last.startsWith(QLatin1String("postgresql://"))) {
            m_problem = err + QLatin1Char(' ') + out;
            return;
        }
        m_url = last;
    }

    /// Runs the script's down / up / restart / stop on the cluster; false (with the reason) when it
    /// failed or the cluster is not ours.
    bool control(const QString &command, QString *error = nullptr)
    {
        if (m_dir.isEmpty()) {
            if (error)
                *error =
                    QStringLiteral("the server given in NIANBAO_TEST_PG_URL is not controlled by the tests");
            return false;
        }
        QProcess p;
        p.start(QStringLiteral("bash"), {QStringLiteral(NIANBAO_PG_CLUSTER_SCRIPT), command, m_dir});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            if (error)
                *error = QString::fromUtf8(p.readAllStandardError());
            return false;
        }
        if (command == QLatin1String("stop"))
            m_dir.clear();
        return true;
    }

    void stop()
    {
        if (!m_dir.isEmpty())
            control(QStringLiteral("stop"));
    }

    bool missing() const { return m_missing; }
    bool controllable() const { return !m_dir.isEmpty(); }
    QString url() const { return m_url; }
    QString problem() const { return m_problem; }
    /// The cluster's URL without its password.
    QString urlWithoutPassword() const
    {
        QUrl u(m_url);
        u.setPassword(QString());
        return u.toString();
    }
    QString password() const { return QUrl(m_url).password(); }

    /// A new, empty database on the server; its URL (with the password), or empty (and *error).
    QString createDatabase(const QString &name, QString *error) const
    {
        const QString connection = QStringLiteral("pgcluster-admin-") + name;
        bool ok = false;
        {
            const QUrl u(m_url);
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            d.setHostName(u.host());
            d.setPort(u.port());
            d.setUserName(u.userName());
            d.setPassword(u.password());
            d.setDatabaseName(u.path().mid(1));
            if (d.open()) {
                QSqlQuery q(d);
                ok = q.exec(QStringLiteral("CREATE DATABASE ") + name);
                if (!ok)
                    *error = q.lastError().text();
            } else {
                *error = d.lastError().text();
            }
            d.close();
        }
        QSqlDatabase::removeDatabase(connection);
        if (!ok)
            return {};
        QUrl u(m_url);
        u.setPath(QLatin1Char('/') + name);
        return u.toString();
    }

private:
    QString m_dir;
    QString m_url;
    QString m_problem;
    bool m_missing = false;
};

} // namespace testutil
