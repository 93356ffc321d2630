#include "dispositioncommand.h"

#include "session/reviewpolicy.h"

namespace nianbao {

DispositionCommand::DispositionCommand(Review *review, const QList<Finding> &findings,
                                       std::optional<Disposition::Kind> kind, const QString &reason,
                                       const QString &reviewer, const QDateTime &time, QUndoCommand *parent)
    : QUndoCommand(parent), m_review(review)
{
    QStringList seen;
    for (const Finding &f : findings) {
        const QString key = findingKey(f);
        if (seen.contains(key))
            continue;
        seen.append(key);
        DispositionChange c;
        c.finding = key;
        if (const Disposition *had = dispositionOf(review->dispositions(), f))
            c.before = *had;
        if (kind) {
            Disposition word;
            word.finding = key;
            word.rule = f.rule;
            word.kind = *kind;
            word.reason = *kind == Disposition::Kind::Dismissed ? reason : QString();
            word.reviewer = reviewer;
            word.time = time.toUTC();
            // the same word again changes nothing
            if (c.before && c.before->kind == word.kind && c.before->reason == word.reason)
                continue;
            c.after = word;
        } else if (!c.before) {
            continue;
        }
        m_changes.append(c);
    }
    const int n = int(m_changes.size());
    if (!kind)
        setText(tr("Clear the disposition of %n finding(s)", nullptr, n));
    else if (*kind == Disposition::Kind::Dismissed)
        setText(tr("Dismiss %n finding(s)", nullptr, n));
    else
        setText(tr("Confirm %n finding(s)", nullptr, n));
}

void DispositionCommand::redo()
{
    m_statusBefore = m_review->status();
    m_review->applyDispositions(m_changes, true);
    m_statusAfter = m_review->status();
}

void DispositionCommand::undo()
{
    m_review->applyDispositions(m_changes, false);
    // as for an edit of the cells: the state before comes back unless it was changed since
    m_review->setStatus(ReviewPolicy::afterUndo(m_statusBefore, m_statusAfter, m_review->status()));
}

} // namespace nianbao
