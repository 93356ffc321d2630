#include "metadatareader.h"

#include "report/report.h"
#include "text/charscan.h"
#include "text/normalizer.h"
#include "text/patternset.h"
#include "text/textsearch.h"

#include <QRegularExpression>
#include <QStringList>
#include <QVarLengthArray>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

void MetadataReader::read(const NormalizedText &norm, Report *report)
{
    const QString &text = norm.text();
    // The lines are looked at from the top (the title) and from the end (the signature) only:
    // views found as they are needed, not a list of every line.
    const QStringView all = QStringView(text).left(200000);
    const auto lineFrom = [&](qsizetype from) { // the line that starts at from, and where the next does
        qsizetype end = charscan::indexOf(all, u'\n', from);
        if (end < 0)
            end = all.size();
        return std::pair{all.mid(from, end - from), end + 1};
    };
    static const QRegularExpression yearRe(u"(20\\d\\d)\\s*年"_s);
    // The title: a short line near the top naming the annual report.
    int seen = 0;
    for (qsizetype at = 0; at <= all.size();) {
        const auto [raw, after] = lineFrom(at);
        at = after;
        const QStringView shown = raw.trimmed();
        if (shown.isEmpty())
            continue;
        if (++seen > 40)
            break;
        // A short line about 信息公开 or 政务公开 that names the annual report, or is followed by
        // a line that does: asked in that order, the cheapest first.
        if (shown.size() > 80 || !(findText(shown, u"信息公开") >= 0 || findText(shown, u"政务公开") >= 0))
            continue;
        if (findText(shown, u"年度报告") < 0 && findText(shown, u"年报") < 0 &&
            !(after <= all.size() && lineFrom(after).first.trimmed().startsWith(u"年度报告")))
            continue;
        const QString line = shown.toString();
        const QRegularExpressionMatch m = yearRe.match(line);
        if (!m.hasMatch())
            continue;
        report->year = m.captured(1);
        QString unit = line.left(m.capturedStart());
        static const QRegularExpression prefix(u"^(?:标\\s*题|题\\s*目)\\s*[:：]?\\s*"_s);
        unit.remove(prefix);
        unit.remove(u'|');
        if (unit.trimmed().isEmpty()) {
            // "2024 年上海市科委政府信息公开工作年度报告": the body follows the year.
            unit = line.mid(m.capturedEnd());
            static const QRegularExpression rest(
                u"(?:度)?\\s*((?:[^\\s]){2,30}?)(?:政府信息公开|政务公开)"_s);
            const QRegularExpressionMatch u2 = rest.match(unit);
            unit = u2.hasMatch() ? u2.captured(1) : QString();
        }
        report->unit = unit.trimmed();
        break;
    }
    if (report->year.isEmpty()) {
        static const PatternSet period(
            {u"(?:统计|期限|时限|周期)[^。\\n]{0,12}?(20\\d\\d)\\s*年\\s*1\\s*月\\s*1\\s*日"_s});
        const auto subject =
            norm.isWellFormed() ? PatternSet::Subject::WellFormed : PatternSet::Subject::IllFormed;
        QRegularExpressionMatch p = period.firstMatch(text, 0, subject);
        if (!p.hasMatch()) {
            static const PatternSet any({u"(20\\d\\d)\\s*年\\s*1\\s*月\\s*1\\s*日"_s});
            p = any.firstMatch(text, 0, subject);
        }
        if (p.hasMatch())
            report->year = p.captured(1);
    }
    if (report->unit.isEmpty()) {
        // The signature: the body's name on the line before the closing date, among the last
        // twelve lines that are not blank (views of the text, none copied but the name).
        QVarLengthArray<QStringView, 12> tail; // from the end up
        for (qsizetype end = all.size(); end >= 0 && tail.size() < 12;) {
            // (lastIndexOf from −1 would search from the end: the first line starts at 0.)
            const qsizetype start = end == 0 ? 0 : all.lastIndexOf(u'\n', end - 1) + 1;
            const QStringView shown = all.mid(start, end - start).trimmed();
            if (!shown.isEmpty())
                tail.append(shown);
            end = start - 1;
        }
        for (qsizetype i = 0; i + 1 < tail.size(); ++i) {
            if (isDateLine(tail[i])) {
                const QStringView cand = tail[i + 1];
                if (cand.size() <= 40 && !cand.contains(u'。') && !cand.contains(u'，') &&
                    !cand.contains(u','))
                    report->unit = cand.toString();
                break;
            }
        }
    }
}

bool MetadataReader::isDateLine(QStringView line)
{
    // ^\s*20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$, as PCRE reads it without Unicode's
    // properties (\s and \d ASCII's), told without a match made for each line.
    qsizetype i = 0;
    const qsizetype n = line.size();
    const auto spaces = [&] {
        while (i < n && charscan::isAsciiSpace(line[i].unicode()))
            ++i;
    };
    const auto digits = [&](qsizetype least, qsizetype most) {
        qsizetype k = 0;
        while (k < most && i < n && charscan::isAsciiDigit(line[i].unicode()))
            ++i, ++k;
        return k >= least;
    };
    const auto letter = [&](char16_t c) {
        if (i < n && line[i] == c) {
            ++i;
            return true;
        }
        return false;
    };
    spaces();
    if (!letter(u'2') || !letter(u'0') || !digits(2, 2))
        return false;
    for (const char16_t unit : {u'年', u'月'}) { // the year's and the month's, then a number
        spaces();
        if (!letter(unit))
            return false;
        spaces();
        if (!digits(1, 2))
            return false;
    }
    spaces();
    if (!letter(u'日'))
        return false;
    spaces();
    return i == n;
}

} // namespace nianbao
