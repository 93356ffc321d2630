#include "labelmatcher.h"

#include "template/threadmemo.h"

#include <QList>

#include <utility>

namespace nianbao {

namespace {

int lcsLength(QStringView a, QStringView b, qsizetype *lastB)
{
    // Longest common subsequence; lastB = index in b after the last matched character.
    const qsizetype n = a.size(), m = b.size();
    QList<int> prev(m + 1, 0), cur(m + 1, 0);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : qMax(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    const int best = prev[m];
    if (lastB) {
        qsizetype j = m;
        while (j > 0 && prev[j - 1] == best)
            --j;
        *lastB = j;
    }
    return best;
}

double exactScore(QStringView key, QStringView alias)
{
    // Only an alias that ends less than its length before the key's end scores: looked for in the
    // key's tail alone, so a long label costs no more than a short one.
    const qsizetype tail = qMin<qsizetype>(key.size(), 2 * alias.size());
    const qsizetype inTail = key.right(tail).lastIndexOf(alias);
    const qsizetype pos = inTail < 0 ? -1 : key.size() - tail + inTail;
    if (pos < 0)
        return 0;
    const qsizetype gap = key.size() - (pos + alias.size());
    if (alias.size() <= 2 && gap > 0)
        return 0;
    return double(alias.size()) - double(gap);
}

/// A label with a typo or a lost character ("其他法律行政止公开"): the longest common subsequence
/// of the alias and the label's tail, when it covers most of the alias.
double fuzzyScore(QStringView key, QStringView alias)
{
    if (alias.size() < 6)
        return 0;
    const QStringView tail = key.right(qMin<qsizetype>(key.size(), alias.size() * 2));
    // Cheap bound first: characters of the alias present in the tail at all.
    qsizetype present = 0;
    for (QChar c : alias)
        present += tail.contains(c) ? 1 : 0;
    if (double(present) < 0.7 * double(alias.size()))
        return 0;
    qsizetype last = 0;
    const int l = lcsLength(alias, tail, &last);
    if (double(l) < 0.7 * double(alias.size()))
        return 0;
    return 0.9 * l - double(tail.size() - last);
}

} // namespace

LabelMatch LabelMatcher::match(const TableDef &t, QStringView key)
{
    // The same labels come back in report after report: each is matched once a thread (up to a
    // bound), then looked up by its letters.
    thread_local ThreadMemo<TableDef, LabelMatch> remembered(20000);
    if (key.isEmpty() || key.size() > 200 || !Template::isBuiltIn(&t))
        return matchUncached(t, key);
    return remembered.get(&t, key, [&] { return matchUncached(t, key); });
}

LabelMatch LabelMatcher::matchUncached(const TableDef &t, QStringView key)
{
    LabelMatch best;
    if (key.isEmpty())
        return best;
    bool fuzzy = false;
    auto consider = [&](double s, int row, int group) {
        if (s > 0 && s > best.score) {
            best.score = s;
            best.row = row;
            best.group = group;
            best.fuzzy = fuzzy;
        }
    };
    // Rows before groups: on a tie ("其他处理" is both) the row wins.
    for (int r = 0; r < t.rows.size(); ++r)
        for (const QString &a : t.rows[r].aliases)
            consider(exactScore(key, a), r, -1);
    for (int g = 0; g < t.groups.size(); ++g)
        for (const QString &a : t.groups[g].aliases)
            consider(exactScore(key, a), -1, g);
    if (best.isSure())
        return best;
    fuzzy = true;
    for (int r = 0; r < t.rows.size(); ++r)
        for (const QString &a : t.rows[r].aliases)
            if (0.9 * double(a.size()) > best.score)
                consider(fuzzyScore(key, a), r, -1);
    for (int g = 0; g < t.groups.size(); ++g)
        for (const QString &a : t.groups[g].aliases)
            if (0.9 * double(a.size()) > best.score)
                consider(fuzzyScore(key, a), -1, g);
    return best;
}

} // namespace nianbao
