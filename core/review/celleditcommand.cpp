#include "celleditcommand.h"

#include "session/reviewpolicy.h"

namespace nianbao {

bool CellEditCommand::sameValue(const Cell &a, const Cell &b)
{
    if (a.state != b.state)
        return false;
    switch (a.state) {
    case Cell::State::Number:
        return a.value == b.value;
    case Cell::State::Blank:
        return true;
    case Cell::State::Text:
        return a.text == b.text;
    case Cell::State::Uncertain:
        return a.candidates == b.candidates;
    }
    return false;
}

CellEditCommand::CellEditCommand(Review *review, QString action, QUndoCommand *parent)
    : QUndoCommand(parent), m_review(review), m_action(std::move(action)), m_note(review->pendingNote())
{}

void CellEditCommand::addChange(const QString &key, Cell value, bool keepSpan)
{
    const Cell *now = m_review->report().cell(key);
    // Only a changed value is a correction: a 0 moved onto a 0 is no change.
    if (now && sameValue(*now, value))
        return;
    if (keepSpan) {
        const Cell *origin = now ? now : m_review->extracted().cell(key);
        value.start = origin ? origin->start : -1;
        value.length = origin ? origin->length : 0;
    }
    if (value.state != Cell::State::Uncertain)
        value.candidates.clear();
    CellChange c;
    c.key = key;
    if (now)
        c.before = *now;
    c.after = std::move(value);
    m_changes.append(std::move(c));
}

void CellEditCommand::redo()
{
    if (!m_done) {
        m_done = true;
        m_review->clearPendingNote(); // one note, one edit
    }
    m_statusBefore = m_review->status();
    m_recorded = m_review->apply(m_changes, m_action, m_note);
    m_statusAfter = m_review->status();
}

void CellEditCommand::undo()
{
    m_review->revert(m_changes, m_recorded);
    m_recorded = 0;
    m_review->setStatus(ReviewPolicy::afterUndo(m_statusBefore, m_statusAfter, m_review->status()));
}

} // namespace nianbao
