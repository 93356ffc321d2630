#include "tokenizer.h"

#include "io/limits.h"
#include "template/template.h"
#include "text/charscan.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

/// Nothing but white space, as `trimmed().isEmpty()` says, without its call.
bool isBlank(QStringView v)
{
    return std::all_of(v.begin(), v.end(), charscan::isSpace);
}

/// v without the white space at its ends (QStringView::trimmed), without its call.
QStringView trimmedView(QStringView v)
{
    const QChar *a = v.begin(), *b = v.end();
    while (a < b && charscan::isSpace(*a))
        ++a;
    while (b > a && charscan::isSpace(b[-1]))
        --b;
    return QStringView(a, b);
}

bool isMarkdownRule(QStringView cell)
{
    const QStringView t = trimmedView(cell);
    if (t.isEmpty())
        return true;
    for (QChar c : t)
        if (c != u'-' && c != u':' && c != u' ')
            return false;
    return true;
}

} // namespace

QString sharedText(QStringView text)
{
    // "0" to "9", then "00" to "99": strings over characters of the program's own (fromRawData),
    // which a copy shares without counting its owners.
    static const std::array<char16_t, 210> digits = [] {
        std::array<char16_t, 210> out{};
        for (int i = 0; i < 10; ++i)
            out[i] = char16_t(u'0' + i);
        for (int i = 0; i < 100; ++i) {
            out[10 + 2 * i] = char16_t(u'0' + i / 10);
            out[10 + 2 * i + 1] = char16_t(u'0' + i % 10);
        }
        return out;
    }();
    static const std::array<QString, 110> small = [] {
        std::array<QString, 110> out;
        for (int i = 0; i < 10; ++i)
            out[i] = QString::fromRawData(reinterpret_cast<const QChar *>(digits.data() + i), 1);
        for (int i = 0; i < 100; ++i)
            out[10 + i] =
                QString::fromRawData(reinterpret_cast<const QChar *>(digits.data() + 10 + 2 * i), 2);
        return out;
    }();
    const auto digit = [](QChar c) { return c >= u'0' && c <= u'9'; };
    if (text.size() == 1 && digit(text[0]))
        return small[text[0].unicode() - u'0'];
    if (text.size() == 2 && digit(text[0]) && digit(text[1]))
        return small[10 + (text[0].unicode() - u'0') * 10 + (text[1].unicode() - u'0')];
    return text.toString();
}

bool Tokenizer::signBetweenNumbers(qsizetype i) const
{
    // Not a date (2023-01-05), a phone number (0591-2316…) or a range of years (2019-2020).
    qsizetype a = i;
    while (a > 0 && isDigit(m_text[a - 1]))
        --a;
    qsizetype b = i + 1;
    while (b < m_text.size() && isDigit(m_text[b]))
        ++b;
    const QStringView before = QStringView(m_text).mid(a, i - a);
    const QStringView after = QStringView(m_text).mid(i + 1, b - i - 1);
    if (a > 0 && (m_text[a - 1] == u'-' || m_text[a - 1] == u'.' || m_text[a - 1] == u'/'))
        return false; // the second or later part of a date or a code
    if (b < m_text.size() && (m_text[b] == u'-' || m_text[b] == u'/' || m_text[b] == u'月' ||
                              m_text[b] == u'年' || m_text[b] == u'学'))
        return false;
    const auto isYear = [](QStringView d) {
        return d.size() == 4 && (d.startsWith(u"19") || d.startsWith(u"20"));
    };
    if (isYear(before) && (isYear(after) || after.size() <= 2))
        return false;
    if (before.size() >= 3 && before[0] == u'0')
        return false; // an area code
    return true;
}

bool Tokenizer::isPlaceholder(QStringView cell)
{
    static constexpr QStringView placeholders[] = {u"/",  u"-",      u"--", u"—", u"——", u"–", u"一",
                                                   u"无", u"不适用", u"\\", u"×", u"空", u"…", u"..."};
    // A number is none (most cells are numbers), and no placeholder is longer than 3: a longer
    // cell with no space at its ends is none.
    if (cell.isEmpty() || (cell.front() >= u'0' && cell.front() <= u'9'))
        return false;
    if (cell.size() > 3 && !charscan::isSpace(cell.front()) && !charscan::isSpace(cell.back()))
        return false;
    const QStringView t = trimmedView(cell);
    if (t.isEmpty() || t.size() > 3 ||
        (t.front() >= u'0' && t.front() <= u'9')) // none is longer, or a number
        return false;
    for (QStringView p : placeholders)
        if (t == p)
            return true;
    return false;
}

Tokenizer::Tokenizer(const QString &normalized) : m_text(normalized)
{
    qsizetype ls = 0;
    int line = 0;
    const qsizetype n = m_text.size();
    // About one line in 25 characters and one item in 10 in a report, one in 8 in a table laid
    // out with bars; a list that is short grows by moving its items, not copying them.
    m_lines.reserve(qMin<qsizetype>(n / 20 + 16, 65536));
    m_items.reserve(qMin<qsizetype>(n / 6 + 16, 65536));
    m_keysRoom = qMin<qsizetype>(n / 2 + 16, 1 << 20); // labels are about half of a report's text
    m_keys.reset(new char16_t[m_keysRoom]);            // (char16_t: made without being filled)
    while (ls <= n && m_error.isEmpty()) {
        qsizetype le = charscan::indexOf(m_text, u'\n', ls);
        if (le < 0)
            le = n;
        tokenizeLine(ls, le, line);
        if (m_items.size() > Limits::MaxItems)
            m_error = Limits::tooManyItems();
        ++line;
        ls = le + 1;
    }
}

int Tokenizer::firstItemAt(qsizetype pos) const
{
    // Items do not overlap: the first whose end lies after pos (a label that began before pos
    // and runs into it belongs to what starts at pos).
    auto it = std::lower_bound(m_items.begin(), m_items.end(), pos,
                               [](const Item &item, qsizetype p) { return item.end <= p; });
    return int(it - m_items.begin());
}

bool Tokenizer::isPageFurniture(QStringView line)
{
    // Page numbers between rows: "-3-", "— 3 —", "第 3 页", "第3页 共10页", "3 / 10".
    static const QRegularExpression furniture(
        u"^\\s*(?:[-—–]+\\s*\\d{1,4}\\s*[-—–]+|第\\s*\\d{1,4}\\s*页(?:\\s*[,，]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4}|page\\s*\\d{1,4}(?:\\s*of\\s*\\d{1,4})?)\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (line.size() > 24)
        return false;
    // The pattern's four shapes told apart by their ends before it is asked: a dash at both, 第 …
    // 页, a digit with a slash, "page".
    const QStringView t = trimmedView(line);
    if (t.isEmpty())
        return false;
    const QChar first = t.front(), last = t.back();
    const auto dash = [](QChar c) { return c == u'-' || c == u'—' || c == u'–'; };
    const bool shaped = (dash(first) && dash(last)) || (first == u'第' && last == u'页') ||
                        (first >= u'0' && first <= u'9' && charscan::indexOf(t, u'/') >= 0) ||
                        first == u'p' || first == u'P';
    if (!shaped)
        return false;
    // every page number has a digit
    const bool digit = std::any_of(line.begin(), line.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    return digit && furniture.match(line.toString()).hasMatch();
}

void Tokenizer::tokenizeLine(qsizetype ls, qsizetype le, int line)
{
    LineInfo info;
    info.start = int(ls);
    info.end = int(le);
    const qsizetype firstItem = m_items.size();
    const QStringView l = QStringView(m_text).mid(ls, le - ls);
    if (isPageFurniture(l)) {
        m_lines.append(info);
        return;
    }

    // A line of thousands of cells is no table row: refused before its cells are listed.
    // The line's separators counted in one pass.
    qsizetype pipes = 0, tabs = 0;
    charscan::countTwo(l, u'|', u'\t', &pipes, &tabs);
    if ((pipes > 0 ? pipes : tabs) >= Limits::MaxCellsPerLine) {
        m_error = Limits::tooManyCells(line + 1);
        m_lines.append(info);
        return;
    }
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 32> cells; // a row's cells, without an allocation
    auto splitOn = [&](QChar sep) {
        qsizetype s = 0;
        for (;;) {
            const qsizetype e = charscan::indexOf(l, sep.unicode(), s);
            if (e < 0) {
                cells.append({s, l.size()});
                break;
            }
            cells.append({s, e});
            s = e + 1;
        }
    };
    if (pipes > 0) {
        splitOn(u'|');
        const QStringView shown = trimmedView(l);
        if (!cells.isEmpty() && isBlank(l.left(cells.first().second)) && shown.startsWith(u'|'))
            cells.erase(cells.begin());
        if (!cells.isEmpty() && shown.endsWith(u'|')) {
            const auto last = cells.last();
            if (isBlank(l.mid(last.first, last.second - last.first)))
                cells.removeLast();
        }
        // A rule (|---|:--|) has a dash and nothing but bars, dashes, colons and spaces: a line
        // with anything else is passed at once, the rest cell by cell.
        bool rule = !cells.isEmpty() && l.contains(u'-') && std::all_of(l.begin(), l.end(), [](QChar c) {
            return c == u'|' || c == u'-' || c == u':' || c == u' ' || charscan::isSpace(c);
        });
        for (qsizetype ci = 0; rule && ci < cells.size(); ++ci)
            rule = isMarkdownRule(l.mid(cells[ci].first, cells[ci].second - cells[ci].first));
        if (rule)
            cells.clear();
    } else if (tabs > 0) {
        splitOn(u'\t');
    } else {
        // Two or more spaces separate columns in text laid out with spaces.
        qsizetype s = 0, i = 0;
        while (i < l.size()) {
            // to the next space, eight characters at a time
            i = charscan::indexOf(l, u' ', i);
            if (i < 0)
                break;
            if (i + 1 < l.size() && l[i + 1] == u' ') {
                qsizetype j = i;
                while (j < l.size() && l[j] == u' ')
                    ++j;
                if (i > s && !isBlank(l.mid(s, i - s)))
                    cells.append({s, i});
                if (cells.size() >= Limits::MaxCellsPerLine) {
                    m_error = Limits::tooManyCells(line + 1);
                    m_lines.append(info);
                    return;
                }
                s = j;
                i = j;
            } else {
                ++i;
            }
        }
        if (s < l.size() && !isBlank(l.mid(s)))
            cells.append({s, l.size()});
    }

    // (Cells cut at spaces are kept only when they are not blank.)
    const bool separated = pipes > 0 || tabs > 0;
    qsizetype nonEmpty = separated ? 0 : cells.size();
    if (separated)
        for (const auto &c : cells)
            if (!isBlank(l.mid(c.first, c.second - c.first)))
                ++nonEmpty;
    info.cells = int(cells.size());
    if (nonEmpty > 0) {
        for (const auto &c : cells) {
            qsizetype cs = ls + c.first, ce = ls + c.second;
            while (cs < ce && isSpace(m_text[cs]))
                ++cs;
            while (ce > cs && isSpace(m_text[ce - 1]))
                --ce;
            if (cs == ce) {
                if (cells.size() > 1) {
                    Item &b = m_items.emplace_back(); // made in its place in the list
                    b.kind = Item::Kind::Blank;
                    b.start = cs;
                    b.end = cs;
                    b.line = line;
                }
                continue;
            }
            tokenizeCell(cs, ce, line);
        }
    }
    for (qsizetype i = firstItem; i < m_items.size(); ++i) {
        if (m_items[i].isNonBlankValue())
            ++info.values;
        else if (m_items[i].kind == Item::Kind::Label)
            ++info.labels;
    }
    m_lines.append(info);
}

void Tokenizer::addLabel(qsizetype s, qsizetype e, int line)
{
    while (s < e && isSpace(m_text[s]))
        ++s;
    while (e > s && isSpace(m_text[e - 1]))
        --e;
    if (s >= e)
        return;
    // The label's letters written after the keys before it: no string is made for a label.
    const qsizetype keyStart = m_keysSize;
    if (m_keysRoom < keyStart + (e - s)) {
        const qsizetype room = qMax(2 * m_keysRoom, keyStart + (e - s));
        std::unique_ptr<char16_t[]> grown(new char16_t[room]);
        std::copy(m_keys.get(), m_keys.get() + keyStart, grown.get());
        m_keys = std::move(grown);
        m_keysRoom = room;
    }
    char16_t *out = m_keys.get() + keyStart;
    const QChar *in = m_text.constData();
    const char16_t *units = reinterpret_cast<const char16_t *>(in);
    qsizetype k = 0;
    qsizetype i = s;
    // Eight ideographs at once (all letters), the rest one by one.
    while (i + 8 <= e) {
        if (charscan::eightIn(in + i, 0x4E00, 0x9FEF)) {
            std::copy(units + i, units + i + 8, out + k);
            k += 8;
            i += 8;
            continue;
        }
        for (const qsizetype stop = i + 8; i < stop; ++i) {
            out[k] = units[i];
            k += Template::isKeyLetter(in[i]) ? 1 : 0;
        }
    }
    for (; i < e; ++i) {
        out[k] = units[i];
        k += Template::isKeyLetter(in[i]) ? 1 : 0;
    }
    m_keysSize = keyStart + k;
    if (k == 0)
        return;                        // punctuation only
    Item &it = m_items.emplace_back(); // made in its place in the list
    it.kind = Item::Kind::Label;
    it.start = s;
    it.end = e;
    it.line = line;
    it.keyStart = int(keyStart);
    it.keyLength = int(k);
}

void Tokenizer::tokenizeCell(qsizetype cs, qsizetype ce, int line)
{
    const QStringView cell = QStringView(m_text).mid(cs, ce - cs);
    if (isPlaceholder(cell)) {
        Item &it = m_items.emplace_back();
        it.kind = Item::Kind::ValueText;
        it.start = cs;
        it.end = ce;
        it.text = cell.toString();
        it.line = line;
        return;
    }

    qsizetype labelStart = -1;
    qsizetype i = cs;
    const QChar *t = m_text.constData();
    while (i < ce) {
        if (m_items.size() > Limits::MaxItems)
            return; // the caller says why
        if (labelStart >= 0) {
            // Within a label only a digit ends it (a minus sign there is a dash of the label):
            // its letters are passed over in a loop of their own.
            i = charscan::nextDigit(t, i, ce);
            if (i == ce)
                break;
        }
        const QChar c = m_text[i];
        const bool minus = (c == u'-' || c == u'−') && i + 1 < ce && isDigit(m_text[i + 1]) && labelStart < 0;
        // A sign at the start of a cell or after a space, or between two numbers that ran
        // together ("12-7": 12, then −7), where it is also the boundary between the two.
        const bool signedNumber =
            minus && (i == cs || isSpace(m_text[i - 1]) || (isDigit(m_text[i - 1]) && signBetweenNumbers(i)));
        if (!isDigit(c) && !signedNumber) {
            if (labelStart < 0 && !isSpace(c))
                labelStart = i;
            ++i;
            continue;
        }
        const qsizetype numStart = i;
        if (signedNumber)
            ++i;
        qsizetype j = i;
        while (j < ce && isDigit(m_text[j]))
            ++j;
        bool decimal = false;
        bool thousands = false;
        // Thousands separators: 1,234,567 (only groups of exactly three digits).
        if (j - i <= 3) {
            while (j + 3 < ce && m_text[j] == u',' && isDigit(m_text[j + 1]) && isDigit(m_text[j + 2]) &&
                   isDigit(m_text[j + 3]) && (j + 4 >= ce || !isDigit(m_text[j + 4]))) {
                j += 4;
                thousands = true;
            }
        }
        if (j + 1 < ce && m_text[j] == u'.' && isDigit(m_text[j + 1])) {
            j += 1;
            while (j < ce && isDigit(m_text[j]))
                ++j;
            decimal = true;
        }
        // "00000002.其他法律…": the last digit numbers the next label.
        qsizetype numEnd = j;
        bool subItem = false;
        if (!decimal && !thousands && j + 1 < ce && (m_text[j] == u'.' || m_text[j] == u'、') &&
            m_text[j + 1].isLetter()) {
            subItem = true;
            numEnd = j - 1;
        }
        if (numEnd > numStart + (signedNumber ? 1 : 0)) {
            if (labelStart >= 0)
                addLabel(labelStart, numStart, line);
            labelStart = -1;
            Item &it =
                m_items.emplace_back(); // made in its place: nothing else is appended before it is done
            it.kind = Item::Kind::Number;
            it.start = numStart;
            it.end = numEnd;
            it.line = line;
            it.decimal = decimal;
            it.negative = signedNumber;
            const qsizetype digitsStart = numStart + (signedNumber ? 1 : 0);
            if (thousands) {
                QString digits;
                digits.reserve(numEnd - digitsStart);
                for (qsizetype k = digitsStart; k < numEnd; ++k)
                    if (m_text[k] != u',')
                        digits.append(m_text[k]);
                it.text = digits;
            } else {
                it.text = sharedText(QStringView(m_text).mid(digitsStart, numEnd - digitsStart));
            }
            qsizetype k = numEnd;
            if (!subItem) {
                // Units written after the number.
                // Measure words written after a count ("3笔", "12家", "5人次") and the units of
                // an amount; the longest first.
                static constexpr QStringView units[] = {u"万元", u"亿元", u"人次", u"元", u"件",
                                                        u"条",   u"个",   u"项",   u"笔", u"次",
                                                        u"家",   u"份",   u"宗",   u"起", u"例"};
                // Every unit is written in ideographs: anything before them is none.
                for (QStringView u : units) {
                    if (k >= m_text.size() || m_text[k] < u'\u4E00')
                        break;
                    if (m_text[k] == u.front() && QStringView(m_text).mid(k, u.size()) == u) {
                        k += u.size();
                        break;
                    }
                }
                // An annotation in brackets: 55（含自然失效29件）.
                qsizetype p = k;
                while (p < ce && isSpace(m_text[p]))
                    ++p;
                if (p < ce && m_text[p] == u'(') {
                    // Looked for in the cell only, and near: a note is short.
                    const qsizetype rel =
                        QStringView(m_text).mid(p, qMin<qsizetype>(ce - p, 60)).indexOf(u')');
                    const qsizetype close = p + rel;
                    if (rel > 0) {
                        const QStringView inner = QStringView(m_text).mid(p + 1, close - p - 1);
                        bool hasDigit = false;
                        for (QChar ch : inner)
                            hasDigit = hasDigit || isDigit(ch);
                        if (hasDigit || inner.startsWith(u"含") || inner.startsWith(u"其中") ||
                            inner.startsWith(u"包括") || inner.startsWith(u"注") || inner.startsWith(u"另")) {
                            it.note = int(m_notes.size());
                            m_notes.append(inner.toString());
                            k = close + 1;
                        }
                    }
                }
            }
            i = k;
            if (subItem) {
                labelStart = numEnd;
                i = j + 1;
            }
        } else {
            // A lone sub-item number: part of the label.
            if (labelStart < 0)
                labelStart = numStart;
            i = j + (subItem ? 1 : 0);
        }
    }
    if (labelStart >= 0)
        addLabel(labelStart, ce, line);
}

} // namespace nianbao
