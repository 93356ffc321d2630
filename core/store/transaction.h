#pragma once

#include "store/reviewstore.h"

namespace nianbao {

/// One write transaction of a ReviewStore. Made, it begins: BEGIN IMMEDIATE on SQLite (the write
/// lock first, so two writers queue instead of failing on upgrade); on PostgreSQL a connection
/// that broke (the server restarted, the network dropped) is opened again once, as nothing is lost
/// before BEGIN. commit() ends it; leaving the scope without commit() rolls it back, so a write
/// returns at its first failure with the error already said:
/// \code
///   Transaction tx(this, error);
///   if (!tx.isActive())
///       return false;
///   if (!exec(q, error, QT_TR_NOOP("save a cell")))
///       return false; // rolled back
///   return tx.commit();
/// \endcode
/// Queries made inside are finished (or gone) before commit(): SQLite refuses to commit while a
/// statement still reads.
class ReviewStore::Transaction
{
public:
    Transaction(ReviewStore *store, QString *error);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// It began and has not ended yet.
    bool isActive() const { return m_active; }
    /// Commits; when that fails, rolls back and says why in the error given when it was made.
    bool commit();
    /// Ends it now writing nothing (for what is read after it, outside of it).
    void rollback();

private:
    bool begin();

    ReviewStore *m_store;
    QString *m_error;
    bool m_active = false;
};

} // namespace nianbao
