#include "celleditcommand.h"

namespace nianbao {

namespace {

bool sameValue(const Cell &a, const Cell &b)
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

} // namespace

CellEditCommand::CellEditCommand(Review *review, QString action, QUndoCommand *parent)
    : QUndoCommand(parent), m_review(review), m_action(std::move(action))
{}

void CellEditCommand::addChange(const QString &key, Cell value, bool keepSpan)
{
    const Cell *now = m_review->report().cell(key);
    if (now && sameValue(*now, value) &&
        (keepSpan || (now->start == value.start && now->length == value.length)))
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
    m_recorded = m_review->apply(m_changes, m_action);
}

void CellEditCommand::undo()
{
    m_review->revert(m_changes, m_recorded);
    m_recorded = 0;
}

} // namespace nianbao
