#include "pdflinebuilder.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

double overlap(double a0, double a1, double b0, double b1)
{
    return std::min(a1, b1) - std::max(a0, b0);
}

} // namespace

PdfValueColumns::PdfValueColumns(QList<std::pair<double, double>> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    for (const auto &r : ranges) {
        if (!m_ranges.isEmpty() && r.first <= m_ranges.last().second)
            m_ranges.last().second = std::max(m_ranges.last().second, r.second);
        else
            m_ranges.append(r);
    }
}

bool PdfValueColumns::overlaps(double left, double right) const
{
    // The first range that ends after left; merged ranges keep their ends sorted.
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), left,
                               [](double x, const std::pair<double, double> &r) { return x < r.second; });
    return it != m_ranges.end() && it->first < right;
}

bool PdfLineBuilder::startsNumberedItem(QStringView w)
{
    static const QRegularExpression re(
        u"^(?:\\d{1,2}\\s*[.、．]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}\\s*、)"_s);
    return re.match(w).hasMatch();
}

bool PdfLineBuilder::isValueWord(QStringView w)
{
    static const QRegularExpression re(u"^(?:[-－+]?[0-9０-９][0-9０-９,，.．]*%?|[/／—–―-]+|无|空)$"_s);
    return re.match(w).hasMatch();
}

QList<PdfLine> PdfLineBuilder::buildLines(QList<PdfReader::Word> words)
{
    std::sort(words.begin(), words.end(), [](const PdfReader::Word &a, const PdfReader::Word &b) {
        return a.box.center().y() < b.box.center().y();
    });
    QList<PdfLine> lines;
    for (const PdfReader::Word &w : words) {
        const double t = w.box.top(), b = w.box.bottom(), h = std::max(0.1, w.box.height());
        int best = -1;
        double bestOv = 0;
        for (int i = int(lines.size()) - 1; i >= 0 && i >= int(lines.size()) - 4; --i) {
            const PdfLine &l = lines[i];
            const double lh = std::max(0.1, l.coreBottom - l.coreTop);
            const double ov = overlap(t, b, l.coreTop, l.coreBottom) / std::min(h, lh);
            if (ov >= 0.5 && ov > bestOv) {
                best = i;
                bestOv = ov;
            }
        }
        if (best < 0) {
            PdfLine l;
            l.top = l.coreTop = t;
            l.bottom = l.coreBottom = b;
            l.words.append(w);
            lines.append(l);
        } else {
            PdfLine &l = lines[best];
            l.words.append(w);
            l.top = std::min(l.top, t);
            l.bottom = std::max(l.bottom, b);
        }
    }
    for (PdfLine &l : lines)
        std::sort(l.words.begin(), l.words.end(), [](const PdfReader::Word &a, const PdfReader::Word &b) {
            return a.box.left() < b.box.left();
        });
    std::sort(lines.begin(), lines.end(), [](const PdfLine &a, const PdfLine &b) {
        return (a.coreTop + a.coreBottom) < (b.coreTop + b.coreBottom);
    });
    return lines;
}

void PdfLineBuilder::buildCells(PdfLine &line, const PdfValueColumns &valueColumns)
{
    const auto &ws = line.words;
    const int n = int(ws.size());
    QList<bool> value(n);
    for (int i = 0; i < n; ++i)
        value[i] = isValueWord(ws[i].text);
    auto gapAt = [&](int i) { return ws[i + 1].box.left() - ws[i].box.right(); };
    auto unit = [&](int i) { return std::max(1.0, std::min(ws[i].box.height(), ws[i + 1].box.height())); };
    QList<bool> sep(std::max(0, n - 1), false);
    for (int i = 0; i + 1 < n; ++i) {
        const double g = gapAt(i) / unit(i);
        if (g >= 2.0)
            sep[i] = true;
        else if (value[i] && value[i + 1])
            sep[i] = g >= 0.35;
        else if (value[i + 1] && !value[i]) {
            // A label and a value: a cell edge unless prose follows the value closely. A value
            // in a column of values shared by other rows is a cell even close to its label.
            const bool prose = i + 2 < n && !value[i + 2] && gapAt(i + 1) / unit(i + 1) < 1.0;
            const bool inColumn = valueColumns.overlaps(ws[i + 1].box.left(), ws[i + 1].box.right());
            sep[i] = (g >= 1.0 || (inColumn && g >= 0.2)) && !prose;
        } else if (value[i] && !value[i + 1]) {
            const bool prose = i > 0 && !value[i - 1] && !sep[i - 1];
            sep[i] = g >= 1.0 && !prose;
        } else if (ws[i].text.size() == 1 && startsNumberedItem(ws[i + 1].text)) {
            // One character of a group label written down its column ("处" of 不予处理), then a
            // numbered row label a character's width or more away: two cells.
            sep[i] = g >= 1.0;
        }
    }
    line.cells.clear();
    PdfCell cur;
    for (int i = 0; i < n; ++i) {
        const PdfReader::Word &w = ws[i];
        if (cur.text.isEmpty()) {
            cur.left = w.box.left();
            cur.top = w.box.top();
            cur.bottom = w.box.bottom();
            cur.text = w.text;
        } else {
            const double g = w.box.left() - cur.right;
            // A space where the page shows one between Latin letters or digits; CJK runs join.
            const QChar a = cur.text.back(), b = w.text.front();
            const bool cjk = a.unicode() >= 0x2E80 || b.unicode() >= 0x2E80;
            if (!cjk || g > 0.5 * std::max(1.0, w.box.height()))
                cur.text += u' ';
            cur.text += w.text;
            cur.top = std::min(cur.top, w.box.top());
            cur.bottom = std::max(cur.bottom, w.box.bottom());
        }
        cur.right = w.box.right();
        if (i + 1 == n || sep[i]) {
            // A word that says "none" ("无", "空") is a value only in a column of values:
            // elsewhere it is a character of a label ("无" of 无法提供 written down its column).
            cur.value = isValueWord(cur.text) &&
                        ((cur.text != u"无"_s && cur.text != u"空"_s) || valueColumns.isEmpty() ||
                         valueColumns.overlaps(cur.left, cur.right));
            line.cells.append(cur);
            cur = PdfCell();
        }
    }
}

} // namespace nianbao
