#include "reviewkeeper.h"

#include "review/review.h"
#include "rules/ruleengine.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

ReviewKeeper::ReviewKeeper(QObject *parent) : QObject(parent)
{
    connect(&m_store, &ReviewStore::changesAvailable, this, &ReviewKeeper::onChanges);
}

ReviewKeeper::~ReviewKeeper() = default;

bool ReviewKeeper::open(const QString &urlOrPath, QString *error)
{
    if (!m_store.open(urlOrPath, error))
        return false;
    m_revision = m_store.latestRevision();
    m_store.watchChanges(true);
    return true;
}

void ReviewKeeper::setReviewer(const QString &name)
{
    m_reviewer = name;
    for (const QPointer<Review> &r : std::as_const(m_byHash))
        if (r)
            r->setReviewer(name);
}

void ReviewKeeper::report(const QString &error)
{
    if (!error.isEmpty())
        Q_EMIT problem(error);
}

QString ReviewKeeper::conflictText(const Conflict &c) const
{
    const Report *r = nullptr;
    if (const Review *rv = m_byHash.value(c.contentHash))
        r = &rv->report();
    const QString cell = r && r->tmpl ? RuleEngine::cellName(*r->tmpl, c.key, false) : c.key;
    return tr("%1 was changed by %2 to “%3” at %4; your change was not saved. The report has been "
              "reloaded.")
        .arg(cell, c.theirs.reviewer.isEmpty() ? tr("another reviewer") : c.theirs.reviewer,
             c.theirs.cell.displayText(), c.theirs.time.toLocalTime().toString(u"HH:mm"_s));
}

void ReviewKeeper::attach(Review *review, const QString &path)
{
    if (!review || !m_store.isOpen())
        return;
    QString error;
    const QString hash = ReviewStore::fileHash(path, &error);
    if (hash.isEmpty()) {
        report(error);
        return;
    }
    ReviewedReport rr = review->reviewed();
    rr.contentHash = hash;
    bool known = false;
    if (!m_store.restore(&rr, &error, &known)) {
        report(error);
        return;
    }
    review->restore(rr); // with the hash, and what was saved when the report is known
    if (!m_reviewer.isEmpty())
        review->setReviewer(m_reviewer); // who corrects from now on
    if (!m_store.registerReport(review->reviewed(), path, &error) ||
        !m_store.addToQueue({path}, QFileInfo(path).absolutePath(), &error))
        report(error);
    m_byHash.insert(hash, review);

    connect(review, &Review::correctionAdded, this, [this, review, hash](const Correction &c) {
        QString err;
        Conflict conflict;
        if (m_store.addCorrection(hash, c, &err, &conflict))
            return;
        if (!conflict.key.isEmpty()) {
            report(conflictText(conflict));
            ReviewedReport fresh = review->reviewed();
            if (m_store.restore(&fresh, &err))
                review->restore(fresh);
        } else {
            report(err);
        }
    });
    connect(review, &Review::correctionRemoved, this, [this, review, hash](const Correction &c) {
        QString err;
        Conflict conflict;
        if (!m_store.undoCorrection(hash, c, review->reviewer(), &err, &conflict))
            report(conflict.key.isEmpty() ? err : conflictText(conflict));
    });
    connect(review, &Review::statusChanged, this, [this, review, hash](ReviewStatus s) {
        QString err;
        if (!m_store.setStatus(hash, s, review->reviewer(), &err))
            report(err);
    });
}

void ReviewKeeper::remember(const QString &path)
{
    QString error;
    if (m_store.isOpen() && !m_store.addToQueue({path}, QFileInfo(path).absolutePath(), &error))
        report(error);
}

void ReviewKeeper::forget(Review *review, const QString &path)
{
    if (review)
        m_byHash.remove(review->reviewed().contentHash);
    if (!m_store.isOpen())
        return;
    QString error;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QList<qint64> ids;
    for (const QueueItem &item : m_store.queue({}, &error))
        if (item.path == absolute)
            ids.append(item.id);
    if (!ids.isEmpty() && !m_store.removeFromQueue(ids, &error))
        report(error);
}

QStringList ReviewKeeper::queuedPaths()
{
    QStringList out;
    if (!m_store.isOpen())
        return out;
    QString error;
    for (const QueueItem &item : m_store.queue({}, &error))
        out.append(item.path);
    report(error);
    return out;
}

void ReviewKeeper::setCurrentPath(const QString &path)
{
    QString error;
    if (m_store.isOpen() && !m_store.setValue(u"current_path"_s, QFileInfo(path).absoluteFilePath(), &error))
        report(error);
}

QString ReviewKeeper::currentPath()
{
    return m_store.isOpen() ? m_store.value(u"current_path"_s) : QString();
}

void ReviewKeeper::onChanges()
{
    QString error;
    const QList<StoreChange> changes = m_store.changesSince(m_revision, &error);
    QHash<QString, QString> touched; // hash → reviewer
    for (const StoreChange &c : changes) {
        m_revision = qMax(m_revision, c.revision);
        if (c.own || (c.kind != u"cell" && c.kind != u"undo" && c.kind != u"status"))
            continue;
        if (m_byHash.value(c.contentHash))
            touched.insert(c.contentHash, c.reviewer);
    }
    for (auto it = touched.constBegin(); it != touched.constEnd(); ++it) {
        Review *review = m_byHash.value(it.key());
        ReviewedReport fresh = review->reviewed();
        if (!m_store.restore(&fresh, &error)) {
            report(error);
            continue;
        }
        review->restore(fresh);
        Q_EMIT reloaded(review, it.value());
    }
}

} // namespace nianbao
