#include "report.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

bool Cell::isInteger() const
{
    // (Below 9·10^15 a double is whole when it comes back unchanged through an integer: told
    // without a call to floor, which processors without SSE4.1 make.)
    return state == State::Number && std::abs(value) < 9.0e15 && double(qint64(value)) == value;
}

QString Cell::displayText() const
{
    switch (state) {
    case State::Number:
        if (isInteger())
            return QString::number(qint64(value));
        return QString::number(value, 'g', 15);
    case State::Blank:
        return {};
    case State::Text:
        return text;
    case State::Uncertain:
        return u"?"_s;
    }
    return {};
}

QString Cell::stateName(State s)
{
    switch (s) {
    case State::Number:
        return u"number"_s;
    case State::Blank:
        return u"blank"_s;
    case State::Text:
        return u"text"_s;
    case State::Uncertain:
        return u"uncertain"_s;
    }
    return u"blank"_s;
}

Cell::State Cell::stateFromName(QStringView name)
{
    if (name == u"number")
        return State::Number;
    if (name == u"text")
        return State::Text;
    if (name == u"uncertain")
        return State::Uncertain;
    return State::Blank;
}

namespace {

constexpr std::pair<Cell::Doubt, const char16_t *> doubtNames[] = {
    {Cell::Doubt::Split, u"split"},
    {Cell::Doubt::TooManySplits, u"too_many_splits"},
    {Cell::Doubt::LooseLabel, u"loose_label"},
    {Cell::Doubt::WrappedLine, u"wrapped_line"},
    {Cell::Doubt::Grid, u"grid"},
    {Cell::Doubt::LostColumn, u"lost_column"},
    {Cell::Doubt::Recognition, u"recognition"},
};

} // namespace

QString Cell::doubtName(Doubt d)
{
    for (const auto &[doubt, name] : doubtNames)
        if (doubt == d)
            return QString::fromUtf16(name);
    return {};
}

Cell::Doubt Cell::doubtFromName(QStringView name)
{
    for (const auto &[doubt, n] : doubtNames)
        if (name == QStringView(n))
            return doubt;
    return Doubt::None;
}

Cell Cell::uncertain(QList<double> candidates, Doubt why)
{
    Cell c;
    c.state = State::Uncertain;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    c.candidates = std::move(candidates);
    c.doubt = why;
    return c;
}

Cell Cell::number(double v, QString t)
{
    Cell c;
    c.state = State::Number;
    c.value = v;
    c.text = std::move(t);
    return c;
}

Cell Cell::blank()
{
    return Cell{};
}

Cell Cell::textual(QString t)
{
    Cell c;
    c.state = State::Text;
    c.text = std::move(t);
    return c;
}

const Cell *Report::cell(const QString &key) const
{
    return cells.get(key);
}

QStringList Report::cellKeys() const
{
    return tmpl ? tmpl->cellKeys(variant) : QStringList{};
}

QStringList Report::uncertainKeys() const
{
    QStringList out;
    for (const QString &k : cellKeys()) {
        const Cell *c = cell(k);
        if (c && c->state == Cell::State::Uncertain)
            out.append(k);
    }
    return out;
}

QString Report::cellAt(qsizetype pos) const
{
    for (auto it = cells.constBegin(); it != cells.constEnd(); ++it) {
        const Cell &c = it.value();
        if (c.start >= 0 && pos >= c.start && pos < c.start + qMax<qsizetype>(c.length, 1))
            return it.key();
    }
    return {};
}

bool Report::isRecognised() const
{
    return std::any_of(boxes.cbegin(), boxes.cend(), [](const SourceBox &b) { return b.method == u"ocr"; });
}

const SourceBox *Report::boxAt(qsizetype pos) const
{
    if (pos < 0)
        return nullptr;
    // The last box that starts at or before pos.
    auto it = std::upper_bound(boxes.cbegin(), boxes.cend(), pos,
                               [](qsizetype p, const SourceBox &b) { return p < b.start; });
    if (it == boxes.cbegin())
        return nullptr;
    --it;
    return pos < it->start + qMax<qsizetype>(it->length, 1) ? &*it : nullptr;
}

const SourceBox *Report::boxOf(const QString &key) const
{
    const Cell *c = cell(key);
    return c ? boxAt(c->start) : nullptr;
}

QList<int> Report::pagesOf(const QStringList &keys, qsizetype pos) const
{
    QList<int> out;
    for (const QString &k : keys)
        if (const SourceBox *b = boxOf(k))
            out.append(b->page + 1);
    if (const SourceBox *b = boxAt(pos))
        out.append(b->page + 1);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace nianbao
