#include "transaction.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

ReviewStore::Transaction::Transaction(ReviewStore *store, QString *error) : m_store(store), m_error(error)
{
    m_active = begin();
}

ReviewStore::Transaction::~Transaction()
{
    rollback();
}

bool ReviewStore::Transaction::begin()
{
    ReviewStore *s = m_store;
    s->m_lastFailure = Failure::None;
    s->m_lastWriteWasRepeat = false;
    if (s->m_backend == Backend::None) {
        s->m_lastFailure = Failure::Other;
        if (m_error)
            *m_error = ReviewStore::tr("No review database is open.");
        return false;
    }
    const char *what = QT_TRANSLATE_NOOP("nianbao::ReviewStore", "start a transaction");
    const QString sql = s->m_backend == Backend::SQLite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s;
    if (s->execDirect(sql, m_error, what))
        return true;
    if (s->m_backend != Backend::PostgreSQL)
        return false;
    // The server restarted or the network dropped: connect again once and go on.
    QSqlDatabase d = s->db();
    QSqlDriver *driver = d.driver();
    const QStringList subscribed = driver ? driver->subscribedToNotifications() : QStringList();
    if (driver)
        driver->disconnect(s);
    d.close();
    if (!d.open()) {
        if (m_error)
            *m_error =
                s->dbError(ReviewStore::tr("connect"), d.lastError().text(), d.lastError().nativeErrorCode());
        return false;
    }
    if (!subscribed.isEmpty())
        s->watchChanges(true);
    if (!s->execDirect(sql, m_error, what))
        return false;
    s->m_lastFailure = Failure::None;
    return true;
}

bool ReviewStore::Transaction::commit()
{
    if (!m_active)
        return false;
    if (m_store->execDirect(u"COMMIT"_s, m_error, QT_TRANSLATE_NOOP("nianbao::ReviewStore", "save"))) {
        m_active = false;
        return true;
    }
    rollback();
    return false;
}

void ReviewStore::Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery q(m_store->db());
    q.exec(u"ROLLBACK"_s);
}

} // namespace nianbao
