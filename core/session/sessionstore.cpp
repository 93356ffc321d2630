// The session's store: where the reviews are kept, and what it says.
#include "reviewsession.h"

#include "review/review.h"
#include "reviewkeeper.h"
#include "store/databaseurl.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

ReviewSession::StoreOpening ReviewSession::openStore(const QString &urlOrPath, QString *error,
                                                     const QString &password)
{
    QString url = urlOrPath.trimmed();
    const bool postgres = DatabaseUrl::isPostgres(url);
    if (postgres) {
        // A password given is kept in memory for the program's run; an address without one uses
        // the password typed before, else libpq's PGPASSWORD or ~/.pgpass.
        if (!password.isEmpty())
            url = DatabaseUrl::withPassword(url, password);
        else if (const QString given = DatabaseUrl::password(url); !given.isEmpty())
            DatabaseUrl::rememberPassword(url, given);
        else if (const QString known = DatabaseUrl::rememberedPassword(url); !known.isEmpty())
            url = DatabaseUrl::withPassword(url, known);
    }
    auto keeper = std::make_unique<ReviewKeeper>();
    if (keeper->open(url, error)) {
        if (!password.isEmpty())
            DatabaseUrl::rememberPassword(url, password);
        installKeeper(std::move(keeper));
        return StoreOpening::Opened;
    }
    if (postgres && keeper->lastFailure() == ReviewStore::Failure::Refused)
        return DatabaseUrl::password(url).isEmpty() ? StoreOpening::PasswordWanted
                                                    : StoreOpening::PasswordRefused;
    return StoreOpening::Failed;
}

bool ReviewSession::openStoreOffline(const QString &urlOrPath, const QString &reason, QString *error)
{
    auto keeper = std::make_unique<ReviewKeeper>();
    if (!keeper->openOffline(urlOrPath.trimmed(), reason, error))
        return false;
    installKeeper(std::move(keeper));
    return true;
}

void ReviewSession::installKeeper(std::unique_ptr<ReviewKeeper> keeper)
{
    m_keeper = std::move(keeper);
    connect(m_keeper.get(), &ReviewKeeper::problem, this, &ReviewSession::storeProblem);
    connect(m_keeper.get(), &ReviewKeeper::reloaded, this,
            [this](Review *, const QString &who) { Q_EMIT storeReloaded(who); });
    connect(m_keeper.get(), &ReviewKeeper::connectionChanged, this, &ReviewSession::storeStateChanged);
    connect(m_keeper.get(), &ReviewKeeper::changesSent, this, &ReviewSession::changesSent);
    if (!m_reviewer.isEmpty())
        m_keeper->setReviewer(m_reviewer);
    // The reports open now are kept in the new place from here on.
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.review)
            m_keeper->attach(e.review, e.path);
        else
            m_keeper->remember(e.path);
    }
    Q_EMIT storeStateChanged();
}

StoreState ReviewSession::storeState() const
{
    StoreState s;
    if (!m_keeper)
        return s;
    s.open = true;
    s.online = m_keeper->isOnline();
    s.retrying = m_keeper->link()->isRetrying();
    s.waiting = m_keeper->waitingChanges();
    s.held = m_keeper->heldChanges();
    s.location = m_keeper->location();
    s.offlineReason = m_keeper->link()->offlineReason();
    return s;
}

QStringList ReviewSession::heldChanges() const
{
    return m_keeper ? m_keeper->heldDescriptions() : QStringList();
}

bool ReviewSession::resolveHeld(bool sendMine, QString *error)
{
    return m_keeper && m_keeper->resolveHeld(sendMine, error);
}

QStringList ReviewSession::savedQueue() const
{
    return m_keeper ? m_keeper->queuedPaths() : QStringList();
}

QList<CellHistoryEntry> ReviewSession::auditTrail(const Review *review) const
{
    QList<CellHistoryEntry> out;
    if (!review)
        return out;
    if (m_keeper && m_keeper->isOpen()) {
        QString error;
        const QList<AuditEntry> trail = m_keeper->store()->auditTrail(review->reviewed().contentHash, &error);
        if (error.isEmpty()) {
            for (const AuditEntry &a : trail)
                out.append({a.correction, a.undone, a.undoneBy, a.undoneAt});
            return out;
        }
    }
    return m_trails.value(review);
}

QList<CellHistoryEntry> ReviewSession::cellHistory(const Review *review, const QString &key) const
{
    QList<CellHistoryEntry> out;
    if (key.isEmpty())
        return out;
    for (const CellHistoryEntry &e : auditTrail(review))
        if (e.correction.key == key)
            out.append(e);
    return out;
}

QString ReviewSession::storeLocation(const QString &url)
{
    return DatabaseUrl::location(url);
}

QString ReviewSession::addressToKeep(const QString &urlOrPath)
{
    if (const QString password = DatabaseUrl::password(urlOrPath); !password.isEmpty())
        DatabaseUrl::rememberPassword(urlOrPath, password);
    return DatabaseUrl::withoutPassword(urlOrPath);
}

} // namespace nianbao
