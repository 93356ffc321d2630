#include "documentreader.h"

#include "formreader.h"
#include "prosechecks.h"
#include "textview.h"

#include "text/patternset.h"

#include "extract/textreading.h"
#include "extract/tokenizer.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

int numeralValue(QStringView s)
{
    // 一 … 十, 十一 … 三十一: enough for part numbers, months and days.
    static const QString digits = u"〇一二三四五六七八九"_s;
    if (s.isEmpty())
        return 0;
    const qsizetype ten = s.indexOf(u'十');
    if (ten < 0) {
        if (s.size() != 1)
            return 0;
        const qsizetype d = digits.indexOf(s[0]);
        return d > 0 ? int(d) : 0;
    }
    const QStringView before = s.left(ten), after = s.mid(ten + 1);
    if (before.size() > 1 || after.size() > 1)
        return 0;
    const int tens = before.isEmpty() ? 1 : int(digits.indexOf(before[0]));
    const int ones = after.isEmpty() ? 0 : int(digits.indexOf(after[0]));
    return tens > 0 && ones >= 0 ? tens * 10 + ones : 0;
}

/// A year, month or day written in digits or in Chinese numerals ("二〇二四", "十二").
int dateNumber(QStringView s, bool year)
{
    bool ok = false;
    const int v = s.toInt(&ok);
    if (ok)
        return v;
    if (!year)
        return numeralValue(s);
    static const QString digits = u"〇一二三四五六七八九"_s;
    int out = 0;
    for (QChar c : s) {
        const qsizetype d = c == u'零' ? 0 : digits.indexOf(c);
        if (d < 0)
            return 0;
        out = out * 10 + int(d);
    }
    return out;
}

bool isNumeral(QChar c)
{
    switch (c.unicode()) {
    case u'一':
    case u'二':
    case u'三':
    case u'四':
    case u'五':
    case u'六':
    case u'七':
    case u'八':
    case u'九':
    case u'十':
        return true;
    default:
        return false;
    }
}

struct PartKey
{
    int part;
    QStringList first; // one of these starts the title
    QStringList also;  // and one of these follows within `within` characters
    int within = 0;
    QString official; // the title as the format prints it, without its number (compact)
};

const QList<PartKey> &partKeys()
{
    static const QList<PartKey> keys = {
        {1, {u"总体情况"_s}, {}, 0, u"总体情况"_s},
        {2, {u"主动公开政府信息"_s}, {}, 0, u"主动公开政府信息情况"_s},
        {3, {u"收到和处理"_s}, {}, 0, u"收到和处理政府信息公开申请情况"_s},
        {4,
         {u"政府信息公开行政复议"_s, u"政府信息公开行政法复议"_s, u"行政复议"_s, u"复议"_s},
         {u"诉讼"_s},
         20,
         u"政府信息公开行政复议、行政诉讼情况"_s},
        {5,
         {u"存在的主要问题"_s, u"存在问题"_s, u"主要问题"_s, u"政府信息公开工作存在"_s},
         {u"改进"_s},
         25,
         u"存在的主要问题及改进情况"_s},
        {6, {u"其他需要报告"_s}, {}, 0, u"其他需要报告的事项"_s},
    };
    return keys;
}

/// The part a title names, and where the words that name it end (in title); 0 when none.
int matchPart(QStringView title, qsizetype maxStart, qsizetype *end)
{
    for (const PartKey &k : partKeys()) {
        for (const QString &f : k.first) {
            const qsizetype p = title.indexOf(f);
            if (p < 0 || p > maxStart)
                continue;
            qsizetype e = p + f.size();
            if (!k.also.isEmpty()) {
                qsizetype best = -1;
                for (const QString &a : k.also) {
                    const qsizetype q = title.indexOf(a, p);
                    if (q >= 0 && q + a.size() <= p + k.within + a.size() && (best < 0 || q < best))
                        best = q + a.size();
                }
                if (best < 0)
                    continue;
                e = best;
            }
            *end = e;
            return k.part;
        }
    }
    return 0;
}

QList<SectionHeading> readHeadings(const TextView &v)
{
    QList<SectionHeading> out;
    const QString &c = v.compact();
    static const QString opens = u"。！？；:：|#*>"_s;
    static const QStringList endings = {u"的事项"_s, u"事项"_s, u"情况"_s, u"措施"_s, u"方面"_s};
    const QString &norm = v.normalized().text();
    for (qsizetype p = 0; p < c.size(); ++p) {
        qsizetype q = p;
        int number = 0;
        if (isNumeral(c[p]) && (p == 0 || !isNumeral(c[p - 1]))) {
            while (q < c.size() && q - p < 3 && isNumeral(c[q]))
                ++q;
            if (q >= c.size() || !(c[q] == u'、' || c[q] == u'.' || c[q] == u','))
                continue;
            number = numeralValue(QStringView(c).mid(p, q - p));
            ++q;
        } else if (c[p] == u'第' && p + 3 < c.size() && isNumeral(c[p + 1]) &&
                   QStringView(c).mid(p + 2, 2) == u"部分") {
            number = numeralValue(QStringView(c).mid(p + 1, 1));
            q = p + 4;
            if (q < c.size() && (c[q] == u'、' || c[q] == u':' || c[q] == u'：'))
                ++q;
        } else {
            continue;
        }
        if (number <= 0)
            continue;
        const bool delimited = v.spaceBefore(p) || p == 0 || opens.contains(c[p - 1]);
        // The title: up to a sentence's or a cell's end.
        qsizetype te = q;
        const auto endsTitle = [](QChar ch) {
            return ch == u'。' || ch == u'；' || ch == u'！' || ch == u'？' || ch == u'|';
        };
        while (te < c.size() && te - q < 40 && !endsTitle(c[te]))
            ++te;
        const QStringView title = QStringView(c).mid(q, te - q);
        qsizetype end = 0;
        const int part = matchPart(title, delimited ? 12 : 0, &end);
        if (part == 0)
            continue;
        // The heading ends with its line when the line is short; inline (a page scraped to one
        // line) it ends with the words that name it.
        qsizetype he = q + end;
        const qsizetype lineEnd = norm.indexOf(u'\n', v.toNormalized(q));
        const qsizetype lineEndC = lineEnd < 0 ? c.size() : v.fromNormalized(lineEnd);
        if (lineEndC - q <= 40 && lineEndC <= te)
            he = lineEndC;
        else
            for (const QString &e : endings)
                if (QStringView(c).mid(he, e.size()) == e) {
                    he += e.size();
                    break;
                }
        SectionHeading h;
        h.part = part;
        h.number = number;
        h.span = v.span(p, he);
        out.append(h);
        p = he - 1;
    }
    // A title alone on its line, without a number ("其他需要报告的事项").
    for (const PartKey &k : partKeys()) {
        for (qsizetype p = c.indexOf(k.official); p >= 0; p = c.indexOf(k.official, p + 1)) {
            const qsizetype e = p + k.official.size();
            if (!v.lineBreakBefore(p) || !(e >= c.size() || v.lineBreakBefore(e)))
                continue;
            const TextSpan s = v.span(p, e);
            bool known = false;
            for (const SectionHeading &h : out)
                known = known || (s.start >= h.span.start && s.start < h.span.start + h.span.length);
            if (known)
                continue;
            SectionHeading h;
            h.part = k.part;
            h.span = s;
            out.append(h);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const SectionHeading &a, const SectionHeading &b) { return a.span.start < b.span.start; });
    return out;
}

StatedPeriod readPeriod(const TextView &v)
{
    static const QRegularExpression re(
        u"(20\\d\\d)年(\\d{1,2})月(\\d{1,2})日(?:起)?(?:至|到|—|–|-|~|～)(?:(20\\d\\d)年)?(\\d{1,2})月(\\d{1,2})日"_s);
    static const QRegularExpression context(u"统计|期限|时限|周期|期间|时段|时间范围"_s);
    StatedPeriod out;
    const QString &c = v.compact();
    for (auto it = re.globalMatch(c); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype from = qMax<qsizetype>(0, m.capturedStart() - 40);
        if (!context.match(QStringView(c).mid(from, m.capturedStart() - from)).hasMatch())
            continue;
        out.fromYear = m.capturedView(1).toInt();
        out.fromMonth = m.capturedView(2).toInt();
        out.fromDay = m.capturedView(3).toInt();
        out.toYear = m.capturedView(4).toInt();
        out.toMonth = m.capturedView(5).toInt();
        out.toDay = m.capturedView(6).toInt();
        out.span = v.span(m.capturedStart(), m.capturedEnd());
        break;
    }
    return out;
}

bool plainName(QStringView s)
{
    if (s.size() < 2 || s.size() > 30)
        return false;
    for (QChar c : s)
        if (QStringView(u"。，,；;：:！？《》“”\"|").contains(c))
            return false;
    return true;
}

bool isFooter(QStringView line)
{
    static const QStringList words = {
        u"附件"_s,     u"扫一扫"_s,   u"主办"_s, u"承办"_s, u"ICP"_s,   u"备案"_s,     u"网站标识码"_s,
        u"公网安备"_s, u"电子信箱"_s, u"分享"_s, u"打印"_s, u"关闭"_s,  u"责任编辑"_s, u"来源"_s,
        u"浏览"_s,     u"字号"_s,     u"链接"_s, u"目录"_s, u"====="_s, u"版权"_s,     u"技术支持"_s};
    if (Tokenizer::isPageFurniture(line))
        return true;
    // Case matters only for the Latin words: the others are looked for exactly (much cheaper).
    for (const QString &w : words) {
        const bool latin =
            std::any_of(w.begin(), w.end(), [](QChar c) { return c.isLetter() && c.unicode() < 0x80; });
        if (line.contains(w, latin ? Qt::CaseInsensitive : Qt::CaseSensitive))
            return true;
    }
    return false;
}

const QRegularExpression &dateLineRe()
{
    static const QRegularExpression re(
        u"^(.{0,40}?)\\s*((?:20\\d\\d)|(?:[〇零一二三四五六七八九]{4}))\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日\\s*$"_s);
    return re;
}

/// The date line the report is signed with: among its last lines, before any page footer. The
/// body's name on the line before it (or before the date on its line) goes to *signer.
StatedDate readSignedDate(const TextView &v, QString *signer)
{
    StatedDate out;
    const QString &t = v.normalized().text();
    qsizetype end = t.size();
    int seen = 0;
    QList<std::pair<qsizetype, qsizetype>> lines; // the last non-empty lines, last first
    while (end > 0 && seen < 16) {
        const qsizetype start = t.lastIndexOf(u'\n', end - 1) + 1;
        const QStringView line = QStringView(t).mid(start, end - start).trimmed();
        if (!line.isEmpty()) {
            lines.append({start, end});
            ++seen;
        }
        end = start - 1;
    }
    for (int i = 0; i < lines.size(); ++i) {
        const auto [s, e] = lines[i];
        const QString line = t.mid(s, e - s);
        if (isFooter(line))
            continue;
        const QRegularExpressionMatch m = dateLineRe().match(line);
        if (!m.hasMatch()) {
            if (line.trimmed().size() > 40)
                break; // the prose: no date line after it
            continue;
        }
        out.year = dateNumber(m.capturedView(2), true);
        out.month = dateNumber(m.capturedView(3), false);
        out.day = dateNumber(m.capturedView(4), false);
        if (out.month < 1 || out.month > 12 || out.day < 1 || out.day > 31) {
            out = StatedDate();
            continue;
        }
        out.span = v.spanOfNormalized(s + m.capturedStart(2), s + m.capturedEnd(4) + 1);
        const QString before = m.captured(1).trimmed();
        static const QRegularExpression bodyEnd(
            u"(?:政府|办公室|局|委|办|中心|处|会|院|厅|街道|办事处|乡|镇|区|县|市)$"_s);
        if (!before.isEmpty() && !(plainName(before) && bodyEnd.match(before).hasMatch())) {
            out = StatedDate(); // a sentence that ends with a date, not a date line
            break;
        }
        if (!before.isEmpty())
            *signer = before;
        else if (i + 1 < lines.size())
            *signer = t.mid(lines[i + 1].first, lines[i + 1].second - lines[i + 1].first).trimmed();
        break;
    }
    return out;
}

StatedDate readPublishedDate(const TextView &v)
{
    static const PatternSet re(
        {u"(?:发布时间|发布日期|发文时间|发文日期|成文日期|公开日期|发布于)[:：|]*(20\\d\\d)[-/.年](\\d{1,2})[-/.月](\\d{1,2})"_s});
    StatedDate out;
    const QRegularExpressionMatch m = re.firstMatch(v.compact(), 0, v.compactSubject());
    if (!m.hasMatch())
        return out;
    out.year = m.capturedView(1).toInt();
    out.month = m.capturedView(2).toInt();
    out.day = m.capturedView(3).toInt();
    if (out.month < 1 || out.month > 12 || out.day < 1 || out.day > 31)
        return StatedDate();
    out.span = v.span(m.capturedStart(), m.capturedEnd());
    return out;
}

/// The body and the year the title names: "洪泽区人民政府 / 2023年政府信息公开工作年度报告",
/// "《西吉县硝河乡乡人民政府2023年政府信息公开工作年度报告》", a page's 发布机构.
void readTitle(const TextView &v, QString *body, int *year)
{
    const QString &t = v.normalized().text();
    static const QRegularExpression titleRe(u"(20\\d\\d)\\s*年\\s*度?\\s*(?:政府信息公开|政务公开)"_s);
    const QList<QStringView> lines = QStringView(t).left(20000).split(u'\n'); // views: no copies
    QStringView previous;
    int seen = 0;
    for (QStringView raw : lines) {
        const QStringView line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (++seen > 40)
            break;
        // The cheap tests first; the pattern only on a line that may be the title.
        const bool titled = line.size() <= 80 &&
                            (line.contains(u"年度报告") || line.contains(u"年报") || line.endsWith(u"工作"));
        const QRegularExpressionMatch m = titled ? titleRe.match(line) : QRegularExpressionMatch();
        if (titled && m.hasMatch()) {
            *year = m.capturedView(1).toInt();
            QString before = line.left(m.capturedStart()).toString().remove(u'|').trimmed();
            static const QRegularExpression prefix(u"^(?:标\\s*题|题\\s*目)\\s*[:：]?\\s*"_s);
            before.remove(prefix);
            if (before.isEmpty() && plainName(previous))
                before = previous.toString();
            if (plainName(before))
                *body = before;
            return;
        }
        previous = line;
    }
    // The report named in its first sentences: "《西吉县硝河乡乡人民政府2023年政府信息公开工作年度
    // 报告》", "现将铁岭市营商环境建设局2023年政府信息公开工作报告如下".
    static const PatternSet quoted({u"《([^《》]{2,30}?)(20\\d\\d)年度?政府信息公开工作年度报告》"_s});
    static const PatternSet named(
        {u"(?:现将|现发布|特发布|现公布)([^，。,；;《》“”]{2,30}?)(20\\d\\d)年度?政府信息公开(?:工作)?(?:年度)?报告"_s});
    for (const PatternSet *re : {&quoted, &named}) {
        // A report's name at its start, not one quoted later (last year's, say).
        const QRegularExpressionMatch q = re->firstMatch(re == &named ? v.compact().left(3000) : v.compact());
        if (!q.hasMatch())
            continue;
        *year = q.capturedView(2).toInt();
        if (plainName(q.capturedView(1)))
            *body = q.captured(1);
        return;
    }
}

QString publisher(const TextView &v)
{
    // On its own line: "发布机构: " left empty is followed by the next label, not a name.
    static const PatternSet re(
        {u"(?:发布机构|发文机关|发布单位)[ \\t]*[:：|]?[ \\t]*([^|\\s][^|\\n]{1,29})"_s});
    const QRegularExpressionMatch m = re.firstMatch(v.normalized().text().left(20000));
    const QString name = m.hasMatch() ? m.captured(1).trimmed() : QString();
    return plainName(name) ? name : QString();
}

/// The year the prose speaks of most: the report year when the title does not say it.
int dominantYear(const TextView &v, const TextSpan &period)
{
    static const QRegularExpression re(u"(20\\d\\d)年"_s);
    QHash<int, int> count;
    const qsizetype ps = period.isValid() ? v.fromOriginal(period.start) : -1;
    const qsizetype pe = period.isValid() ? v.fromOriginal(period.start + period.length) : -1;
    for (auto it = re.globalMatch(v.compact()); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() >= ps && m.capturedStart() < pe)
            continue;
        ++count[m.capturedView(1).toInt()];
    }
    int best = 0, bestN = 0, second = 0;
    for (auto it = count.constBegin(); it != count.constEnd(); ++it) {
        if (it.value() > bestN) {
            second = bestN;
            best = it.key();
            bestN = it.value();
        } else if (it.value() > second) {
            second = it.value();
        }
    }
    return bestN >= 3 && bestN >= 2 * second ? best : 0;
}

void readFee(const TextView &v, const QList<SectionHeading> &headings, DocumentFacts *facts)
{
    const SectionHeading *six = nullptr;
    for (const SectionHeading &h : headings)
        if (h.part == 6)
            six = &h;
    if (!six)
        return;
    const QString &c = v.compact();
    const qsizetype from = v.fromOriginal(six->span.start + six->span.length);
    static const QRegularExpression re(u"信息处理费|收费|收取[^。；]{0,12}?费|费用"_s);
    const QRegularExpressionMatch m = re.match(c, from);
    if (!m.hasMatch())
        return;
    facts->feeStated = true;
    const auto [s, e] = v.sentenceAt(m.capturedStart());
    facts->feeStatement = v.span(s, e);
}

QList<TextSpan> readProse(const TextView &v, const QList<TableRegion> &regions)
{
    QList<TextSpan> out;
    const qsizetype n = v.size();
    qsizetype p = 0;
    while (p < n) {
        qsizetype skip = -1;
        for (const TableRegion &r : regions)
            if (p >= r.from && p < r.to)
                skip = r.to;
        if (skip > p) {
            p = skip;
            continue;
        }
        auto [s, e] = v.sentenceAt(p);
        s = qMax(s, p);
        if (e <= s)
            e = s + 1;
        for (const TableRegion &r : regions)
            if (r.from > s && r.from < e)
                e = r.from;
        if (e - s >= 8)
            out.append(v.span(s, e));
        p = e;
    }
    return out;
}

} // namespace

QString DocumentReader::letters(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        if (c.isLetter())
            out.append(c);
    return out;
}

const QList<PartDef> &DocumentReader::parts()
{
    static const QList<PartDef> p = {
        {1, u"一、总体情况"_s, u"Part 1, General situation"_s},
        {2, u"二、主动公开政府信息情况"_s, u"Part 2, Proactive disclosure"_s},
        {3, u"三、收到和处理政府信息公开申请情况"_s, u"Part 3, Applications received and processed"_s},
        {4, u"四、政府信息公开行政复议、行政诉讼情况"_s,
         u"Part 4, Administrative reconsideration and litigation"_s},
        {5, u"五、存在的主要问题及改进情况"_s, u"Part 5, Main problems and improvements"_s},
        {6, u"六、其他需要报告的事项"_s, u"Part 6, Other matters to report"_s},
    };
    return p;
}

QList<TableRegion> DocumentReader::tableRegions(const Report &report, const TextView &view,
                                                const QList<SectionHeading> &headings)
{
    QList<TableRegion> out;
    if (!report.tmpl)
        return out;
    QList<qsizetype> headingAt;
    QList<int> headingPart;
    for (const SectionHeading &h : headings) {
        headingAt.append(view.fromOriginal(h.span.start));
        headingPart.append(h.part);
    }
    int part = 1;
    for (const TableDef &t : report.tmpl->tables()) {
        ++part; // t2 is in part 二, t3 in 三, t4 in 四
        qsizetype first = -1, last = -1;
        const QString prefix = t.key + u'.';
        for (auto it = report.cells.constBegin(); it != report.cells.constEnd(); ++it) {
            if (!it.key().toString().startsWith(prefix) || it.value().start < 0)
                continue;
            const qsizetype s = it.value().start, e = s + it.value().length;
            first = first < 0 ? s : qMin(first, s);
            last = qMax(last, e);
        }
        if (first < 0)
            continue;
        TableRegion r;
        r.table = t.key;
        const qsizetype fc = view.fromOriginal(first), lc = view.fromOriginal(last);
        const qsizetype previous = out.isEmpty() ? 0 : out.last().to;
        r.from = qMax(previous, fc - 1500);
        r.to = qMin(view.size(), lc + 300);
        for (int i = 0; i < headingAt.size(); ++i) {
            if (headingPart[i] == part && headingAt[i] < fc && headingAt[i] >= previous)
                r.from = qMax(previous, headingAt[i]);
            if (headingPart[i] > part && headingAt[i] >= lc && headingAt[i] < r.to)
                r.to = headingAt[i];
        }
        if (!out.isEmpty() && r.from < out.last().to)
            r.from = out.last().to;
        out.append(r);
    }
    return out;
}

DocumentFacts DocumentReader::read(const Report &report, const TextReading *reading)
{
    DocumentFacts facts;
    if (!report.tmpl || report.text.size() > MaxChars)
        return facts;
    const TextView view =
        reading ? TextView(report.text, reading->normalized, reading->compact) : TextView(report.text);
    facts.read = true;
    facts.headings = readHeadings(view);
    facts.period = readPeriod(view);
    QString signer;
    facts.signedOn = readSignedDate(view, &signer);
    facts.publishedOn = readPublishedDate(view);
    QString titleBody;
    readTitle(view, &titleBody, &facts.titleYear);
    facts.body = !report.unit.trimmed().isEmpty() ? report.unit.trimmed() : titleBody;
    if (facts.body.isEmpty())
        facts.body = publisher(view);
    if (facts.body.isEmpty() && plainName(signer))
        facts.body = signer;
    facts.proseYear = dominantYear(view, facts.period.span);
    bool ok = false;
    facts.year = report.year.toInt(&ok);
    if (!ok || facts.year <= 0)
        facts.year = facts.titleYear > 0 ? facts.titleYear : facts.period.fromYear;
    readFee(view, facts.headings, &facts);
    const QList<TableRegion> regions = tableRegions(report, view, facts.headings);
    FormReader::read(report, view, regions, &facts, reading ? &reading->tokens : nullptr);
    facts.prose = readProse(view, regions);
    facts.numbers = ProseChecks::read(view, regions);
    return facts;
}

} // namespace nianbao
