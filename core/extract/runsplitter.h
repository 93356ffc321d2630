#pragma once

#include "io/limits.h"
#include "report/report.h"
#include "rules/identities.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/// Digits that ran together ("801000081") and the numbers they may hold.
struct RunToken
{
    QString digits;
    qsizetype start = 0;   // normalized position of the first digit
    bool negative = false; // a minus sign before the digits: the first number cut from them is negative
};

struct SplitValue
{
    double value = 0;
    int start = 0; // normalized span of the digits of this value (at most Limits::MaxNormalizedChars)
    int end = 0;
};
using Split = QList<SplitValue>;

/// A group of cells read from runs of digits, with every way to read them.
struct Slot
{
    QStringList keys;
    QList<int> ids; // the numbers of keys (CellIds), or none: then looked up by key
    QList<Split> candidates;
    bool fromRun = true;
    Cell::Doubt doubt = Cell::Doubt::Split; // why a cell the candidates do not decide is in doubt

    /// The number of keys[k].
    int idOf(qsizetype k) const { return ids.size() == keys.size() ? ids[k] : CellIds::of(keys[k]); }
};

class RunSplitter
{
public:
    /// Every way to cut the tokens into n numbers: a token boundary is always a number boundary,
    /// a number has no leading zero (but 0 itself) and at most Limits::MaxSplitDigits digits.
    /// Stops after limit splits. Only cuts that can be completed are tried, so the work is bounded
    /// by the splits returned, whatever the run.
    static QList<Split> enumerate(const QList<RunToken> &tokens, int n, int limit = Limits::MaxRunSplits);
    /// Can n cells hold the tokens at all (each at most Limits::MaxSplitDigits digits)?
    static bool fits(const QList<RunToken> &tokens, int n);

    /// Keeps the candidates of each slot that satisfy the identities, first the slot's own, then
    /// all of them together with the cells already read (read; a value too long to hold is not
    /// known, RuleEngine::isTooLong). Identities that cannot all hold
    /// leave the candidates as they are: what they do not decide stays undecided.
    static void solve(QList<Slot> &slots, const CellTable &read, const QList<IdentityInstance> &identities);
};

} // namespace nianbao
