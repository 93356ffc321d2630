#include "pdfreader.h"

#include "formatreaders.h"
#include "limits.h"

#include <poppler-qt6.h>

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

void quietPoppler(const QString &, const QVariant &) {}

bool isCompatibilityForm(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x2E80 && u <= 0x2FDF) || (u >= 0xF900 && u <= 0xFAFF);
}

/// Kangxi radicals, CJK radical supplements and compatibility ideographs (⾃ for 自) that some PDF fonts map
/// characters to: their compatibility forms, so that the reviewer and the matcher see ordinary characters.
QString foldRadicals(const QString &s)
{
    bool any = false;
    for (QChar c : s)
        if (isCompatibilityForm(c))
            any = true;
    if (!any)
        return s;
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (isCompatibilityForm(c))
            out += QString(c).normalized(QString::NormalizationForm_KC);
        else
            out += c;
    }
    return out;
}

bool isValueWord(QStringView w)
{
    static const QRegularExpression re(u"^(?:[-－+]?[0-9０-９][0-9０-９,，.．]*%?|[/／—–―-]+|无|空)$"_s);
    return re.match(w).hasMatch();
}

struct Cell
{
    QString text;
    double left = 0, right = 0, top = 0, bottom = 0;
    bool value = false;
};

struct Line
{
    QList<PdfReader::Word> words;
    double top = 0, bottom = 0;         // extent of all words
    double coreTop = 0, coreBottom = 0; // the first word's box
    QList<Cell> cells;
};

/// Bounds of the geometry's passes, far beyond any table (a form has about ten columns and thirty
/// rows a page) so that a page of many thousands of words costs about as much as their number.
constexpr qsizetype MaxRowCells = 64;        // a line with more cells is not a table row
constexpr qsizetype MaxRowsApart = 60;       // rows compared for a blank column
constexpr qsizetype MaxLabelLines = 8;       // lines of one wrapped label
constexpr qsizetype MaxFragmentsAhead = 200; // fragments looked at for a vertical group label

/// Value columns as disjoint x ranges, sorted: a word lies in a column when it overlaps one.
class Columns
{
public:
    explicit Columns(QList<std::pair<double, double>> ranges = {})
    {
        std::sort(ranges.begin(), ranges.end());
        for (const auto &r : ranges) {
            if (!m_ranges.isEmpty() && r.first <= m_ranges.last().second)
                m_ranges.last().second = std::max(m_ranges.last().second, r.second);
            else
                m_ranges.append(r);
        }
    }
    /// Does [left, right] overlap a column (strictly, as boxes that only touch do not)?
    bool overlaps(double left, double right) const
    {
        // The first range that ends after left; merged ranges keep their ends sorted.
        auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), left,
                                   [](double x, const std::pair<double, double> &r) { return x < r.second; });
        return it != m_ranges.end() && it->first < right;
    }

private:
    QList<std::pair<double, double>> m_ranges;
};

double overlap(double a0, double a1, double b0, double b1)
{
    return std::min(a1, b1) - std::max(a0, b0);
}

QList<Line> buildLines(QList<PdfReader::Word> words)
{
    std::sort(words.begin(), words.end(), [](const PdfReader::Word &a, const PdfReader::Word &b) {
        return a.box.center().y() < b.box.center().y();
    });
    QList<Line> lines;
    for (const PdfReader::Word &w : words) {
        const double t = w.box.top(), b = w.box.bottom(), h = std::max(0.1, w.box.height());
        int best = -1;
        double bestOv = 0;
        for (int i = int(lines.size()) - 1; i >= 0 && i >= int(lines.size()) - 4; --i) {
            const Line &l = lines[i];
            const double lh = std::max(0.1, l.coreBottom - l.coreTop);
            const double ov = overlap(t, b, l.coreTop, l.coreBottom) / std::min(h, lh);
            if (ov >= 0.5 && ov > bestOv) {
                best = i;
                bestOv = ov;
            }
        }
        if (best < 0) {
            Line l;
            l.top = l.coreTop = t;
            l.bottom = l.coreBottom = b;
            l.words.append(w);
            lines.append(l);
        } else {
            Line &l = lines[best];
            l.words.append(w);
            l.top = std::min(l.top, t);
            l.bottom = std::max(l.bottom, b);
        }
    }
    for (Line &l : lines)
        std::sort(l.words.begin(), l.words.end(), [](const PdfReader::Word &a, const PdfReader::Word &b) {
            return a.box.left() < b.box.left();
        });
    std::sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) {
        return (a.coreTop + a.coreBottom) < (b.coreTop + b.coreBottom);
    });
    return lines;
}

/// Splits a line into cells: a wide gap always separates; a value next to a value separates at
/// a narrow gap; a label and a value separate at a gap of a character's width unless the value
/// sits inside prose (text follows it closely).
void buildCells(Line &line, const Columns &valueColumns = Columns())
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
        }
    }
    line.cells.clear();
    Cell cur;
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
            cur.value = isValueWord(cur.text);
            line.cells.append(cur);
            cur = Cell();
        }
    }
}

bool isFurniture(const QString &text)
{
    static const QRegularExpression re(
        u"^\\s*(?:[-—–]+\\s*\\d{1,4}\\s*[-—–]+|第\\s*\\d{1,4}\\s*页(?:\\s*[,，]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})\\s*$"_s);
    return text.size() <= 24 && re.match(text).hasMatch();
}

} // namespace

namespace {

int valueCount(const Line &l)
{
    int n = 0;
    for (const Cell &c : l.cells)
        n += c.value ? 1 : 0;
    return n;
}

double textHeight(const Line &l)
{
    double h = 0;
    for (const Cell &c : l.cells)
        if (!c.value)
            h = std::max(h, c.bottom - c.top);
    return h > 0 ? h : l.coreBottom - l.coreTop;
}

bool startsNumbered(const QString &t)
{
    static const QRegularExpression re(
        u"^\\s*(?:\\d{1,2}\\s*[.、．]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}\\s*、)"_s);
    return re.match(t).hasMatch();
}

/// Label cells of b appended to those of a in the same column (x ranges overlapping), others
/// inserted in x order; values of b added in x order.
void mergeInto(Line &a, const Line &b)
{
    for (const Cell &c : b.cells) {
        bool done = false;
        if (!c.value) {
            for (Cell &t : a.cells) {
                if (!t.value && c.left < t.right && c.right > t.left) {
                    t.text += c.text;
                    t.right = std::max(t.right, c.right);
                    t.bottom = std::max(t.bottom, c.bottom);
                    done = true;
                    break;
                }
            }
        }
        if (!done) {
            qsizetype at = 0;
            while (at < a.cells.size() && a.cells[at].left < c.left)
                ++at;
            a.cells.insert(at, c);
        }
    }
    a.top = std::min(a.top, b.top);
    a.bottom = std::max(a.bottom, b.bottom);
    a.words += b.words;
}

/// Can b, the line after a, be values of a's row printed at another height?
bool joinsAsValues(const Line &a, const Line &b)
{
    if (valueCount(a) == 0 || valueCount(b) == 0 || a.cells.size() > MaxRowCells ||
        b.cells.size() > MaxRowCells)
        return false;
    const double h = std::max(1.0, textHeight(a));
    if (b.top - a.bottom > 0.5 * h)
        return false;
    for (const Cell &x : a.cells)
        for (const Cell &y : b.cells)
            if (x.value && y.value && x.left < y.right + 0.5 * h && y.left < x.right + 0.5 * h)
                return false; // the values collide
    double firstValue = 1e9;
    for (const Cell &x : a.cells)
        if (x.value)
            firstValue = std::min(firstValue, x.left);
    for (const Cell &y : b.cells)
        if (!y.value && y.right > firstValue)
            return false; // a label right of the values
    return true;
}

/// Can b, the line after the row a, be a wrapped line of a's label?
bool joinsAsLabel(const Line &a, const Line &b)
{
    if (valueCount(a) < 2 || valueCount(b) != 0 || a.cells.size() > MaxRowCells ||
        b.cells.size() > MaxRowCells)
        return false;
    const double h = std::max(1.0, textHeight(a));
    double labelTop = 1e9, labelBottom = -1e9;
    for (const Cell &c : a.cells)
        if (!c.value) {
            labelTop = std::min(labelTop, c.top);
            labelBottom = std::max(labelBottom, c.bottom);
        }
    if (labelBottom < 0 || b.top - a.bottom > 0.5 * h || b.top - labelBottom < -0.5 * h)
        return false;
    bool fits = !b.cells.isEmpty();
    for (const Cell &c : b.cells) {
        if (startsNumbered(c.text))
            fits = false;
        // A wrapped line of a label stays inside the label's column: it starts where the
        // label starts (or further right when centred) and is no wider.
        bool under = false;
        for (const Cell &t : a.cells)
            under = under || (!t.value && c.left >= t.left - 0.5 * h && c.right <= t.right + 1.0 * h);
        fits = fits && under;
    }
    return fits;
}

/// Rebuilds table rows from lines: values of one row printed at two heights (cells aligned
/// differently) are joined when their columns do not collide; a label wrapped onto the next
/// lines is joined to its row when those lines follow closely and do not start a numbered item.
/// Only rows of two or more values take wrapped lines: prose ending in a number is not a row.
/// Each pass builds its lines anew (never removing from the middle), so it costs about as much
/// as the lines it reads.
void joinRows(QList<Line> &lines)
{
    QList<Line> out;
    out.reserve(lines.size());
    for (Line &l : lines) {
        if (!out.isEmpty() && joinsAsValues(out.last(), l))
            mergeInto(out.last(), l);
        else
            out.append(std::move(l));
    }
    lines = std::move(out);

    // A row of values without a label under the first line(s) of its label: the label is its own.
    out.clear();
    out.reserve(lines.size());
    for (Line &v : lines) {
        const bool row =
            valueCount(v) >= 2 && valueCount(v) == v.cells.size() && v.cells.size() <= MaxRowCells;
        qsizetype k = out.size();
        if (row) {
            const double firstValue = v.cells.first().left;
            const Line *below = &v;
            while (k > 0 && out.size() - k < MaxLabelLines) {
                const Line &l = out[k - 1];
                const double h = std::max(1.0, textHeight(l));
                bool labels = valueCount(l) == 0 && !l.cells.isEmpty() && l.cells.size() <= MaxRowCells;
                for (const Cell &c : l.cells)
                    labels = labels && c.right < firstValue;
                if (!labels || below->top - l.bottom > 0.5 * h)
                    break;
                --k;
                below = &l;
                if (startsNumbered(l.cells.first().text))
                    break; // the label's first line
            }
        }
        if (k == out.size()) {
            out.append(std::move(v));
            continue;
        }
        Line merged = out[k];
        for (qsizetype j = k + 1; j < out.size(); ++j)
            mergeInto(merged, out[j]);
        mergeInto(merged, v);
        out.resize(k);
        out.append(std::move(merged));
    }
    lines = std::move(out);

    out.clear();
    out.reserve(lines.size());
    qsizetype joined = 0; // wrapped lines joined to the last row
    for (Line &l : lines) {
        if (!out.isEmpty() && joined < MaxLabelLines && joinsAsLabel(out.last(), l)) {
            mergeInto(out.last(), l);
            ++joined;
        } else {
            out.append(std::move(l));
            joined = 0;
        }
    }
    lines = std::move(out);
}

/// Group labels written vertically, one or two characters per line in a narrow column left of
/// the rows ("三、" "本" "年" "度" … beside the result rows): they are one label, not rows. The
/// characters are taken out of the lines they share and joined on a line of their own where the
/// label begins.
void joinVerticalLabels(QList<Line> &lines)
{
    struct Frag
    {
        qsizetype line;
        double x, top, bottom, h;
    };
    QList<Frag> frags;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &l = lines[i];
        if (l.cells.isEmpty())
            continue;
        const Cell &c = l.cells.first();
        const double h = c.bottom - c.top, w = c.right - c.left;
        if (c.value || c.text.size() > 2 || h <= 0 || w > 2.2 * h)
            continue;
        frags.append({i, (c.left + c.right) / 2, c.top, c.bottom, h});
    }
    QList<bool> used(frags.size(), false);
    QList<std::pair<qsizetype, QString>> labels; // line index of the first fragment, text
    QSet<qsizetype> strip;
    for (qsizetype a = 0; a < frags.size(); ++a) {
        if (used[a])
            continue;
        QList<qsizetype> stack{a};
        for (qsizetype b = a + 1; b < frags.size() && b - stack.last() <= MaxFragmentsAhead; ++b) {
            const Frag &last = frags[stack.last()];
            const Frag &f = frags[b];
            if (used[b] || std::abs(f.x - last.x) > 0.6 * last.h)
                continue;
            if (f.top - last.bottom > 3.5 * last.h)
                break;
            stack.append(b);
        }
        if (stack.size() < 3)
            continue;
        QString text;
        for (qsizetype k : stack) {
            used[k] = true;
            text += lines[frags[k].line].cells.first().text;
            strip.insert(frags[k].line);
        }
        labels.append({frags[stack.first()].line, text});
    }
    if (labels.isEmpty())
        return;
    QHash<qsizetype, QString> labelAt;
    for (const auto &[line, text] : labels)
        labelAt.insert(line, text);
    QList<Line> out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        Line l = lines[i];
        Cell first;
        if (strip.contains(i)) {
            first = l.cells.takeFirst();
            if (labelAt.contains(i)) {
                Line g;
                first.text = labelAt.value(i);
                g.cells.append(first);
                g.top = g.coreTop = first.top;
                g.bottom = g.coreBottom = first.bottom;
                out.append(g);
            }
        }
        if (!l.cells.isEmpty())
            out.append(l);
    }
    lines = out;
}

QList<const Cell *> valueCells(const Line &l)
{
    QList<const Cell *> out;
    for (const Cell &c : l.cells)
        if (c.value)
            out.append(&c);
    return out;
}

/// Columns of v under the values of f: for each value of v the index of the one value of f it
/// overlaps; empty when a value overlaps none or several, or two share one.
QList<int> mapColumns(const Line &v, const Line &f)
{
    const QList<const Cell *> fv = valueCells(f);
    QList<int> out;
    for (const Cell *c : valueCells(v)) {
        int hit = -1, hits = 0;
        for (int k = 0; k < fv.size(); ++k)
            if (c->left < fv[k]->right && c->right > fv[k]->left) {
                hit = k;
                ++hits;
            }
        if (hits != 1 || (!out.isEmpty() && hit <= out.last()))
            return {};
        out.append(hit);
    }
    return out;
}

/// Blank cells of a table printed as nothing: a row with fewer values than the full rows around
/// it (same number of values in the same columns above and below, or two such rows right beside
/// it) gets an empty cell for each column it leaves empty, so its values stay in their columns.
void fillBlankColumns(QList<Line> &lines)
{
    const qsizetype n = lines.size();
    QList<int> count(n);
    for (qsizetype i = 0; i < n; ++i)
        count[i] = valueCount(lines[i]);
    auto compatible = [&](qsizetype a, qsizetype b) {
        return count[a] >= 2 && count[a] <= MaxRowCells && count[a] == count[b] &&
               mapColumns(lines[a], lines[b]).size() == count[a];
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (count[i] == 0 || count[i] > MaxRowCells)
            continue;
        // The nearest rows with more values above and below.
        auto nearest = [&](qsizetype from, int step) -> qsizetype {
            for (qsizetype j = from + step; j >= 0 && j < n && std::abs(j - from) <= MaxRowsApart;
                 j += step) {
                if (count[j] == 0)
                    return -1; // a line without values ends the table
                if (count[j] > count[i])
                    return j;
            }
            return -1;
        };
        const qsizetype up = nearest(i, -1), down = nearest(i, 1);
        qsizetype full = -1;
        if (up >= 0 && down >= 0 && compatible(up, down))
            full = up;
        else if (down == i + 1 && down + 1 < n && compatible(down, down + 1))
            full = down;
        else if (up == i - 1 && up >= 1 && compatible(up, up - 1))
            full = up;
        if (full < 0)
            continue;
        const QList<int> cols = mapColumns(lines[i], lines[full]);
        if (cols.size() != count[i])
            continue;
        const QList<const Cell *> fv = valueCells(lines[full]);
        QList<Cell> rebuilt;
        for (const Cell &c : std::as_const(lines[i].cells))
            if (!c.value)
                rebuilt.append(c);
        const QList<const Cell *> own = valueCells(lines[i]);
        int k = 0;
        for (int col = 0; col < fv.size(); ++col) {
            if (k < cols.size() && cols[k] == col) {
                rebuilt.append(*own[k]);
                ++k;
            } else {
                Cell blank = *fv[col];
                blank.text.clear();
                blank.value = true;
                rebuilt.append(blank);
            }
        }
        lines[i].cells = rebuilt;
    }
}

} // namespace

QString PdfReader::layoutPage(const QList<Word> &words, const QSizeF &pageSize)
{
    // A box at an infinite or undefined place (a damaged text matrix) has no place on the page;
    // kept, it would break the orderings below.
    QList<Word> placed;
    placed.reserve(words.size());
    for (const Word &w : words) {
        const QRectF &b = w.box;
        if (std::isfinite(b.left()) && std::isfinite(b.top()) && std::isfinite(b.right()) &&
            std::isfinite(b.bottom()) && std::isfinite(b.center().y()) && std::isfinite(b.height()))
            placed.append(w);
    }
    QList<Line> lines = buildLines(placed);
    // Columns of values: value cells of lines that hold three or more.
    QList<std::pair<double, double>> columns;
    for (Line &l : lines) {
        buildCells(l);
        if (valueCount(l) >= 3)
            for (const Cell &c : std::as_const(l.cells))
                if (c.value)
                    columns.append({c.left, c.right});
    }
    if (!columns.isEmpty()) {
        const Columns merged(columns);
        for (Line &l : lines)
            buildCells(l, merged);
    }
    joinVerticalLabels(lines);
    joinRows(lines);
    fillBlankColumns(lines);
    QString out;
    for (Line &l : lines) {
        QStringList cells;
        for (const Cell &c : std::as_const(l.cells))
            cells.append(QString(c.text).replace(u'|', u'｜')); // a printed bar is not a cell edge
        const QString text = cells.join(u" | "_s);
        if (isFurniture(text))
            continue;
        // A bare page number in the top or bottom margin.
        if (pageSize.height() > 0 && l.cells.size() == 1 && text.size() <= 4 &&
            (l.top > 0.9 * pageSize.height() || l.bottom < 0.06 * pageSize.height())) {
            bool digits = true;
            for (QChar c : text)
                digits = digits && c.isDigit();
            if (digits)
                continue;
        }
        out += text;
        out += u'\n';
    }
    return out;
}

bool PdfReader::read(const QByteArray &bytes, SourceDocument *doc, QString *error)
{
    static const bool quiet = [] {
        Poppler::setDebugErrorFunction(quietPoppler, QVariant());
        return true;
    }();
    Q_UNUSED(quiet);
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::loadFromData(bytes);
    if (!pdf) {
        if (error)
            *error = tr("The PDF file is damaged and cannot be opened.");
        return false;
    }
    if (pdf->isLocked()) {
        if (error)
            *error = tr("The PDF file is protected by a password; open it in a PDF viewer and save an "
                        "unprotected copy.");
        return false;
    }
    const int pages = pdf->numPages();
    if (pages <= 0) {
        if (error)
            *error = tr("The PDF file has no pages.");
        return false;
    }
    if (pages > Limits::MaxPdfPages) {
        if (error)
            *error = Limits::tooManyPages(pages);
        return false;
    }
    QString text;
    int words = 0;
    QElapsedTimer clock;
    clock.start();
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<Poppler::Page> page = pdf->page(p);
        if (!page)
            continue;
        // Poppler's layout of a page's words costs far more than their number once they are many
        // (a line of 25,000 words takes it seconds): they are counted in reading order first,
        // which is cheap, and a page beyond the limit is not laid out.
        qsizetype chars = 0;
        for (QChar c : page->text(QRectF(), Poppler::Page::RawOrderLayout))
            chars += c.isSpace() ? 0 : 1;
        if (chars > Limits::MaxPdfCharsPerPage) {
            if (error)
                *error = Limits::tooManyChars(p + 1);
            return false;
        }
        const std::vector<std::unique_ptr<Poppler::TextBox>> boxes = page->textList();
        QList<Word> list;
        for (const std::unique_ptr<Poppler::TextBox> &box : boxes) {
            const QString t = foldRadicals(box->text()).trimmed();
            if (t.isEmpty())
                continue;
            list.append(Word{t, box->boundingBox()});
        }
        words += int(list.size());
        text += layoutPage(list, page->pageSizeF());
        if (text.size() > Limits::MaxTextChars) {
            if (error)
                *error = Limits::textTooLong();
            return false;
        }
        if (clock.elapsed() > Limits::MaxPdfSeconds * 1000LL) {
            if (error)
                *error = Limits::pdfTooSlow(p + 1);
            return false;
        }
    }
    if (words == 0) {
        if (error)
            *error = tr("This PDF has no text layer (a scan?); run it through text recognition (OCR) or "
                        "ask for the original document.");
        return false;
    }
    // Fonts without a character map give private-use or replacement characters, not text.
    qsizetype letters = 0, unreadable = 0;
    for (QChar c : std::as_const(text)) {
        if (c.isSpace() || c == u'|')
            continue;
        ++letters;
        if (c.category() == QChar::Other_PrivateUse || c == QChar::ReplacementCharacter ||
            c.category() == QChar::Other_Control)
            ++unreadable;
    }
    if (letters > 0 && unreadable * 3 > letters) {
        if (error)
            *error = tr("The text of this PDF cannot be decoded (its fonts carry no character map); export "
                        "the report again from the original document or ask for a Word or web version.");
        return false;
    }
    doc->text = text;
    doc->format = u"pdf"_s;
    return true;
}

bool readPdf(const QByteArray &bytes, SourceDocument *doc, QString *error)
{
    return PdfReader::read(bytes, doc, error);
}

} // namespace nianbao
