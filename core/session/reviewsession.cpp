#include "reviewsession.h"

#include "checks/textrepeat.h"
#include "ocr/scanreader.h"
#include "review/review.h"
#include "reviewkeeper.h"
#include "reviewpolicy.h"
#include "rules/yearcheck.h"
#include "store/reviewstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QUndoGroup>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

ReviewSession::ReviewSession(QObject *parent)
    : QObject(parent), m_undoGroup(new QUndoGroup(this)), m_reviewer(Review::systemUserName()),
      m_watcher(new QFutureWatcher<ReadResult>(this)), m_pool(std::make_unique<QThreadPool>())
{
    // Below the GUI thread, so that a window reading a large queue still paints and answers.
    m_pool->setThreadPriority(QThread::LowPriority);
    setJobs(0);
    m_undoGroup->setObjectName(u"undoGroup"_s);
    m_takeTimer = new QTimer(this);
    m_takeTimer->setSingleShot(true);
    m_takeTimer->setInterval(0);
    connect(m_takeTimer, &QTimer::timeout, this, &ReviewSession::takeResults);
    connect(m_watcher, &QFutureWatcher<ReadResult>::resultReadyAt, m_takeTimer, [this] {
        if (!m_takeTimer->isActive())
            m_takeTimer->start();
    });
    connect(m_watcher, &QFutureWatcher<ReadResult>::progressValueChanged, this,
            [this](int done) { Q_EMIT loadProgress(done, int(m_loading.size())); });
    connect(m_watcher, &QFutureWatcher<ReadResult>::finished, this, &ReviewSession::finishLoading);
}

ReviewSession::~ReviewSession()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher->cancel();
    m_watcher->waitForFinished();
    // Nothing from here on is a change to save: the keeper goes first.
    m_keeper.reset();
    const QList<Entry> entries = std::exchange(m_entries, {});
    for (const Entry &e : entries) {
        if (e.review) {
            e.review->disconnect(this);
            e.review->setAcrossCheck({});
        }
    }
    for (const Entry &e : entries)
        delete e.review;
}

// ---- the open reports ---------------------------------------------------------------------

Review *ReviewSession::review(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries[index].review : nullptr;
}

QString ReviewSession::path(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries[index].path : QString();
}

QString ReviewSession::error(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries[index].error : QString();
}

int ReviewSession::indexOf(const QString &path) const
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].absolutePath == abs)
            return i;
    return -1;
}

int ReviewSession::indexOf(const Review *review) const
{
    for (int i = 0; review && i < m_entries.size(); ++i)
        if (m_entries[i].review == review)
            return i;
    return -1;
}

QList<Review *> ReviewSession::reviews() const
{
    QList<Review *> out;
    for (const Entry &e : m_entries)
        if (e.review)
            out.append(e.review);
    return out;
}

int ReviewSession::add(const ReadResult &result)
{
    Entry e;
    e.path = result.path;
    e.absolutePath = QFileInfo(result.path).absoluteFilePath();
    e.error = result.error;
    if (result.ok) {
        e.error.clear();
        e.review = new Review(result.report, result.findings, this);
        e.review->setReviewer(m_reviewer);
        e.review->setEditGuard(m_editGuard);
        e.review->setAcrossCheck([this](const Report &current) { return acrossFindings(current); });
        m_undoGroup->addStack(e.review->undoStack());
        watch(e.review);
    }
    // A file that could not be read before takes its place again; any other comes last.
    int index = indexOf(result.path);
    if (index >= 0 && !m_entries[index].review) {
        m_entries[index] = e;
        Q_EMIT reportChanged(index);
    } else {
        index = int(m_entries.size());
        Q_EMIT reportAboutToBeAdded(index);
        m_entries.append(e);
        Q_EMIT reportAdded(index);
    }
    if (m_keeper) {
        if (e.review)
            m_keeper->attach(e.review, e.path, result.contentHash); // what was saved of it comes back
        else
            m_keeper->remember(e.path);
    }
    if (e.review) {
        e.review->recheckAcross();
        recheckPartners(e.review);
    }
    return index;
}

void ReviewSession::close(int index)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Review *review = m_entries[index].review;
    if (m_keeper)
        m_keeper->forget(review, m_entries[index].path);
    const QList<Review *> partners = review ? partnersOf(review->report()) : QList<Review *>();
    Q_EMIT reportAboutToBeRemoved(index);
    m_entries.removeAt(index);
    Q_EMIT reportRemoved(index);
    m_trails.remove(review);
    delete review;
    // Last year's report gone: this year's checks against it go too.
    for (Review *p : partners)
        p->recheckAcross();
}

void ReviewSession::closeAll()
{
    Q_EMIT reportsAboutToBeCleared();
    const QList<Entry> entries = std::exchange(m_entries, {});
    Q_EMIT reportsCleared();
    m_trails.clear();
    for (const Entry &e : entries)
        delete e.review;
}

void ReviewSession::watch(Review *review)
{
    auto changed = [this, review] {
        const int i = indexOf(review);
        if (i >= 0)
            Q_EMIT reportChanged(i);
    };
    connect(review, &Review::findingsChanged, this, changed);
    connect(review, &Review::statusChanged, this, changed);
    // Its cells changed: the reports compared with it are checked again.
    connect(review, &Review::cellsChanged, this, [this, review] { recheckPartners(review); });
    connect(review, &Review::reset, this, [this, review] {
        // What was saved came back: the trail starts from the corrections in effect.
        QList<CellHistoryEntry> &trail = m_trails[review];
        trail.clear();
        for (const Correction &c : review->corrections())
            trail.append({c, false, {}, {}});
        recheckPartners(review);
    });
    // This session's audit trail, for when no store keeps one: an undo marks the change undone.
    connect(review, &Review::correctionAdded, this, [this, review](const Correction &c) {
        m_trails[review].append({c, false, {}, {}});
    });
    connect(review, &Review::correctionRemoved, this, [this, review](const Correction &c) {
        QList<CellHistoryEntry> &trail = m_trails[review];
        for (qsizetype i = trail.size() - 1; i >= 0; --i) {
            if (trail[i].correction.key == c.key && !trail[i].undone) {
                trail[i].undone = true;
                trail[i].undoneBy = review->reviewer();
                trail[i].undoneAt = QDateTime::currentDateTimeUtc();
                break;
            }
        }
    });
}

void ReviewSession::setReviewer(const QString &name)
{
    // An empty name is never recorded: the one before (at first the system's user) stays.
    if (name.trimmed().isEmpty())
        return;
    m_reviewer = name.trimmed();
    if (m_keeper)
        m_keeper->setReviewer(m_reviewer);
    for (const Entry &e : std::as_const(m_entries))
        if (e.review)
            e.review->setReviewer(m_reviewer);
}

void ReviewSession::setEditGuard(Review::EditGuard guard)
{
    m_editGuard = std::move(guard);
    for (const Entry &e : std::as_const(m_entries))
        if (e.review)
            e.review->setEditGuard(m_editGuard);
}

int ReviewSession::unfinishedCount() const
{
    return ReviewPolicy::needingConfirmation(reviews());
}

// ---- the checks across reports --------------------------------------------------------------

const YearCheck::Body &ReviewSession::bodyOf(const Entry &e)
{
    const Report &r = e.review->report();
    // Asked for each pair of a batch: the year and the body kept are most often the very strings
    // of the report, told without comparing their letters.
    const auto same = [](const QString &kept, const QString &now) {
        return kept.isSharedWith(now) || kept == now;
    };
    if (!same(e.bodyYear, r.year) || !same(e.bodyUnit, r.unit)) {
        e.body = YearCheck::bodyOf(r);
        e.bodyYear = r.year;
        e.bodyUnit = r.unit;
    }
    return e.body;
}

QList<Finding> ReviewSession::acrossFindings(const Report &current) const
{
    // As a batch is checked: each earlier report of the same body, in the order they were opened.
    QList<Finding> out;
    const YearCheck::Body body = YearCheck::bodyOf(current);
    for (const Entry &e : m_entries) {
        if (e.review && &e.review->report() != &current && YearCheck::arePair(bodyOf(e), body)) {
            out += YearCheck::compare(e.review->report(), current);
            out += TextRepeat::compare(e.review->report(), current); // copied forward
        }
    }
    return out;
}

QList<Review *> ReviewSession::partnersOf(const Report &report) const
{
    QList<Review *> out;
    const YearCheck::Body body = YearCheck::bodyOf(report);
    for (const Entry &e : m_entries) {
        if (!e.review || &e.review->report() == &report)
            continue;
        const YearCheck::Body &other = bodyOf(e);
        if (YearCheck::arePair(body, other) || YearCheck::arePair(other, body))
            out.append(e.review);
    }
    return out;
}

void ReviewSession::recheckPartners(const Review *review)
{
    for (Review *p : partnersOf(review->report()))
        p->recheckAcross();
}

// ---- reading ------------------------------------------------------------------------------

ReviewSession::Opening ReviewSession::open(const QStringList &paths)
{
    Opening o;
    QStringList files;
    for (const QString &f : ReportReader::expandPaths(paths, &o.problems)) {
        // A report already open keeps its corrections: it is shown, not read again.
        const int index = indexOf(f);
        if (index >= 0 && review(index)) {
            if (o.alreadyOpen < 0)
                o.alreadyOpen = index;
        } else if (!files.contains(f) && !m_pending.contains(f) && !m_loading.contains(f)) {
            files.append(f);
        }
    }
    for (const QString &p : std::as_const(o.problems)) {
        ReadResult r;
        r.path = p.section(u": "_s, 0, 0);
        r.error = p;
        add(r);
    }
    o.reading = int(files.size());
    read(files);
    return o;
}

void ReviewSession::read(const QStringList &files)
{
    if (files.isEmpty())
        return;
    m_pending += files;
    if (!isLoading())
        startLoading();
}

bool ReviewSession::isLoading() const
{
    return m_watcher->isRunning() || !m_loading.isEmpty();
}

void ReviewSession::setJobs(int jobs)
{
    m_pool->setMaxThreadCount(jobs > 0 ? jobs : QThread::idealThreadCount());
}

void ReviewSession::startLoading()
{
    m_loading = std::exchange(m_pending, {});
    m_nextResult = 0;
    Q_EMIT loadProgress(0, int(m_loading.size()));
    QThreadPool *pool = m_pool.get();
    // Read, and known by its content for the store, off the GUI thread.
    m_cancel = std::make_shared<std::atomic_bool>(false);
    // A scan reports each page it recognised and stops when asked to, on the reading's thread.
    QPointer<ReviewSession> self(this);
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    // The content hash keys what the store keeps; without a store it is not needed.
    const ReportReader::Hash hash = m_keeper ? ReportReader::Hash::Content : ReportReader::Hash::No;
    m_watcher->setFuture(QtConcurrent::mapped(pool, m_loading, [self, cancel, hash](const QString &path) {
        ScanReader::Progress progress;
        progress.cancel = cancel.get();
        progress.pageDone = [self, path](int done, int total) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, path, done, total] {
                    if (self)
                        Q_EMIT self->pageProgress(path, done, total);
                },
                Qt::QueuedConnection);
        };
        ScanReader::setThreadProgress(&progress);
        ReadResult r = ReportReader::read(path, hash);
        ScanReader::setThreadProgress(nullptr);
        return r;
    }));
}

void ReviewSession::cancelLoading()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher->cancel();
}

void ReviewSession::takeResults()
{
    // Results come back as threads finish; the reports are added in the order given, a slice of
    // time at a time, so that the window paints and answers between slices however many there are.
    m_takeTimer->stop();
    QElapsedTimer slice;
    slice.start();
    while (m_nextResult < m_loading.size() && m_watcher->future().isResultReadyAt(m_nextResult)) {
        if (slice.elapsed() >= SliceMilliseconds) {
            m_takeTimer->start();
            return;
        }
        const ReadResult r = m_watcher->resultAt(m_nextResult++);
        const int index = add(r);
        if (review(index))
            m_opened.append(QFileInfo(r.path).absoluteFilePath());
        Q_EMIT reportRead(index);
    }
    if (!m_loading.isEmpty() && !m_watcher->isRunning() && m_nextResult >= m_loading.size())
        finishLoading();
}

void ReviewSession::finishLoading()
{
    if (m_loading.isEmpty() || m_watcher->isRunning())
        return;
    if (m_nextResult < m_loading.size()) {
        takeResults(); // comes back here when the last is in
        return;
    }
    m_loading.clear();
    if (!m_pending.isEmpty()) {
        startLoading();
        return;
    }
    Q_EMIT loadFinished(std::exchange(m_opened, {}));
}

void ReviewSession::waitForLoaded()
{
    while (isLoading()) {
        m_watcher->waitForFinished();
        finishLoading();
    }
}

} // namespace nianbao
