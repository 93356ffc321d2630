#include "prosechecks.h"

#include "textview.h"

#include "rules/ruleengine.h"
#include "text/patternset.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

const QString Count = u"[^0-9。；;，,、]{0,%1}?(\\d+)(?:件|起|宗|个)"_s;

struct GroupPattern
{
    QString group; // reconsideration, litigation
    QRegularExpression total;
};

struct Pattern
{
    QString subject;
    QRegularExpression re;
};

const QList<GroupPattern> &groupPatterns()
{
    static const QList<GroupPattern> p = {
        {u"reconsideration"_s, QRegularExpression(u"行政复议(?!后)"_s + Count.arg(8))},
        {u"litigation"_s, QRegularExpression(u"行政诉讼"_s + Count.arg(8))},
    };
    return p;
}

const QList<Pattern> &resultPatterns()
{
    static const QList<Pattern> p = {
        {u"upheld"_s, QRegularExpression(u"(?:结果)?维持"_s + Count.arg(3))},
        {u"corrected"_s, QRegularExpression(u"(?:结果)?纠正"_s + Count.arg(3))},
        {u"other"_s, QRegularExpression(u"其他结果"_s + Count.arg(3))},
        {u"pending"_s, QRegularExpression(u"尚未审结"_s + Count.arg(3))},
    };
    return p;
}

const QList<Pattern> &categoryPatterns()
{
    static const QString apps = u"[^0-9。；;，,、]{0,4}?(\\d+)件"_s;
    static const QList<Pattern> p = {
        {u"t3.granted"_s, QRegularExpression(u"予以公开"_s + apps)},
        {u"t3.partially_granted"_s, QRegularExpression(u"部分公开"_s + apps)},
        {u"t3.denied"_s, QRegularExpression(u"不予公开"_s + apps)},
        {u"t3.unable"_s, QRegularExpression(u"无法提供"_s + apps)},
        {u"t3.rejected"_s, QRegularExpression(u"不予处理"_s + apps)},
        {u"t3.other"_s, QRegularExpression(u"其他处理"_s + apps)},
    };
    return p;
}

/// The patterns of a list, searched for together.
template <typename P> PatternSet together(const QList<P> &list, QRegularExpression P::*re)
{
    QStringList sources;
    for (const P &p : list)
        sources.append((p.*re).pattern());
    return PatternSet(sources);
}

bool inRegion(const QList<TableRegion> &regions, qsizetype p)
{
    for (const TableRegion &r : regions)
        if (p >= r.from && p < r.to)
            return true;
    return false;
}

StatedNumber stated(const TextView &v, const QString &subject, const QRegularExpressionMatch &m,
                    int group = 1)
{
    StatedNumber n;
    n.subject = subject;
    n.value = m.capturedView(group).toDouble();
    n.number = v.span(m.capturedStart(group), m.capturedEnd(group));
    const auto [s, e] = v.sentenceAt(m.capturedStart(group));
    n.sentence = v.span(s, e);
    return n;
}

/// The cell keys of a sum, "t3.denied_*.total" expanded over the rows of the report's variant.
QStringList expand(const QStringList &keys, const QSet<QString> &keySet, const QStringList &sum)
{
    QStringList out;
    for (const QString &k : sum) {
        if (!k.contains(u'*')) {
            if (!keySet.contains(k))
                return {}; // a row this report's variant does not have
            out.append(k);
            continue;
        }
        const qsizetype star = k.indexOf(u'*');
        const QString head = k.left(star), tail = k.mid(star + 1);
        for (const QString &key : keys)
            if (key.size() > head.size() + tail.size() && key.startsWith(head) && key.endsWith(tail) &&
                !QStringView(key).mid(head.size(), key.size() - head.size() - tail.size()).contains(u'.'))
                out.append(key);
    }
    return out;
}

/// The value of every option whose cells are all numbers.
QList<double> optionValues(const Report &report, const QStringList &allKeys, const QSet<QString> &keySet,
                           const ProseSubject &s, QStringList *cells)
{
    QList<double> out;
    for (const QStringList &sum : s.sums) {
        const QStringList keys = expand(allKeys, keySet, sum);
        if (keys.isEmpty())
            continue;
        double v = 0;
        bool complete = true;
        for (const QString &k : keys) {
            const Cell *c = report.cell(k);
            if (!c || c->state != Cell::State::Number)
                complete = false;
            else
                v += c->value;
            if (!cells->contains(k))
                cells->append(k);
        }
        if (complete && !out.contains(v))
            out.append(v);
    }
    return out;
}

QString numbers(const QList<double> &vs, const QString &sep)
{
    QStringList out;
    for (double v : vs)
        out.append(RuleEngine::formatNumber(v));
    return out.join(sep);
}

QString percent(double v, int decimals)
{
    return QString::number(v, 'f', decimals) + u'%';
}

} // namespace

const QList<ProseSubject> &ProseChecks::subjects()
{
    static const QList<ProseSubject> s = [] {
        QList<ProseSubject> out;
        out.append({u"reconsideration.total"_s,
                    u"行政复议案件数"_s,
                    u"administrative reconsideration cases"_s,
                    {{u"t4.reconsideration.total"_s}}});
        out.append({u"litigation.total"_s,
                    u"行政诉讼案件数"_s,
                    u"administrative litigation cases"_s,
                    {{u"t4.litigation_direct.total"_s, u"t4.litigation_after_reconsideration.total"_s},
                     {u"t4.litigation_direct.total"_s},
                     {u"t4.litigation_after_reconsideration.total"_s}}});
        const QList<std::tuple<QString, QString, QString>> results = {
            {u"upheld"_s, u"结果维持"_s, u"upheld"_s},
            {u"corrected"_s, u"结果纠正"_s, u"corrected"_s},
            {u"other"_s, u"其他结果"_s, u"other results"_s},
            {u"pending"_s, u"尚未审结"_s, u"pending"_s}};
        for (const auto &[key, zh, en] : results) {
            out.append({u"reconsideration."_s + key,
                        u"行政复议"_s + zh,
                        u"reconsideration cases "_s + en,
                        {{u"t4.reconsideration."_s + key}}});
            out.append({u"litigation."_s + key,
                        u"行政诉讼"_s + zh,
                        u"litigation cases "_s + en,
                        {{u"t4.litigation_direct."_s + key, u"t4.litigation_after_reconsideration."_s + key},
                         {u"t4.litigation_direct."_s + key},
                         {u"t4.litigation_after_reconsideration."_s + key}}});
        }
        out.append(
            {u"t3.granted"_s, u"予以公开的申请"_s, u"applications granted"_s, {{u"t3.granted.total"_s}}});
        out.append({u"t3.partially_granted"_s,
                    u"部分公开的申请"_s,
                    u"applications partially granted"_s,
                    {{u"t3.partially_granted.total"_s}}});
        out.append(
            {u"t3.denied"_s, u"不予公开的申请"_s, u"applications denied"_s, {{u"t3.denied_*.total"_s}}});
        out.append({u"t3.unable"_s,
                    u"无法提供的申请"_s,
                    u"applications that could not be answered"_s,
                    {{u"t3.unable_*.total"_s}}});
        out.append({u"t3.rejected"_s,
                    u"不予处理的申请"_s,
                    u"applications not processed"_s,
                    {{u"t3.rejected_*.total"_s}}});
        out.append({u"t3.other"_s,
                    u"其他处理的申请"_s,
                    u"applications otherwise handled"_s,
                    {{u"t3.other.total"_s}, {u"t3.other_*.total"_s}}});
        return out;
    }();
    return s;
}

QList<StatedNumber> ProseChecks::read(const TextView &v, const QList<TableRegion> &regions)
{
    QList<StatedNumber> out;
    const QString &c = v.compact();
    // 行政复议 / 行政诉讼 totals, and the results that follow them in the same sentence.
    struct Hit
    {
        QString group;
        QRegularExpressionMatch m;
    };
    QList<Hit> totals;
    static const PatternSet groups = together(groupPatterns(), &GroupPattern::total);
    const QList<QList<QRegularExpressionMatch>> groupHits = groups.globalMatch(c, v.compactSubject());
    for (qsizetype g = 0; g < groupHits.size(); ++g)
        for (const QRegularExpressionMatch &m : groupHits[g])
            if (!inRegion(regions, m.capturedStart()))
                totals.append({groupPatterns()[g].group, m});
    std::sort(totals.begin(), totals.end(),
              [](const Hit &a, const Hit &b) { return a.m.capturedStart() < b.m.capturedStart(); });
    for (int i = 0; i < totals.size(); ++i) {
        const Hit &h = totals[i];
        out.append(stated(v, h.group + u".total"_s, h.m));
        // Its results: up to the end of the sentence or the next total.
        qsizetype end = h.m.capturedEnd();
        while (end < c.size() && c[end] != u'。' && c[end] != u'；' && c[end] != u';')
            ++end;
        if (i + 1 < totals.size())
            end = qMin(end, totals[i + 1].m.capturedStart());
        const QStringView clause = QStringView(c).left(end);
        for (const Pattern &p : resultPatterns()) {
            const QRegularExpressionMatch m = p.re.match(clause, h.m.capturedEnd());
            if (m.hasMatch())
                out.append(stated(v, h.group + u'.' + p.subject, m));
        }
    }
    // Applications per result category, and the share that may follow ("占43.6%").
    static const QRegularExpression share(
        u"^[，,]?(?:约占|占比|占|比例为|比重为)[^0-9。；;]{0,6}?(\\d+(?:\\.(\\d+))?)%"_s);
    static const PatternSet categories = together(categoryPatterns(), &Pattern::re);
    const QList<QList<QRegularExpressionMatch>> categoryHits = categories.globalMatch(c, v.compactSubject());
    for (qsizetype k = 0; k < categoryHits.size(); ++k) {
        const Pattern &p = categoryPatterns()[k];
        for (const QRegularExpressionMatch &m : categoryHits[k]) {
            if (inRegion(regions, m.capturedStart()))
                continue;
            out.append(stated(v, p.subject, m));
            const QRegularExpressionMatch s = share.match(c, m.capturedEnd(), QRegularExpression::NormalMatch,
                                                          QRegularExpression::AnchorAtOffsetMatchOption);
            if (s.hasMatch()) {
                StatedNumber n = stated(v, p.subject, s);
                n.percent = true;
                n.decimals = int(s.capturedLength(2));
                out.append(n);
            }
        }
    }
    return out;
}

QList<Finding> ProseChecks::check(const Report &report)
{
    QList<Finding> out;
    if (!report.document.read || !report.tmpl || report.document.numbers.isEmpty())
        return out;
    const QStringList allKeys = report.cellKeys();
    const QSet<QString> keySet(allKeys.begin(), allKeys.end());
    for (const ProseSubject &s : subjects()) {
        QList<const StatedNumber *> counts, shares;
        for (const StatedNumber &n : report.document.numbers)
            if (n.subject == s.id)
                (n.percent ? shares : counts).append(&n);
        if (counts.isEmpty())
            continue;
        QStringList cells;
        const QList<double> table = optionValues(report, allKeys, keySet, s, &cells);
        if (table.isEmpty())
            continue;
        QList<double> said;
        const StatedNumber *first = nullptr;
        bool agrees = false;
        for (const StatedNumber *n : std::as_const(counts)) {
            agrees = agrees || table.contains(n->value);
            if (!said.contains(n->value))
                said.append(n->value);
            if (!first && !table.contains(n->value))
                first = n;
        }
        if (!agrees && first) {
            Finding f;
            f.rule = u"PROSE.MISMATCH"_s;
            f.severity = Finding::Severity::Warning;
            f.cells = cells;
            f.evidence = first->sentence;
            f.message = u"正文所述%1为 %2，表格为 %3；正文可能只涉及本机关，请核对"_s.arg(
                s.label, numbers(said, u"、"_s), numbers(table, u" 或 "_s));
            f.messageEn = u"The text states %1 as %2, the tables give %3; the text may cover only the "
                          u"issuing office — please check"_s.arg(s.labelEn, numbers(said, u", "_s),
                                                                 numbers(table, u" or "_s));
            out.append(f);
        }
        // Shares: of the applications processed (or received) as the tables give them.
        if (shares.isEmpty())
            continue;
        QStringList baseCells;
        const ProseSubject bases{QString(),
                                 QString(),
                                 QString(),
                                 {{u"t3.total_processed.total"_s},
                                  {u"t3.new_received.total"_s},
                                  {u"t3.new_received.total"_s, u"t3.carried_over.total"_s}}};
        const QList<double> base = optionValues(report, allKeys, keySet, bases, &baseCells);
        for (const StatedNumber *n : std::as_const(shares)) {
            bool ok = false;
            for (double c : table)
                for (double b : base)
                    ok = ok || (b > 0 && std::abs(100.0 * c / b - n->value) < std::pow(10.0, -n->decimals));
            if (ok || base.isEmpty() || base.first() <= 0)
                continue;
            const double computed = 100.0 * table.first() / base.first();
            Finding f;
            f.rule = u"PROSE.MISMATCH"_s;
            f.severity = Finding::Severity::Warning;
            f.cells = cells + baseCells.mid(0, 1);
            f.evidence = n->sentence;
            const QString frac =
                RuleEngine::formatNumber(table.first()) + u" / "_s + RuleEngine::formatNumber(base.first());
            f.message = u"正文所述%1占比为 %2，按表格为 %3（%4）"_s.arg(
                s.label, percent(n->value, n->decimals), percent(computed, qMax(1, n->decimals)), frac);
            f.messageEn = u"The text gives the share of %1 as %2, the tables give %3 (%4)"_s.arg(
                s.labelEn, percent(n->value, n->decimals), percent(computed, qMax(1, n->decimals)), frac);
            out.append(f);
        }
    }
    return out;
}

} // namespace nianbao
