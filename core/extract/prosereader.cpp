#include "prosereader.h"

#include "io/limits.h"
#include "report/report.h"
#include "text/normalizer.h"
#include "text/patternset.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <memory>

namespace nianbao {

void ProseReader::read(const NormalizedText &norm, Report *report)
{
    // The template's patterns, searched for together; made once a thread for each set: for the
    // program's own templates, which never change, found by the template.
    const Template *tmpl = report->tmpl;
    const auto patternsOf = [tmpl] {
        QStringList patterns;
        for (const ProseCheckDef &check : tmpl->proseChecks())
            patterns += check.patterns;
        return patterns;
    };
    std::shared_ptr<const PatternSet> set;
    if (Template::isBuiltIn(tmpl)) {
        static thread_local QHash<const Template *, std::shared_ptr<const PatternSet>> own;
        std::shared_ptr<const PatternSet> &mine = own[tmpl];
        if (!mine)
            mine = std::make_shared<const PatternSet>(patternsOf());
        set = mine;
    } else {
        const QStringList patterns = patternsOf();
        static thread_local QHash<QStringList, std::shared_ptr<const PatternSet>> sets;
        auto it = sets.constFind(patterns);
        if (it == sets.constEnd()) {
            if (sets.size() >= 16) // templates read from files: a few at most
                sets.clear();
            it = sets.insert(patterns, std::make_shared<const PatternSet>(patterns));
        }
        set = *it;
    }
    const QList<QList<QRegularExpressionMatch>> matches = set->globalMatch(
        norm.text(), norm.isWellFormed() ? PatternSet::Subject::WellFormed : PatternSet::Subject::IllFormed);
    qsizetype index = 0;
    for (const ProseCheckDef &check : report->tmpl->proseChecks()) {
        for (qsizetype k = 0; k < check.patterns.size(); ++k) {
            for (const QRegularExpressionMatch &hit : matches[index++]) {
                ProseFact f;
                f.check = check.id;
                bool ok = false;
                f.value = hit.capturedView(1).toDouble(&ok);
                if (!ok || Limits::tooManyDigits(hit.capturedView(1))) {
                    f.value = 0;
                    f.tooLong = true;
                }
                f.start = norm.originalStart(hit.capturedStart(1));
                f.length = norm.originalEnd(hit.capturedEnd(1)) - f.start;
                report->prose.append(f);
            }
        }
    }
}

void ProseReader::applyHints(const Report &report, QList<Slot> &slots)
{
    // Numbers of the prose that name one cell decide a run of digits when one reading agrees.
    QHash<CellKey, QSet<qint64>> found;
    for (const ProseCheckDef &check : report.tmpl->proseChecks()) {
        if (!check.decides || check.sums.size() != 1 || check.sums.first().size() != 1)
            continue;
        for (const ProseFact &f : std::as_const(report.prose))
            if (f.check == check.id && !f.tooLong)
                found[check.sums.first().first()].insert(qint64(f.value));
    }
    if (found.isEmpty())
        return;
    for (Slot &s : slots) {
        if (s.candidates.size() <= 1)
            continue;
        // The prose's values of each cell of the slot, looked up once for all its readings.
        QVarLengthArray<std::pair<int, const QSet<qint64> *>, 16> hinted;
        for (int i = 0; i < s.keys.size(); ++i)
            if (const auto it = found.constFind(s.keys.at(i)); it != found.cend() && !it->isEmpty())
                hinted.append({i, &*it});
        if (hinted.isEmpty())
            continue; // no reading is kept: none uses a hint
        QList<Split> kept;
        for (const Split &c : s.candidates) {
            const bool ok = std::all_of(hinted.cbegin(), hinted.cend(), [&](const auto &h) {
                return h.second->contains(qint64(c[h.first].value));
            });
            if (ok)
                kept.append(c);
        }
        if (!kept.isEmpty())
            s.candidates = kept;
    }
}

} // namespace nianbao
