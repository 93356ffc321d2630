#include "textrepeat.h"

#include "text/normalizer.h"

#include <QSet>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

/// Less prose than this (characters compared) says too little to call a report copied.
constexpr qsizetype LeastProse = 200;
/// A sentence shorter than this (a heading, "无。") is not compared.
constexpr qsizetype ShortestSentence = 8;

} // namespace

QString TextRepeat::sentenceKey(const QString &text)
{
    const QString n = NormalizedText::normalize(text);
    QString out;
    out.reserve(n.size());
    bool digits = false;
    for (QChar c : n) {
        if (c.isDigit()) {
            if (!digits)
                out.append(u'#');
            digits = true;
            continue;
        }
        digits = false;
        if (c.isLetter())
            out.append(c);
    }
    return out;
}

double TextRepeat::sharedShare(const Report &previous, const Report &current, TextSpan *longest,
                               int *sentences, int *same)
{
    if (!previous.document.read || !current.document.read)
        return -1;
    QSet<QString> before;
    for (const TextSpan &s : previous.document.prose) {
        const QString k = sentenceKey(s.text);
        if (k.size() >= ShortestSentence)
            before.insert(k);
    }
    qsizetype total = 0, shared = 0, longestSize = 0;
    int n = 0, m = 0;
    for (const TextSpan &s : current.document.prose) {
        const QString k = sentenceKey(s.text);
        if (k.size() < ShortestSentence)
            continue;
        ++n;
        total += k.size();
        if (before.contains(k)) {
            ++m;
            shared += k.size();
            if (longest && k.size() > longestSize) {
                longestSize = k.size();
                *longest = s;
            }
        }
    }
    if (sentences)
        *sentences = n;
    if (same)
        *same = m;
    if (total < LeastProse)
        return -1;
    return double(shared) / double(total);
}

QList<Finding> TextRepeat::compare(const Report &previous, const Report &current)
{
    QList<Finding> out;
    TextSpan longest;
    int sentences = 0, same = 0;
    const double share = sharedShare(previous, current, &longest, &sentences, &same);
    if (share <= MostShared)
        return out;
    Finding f;
    f.rule = u"TEXT.REPEATED"_s;
    f.severity = Finding::Severity::Warning;
    f.evidence = longest;
    const QString pct = QString::number(qRound(share * 100));
    f.message = u"正文约 %1% 与 %2 年报告相同（%3 句中 %4 句相同，数字不计）；评估对照搬上年报告扣分"_s.arg(
        pct, previous.year, QString::number(sentences), QString::number(same));
    f.messageEn =
        u"About %1% of the prose is the same as the %2 report's (%4 of %3 sentences, numbers aside); "
        u"assessments deduct for a copied report"_s.arg(pct, previous.year, QString::number(sentences),
                                                        QString::number(same));
    out.append(f);
    return out;
}

} // namespace nianbao
