#pragma once

#include "reviewstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace nianbao {

class Review;

/// Keeps the reviews of a window in a ReviewStore: a report opened again (or a copy, or after a
/// restart) gets its corrections, state and notes back; every correction, undo and change of
/// state is written the moment it is made; the queue of open reports is remembered; changes that
/// other reviewers make to an open report are loaded when they land.
class ReviewKeeper : public QObject
{
    Q_OBJECT
public:
    explicit ReviewKeeper(QObject *parent = nullptr);
    ~ReviewKeeper() override;

    /// "" = the user's SQLite file; a path; or postgresql://user:password@host:port/database.
    bool open(const QString &urlOrPath, QString *error);
    bool isOpen() const { return m_store.isOpen(); }
    ReviewStore *store() { return &m_store; }

    QString reviewer() const { return m_reviewer; }
    void setReviewer(const QString &name);

    /// A report was read: restore what was saved of it and save every change from now on.
    void attach(Review *review, const QString &path);
    /// A file that could not be read: kept in the queue with the others.
    void remember(const QString &path);
    /// The report was closed: it leaves the queue (its review stays in the store).
    void forget(Review *review, const QString &path);
    /// The files of the queue as it was left, in order.
    QStringList queuedPaths();
    void setCurrentPath(const QString &path);
    QString currentPath();

Q_SIGNALS:
    /// Something could not be saved or loaded; one sentence for the reviewer.
    void problem(const QString &message);
    /// Another reviewer's changes to an open report were loaded.
    void reloaded(nianbao::Review *review, const QString &reviewer);

private:
    void onChanges();
    void report(const QString &error);
    QString conflictText(const Conflict &c) const;

    ReviewStore m_store;
    QString m_reviewer;
    QHash<QString, QPointer<Review>> m_byHash;
    qint64 m_revision = 0;
};

} // namespace nianbao
