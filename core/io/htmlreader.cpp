#include "htmlreader.h"

#include "formatreaders.h"
#include "limits.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString decodeEntity(QStringView name, bool *ok)
{
    *ok = true;
    if (name.startsWith(u'#')) {
        bool good = false;
        uint code = 0;
        if (name.size() > 1 && (name[1] == u'x' || name[1] == u'X'))
            code = name.mid(2).toUInt(&good, 16);
        else
            code = name.mid(1).toUInt(&good, 10);
        if (!good || code == 0 || code > 0x10FFFF) {
            *ok = false;
            return {};
        }
        if (code == 0xA0)
            return u" "_s;
        const char32_t c = char32_t(code);
        return QString::fromUcs4(&c, 1);
    }
    static const QHash<QString, QString> named = {
        {u"nbsp"_s, u" "_s},   {u"amp"_s, u"&"_s},    {u"lt"_s, u"<"_s},     {u"gt"_s, u">"_s},
        {u"quot"_s, u"\""_s},  {u"apos"_s, u"'"_s},   {u"ldquo"_s, u"“"_s},  {u"rdquo"_s, u"”"_s},
        {u"lsquo"_s, u"‘"_s},  {u"rsquo"_s, u"’"_s},  {u"mdash"_s, u"—"_s},  {u"ndash"_s, u"–"_s},
        {u"hellip"_s, u"…"_s}, {u"middot"_s, u"·"_s}, {u"times"_s, u"×"_s},  {u"divide"_s, u"÷"_s},
        {u"emsp"_s, u" "_s},   {u"ensp"_s, u" "_s},   {u"thinsp"_s, u" "_s}, {u"copy"_s, u"©"_s},
        {u"reg"_s, u"®"_s},    {u"yen"_s, u"¥"_s},    {u"bull"_s, u"•"_s},   {u"deg"_s, u"°"_s},
        {u"plusmn"_s, u"±"_s}, {u"permil"_s, u"‰"_s}, {u"sect"_s, u"§"_s},   {u"laquo"_s, u"«"_s},
        {u"raquo"_s, u"»"_s},  {u"rarr"_s, u"→"_s},   {u"larr"_s, u"←"_s},   {u"zwsp"_s, QString()},
        {u"shy"_s, QString()},
    };
    const auto it = named.constFind(name.toString());
    if (it == named.constEnd()) {
        *ok = false;
        return {};
    }
    return *it;
}

QString decodeEntities(QStringView s)
{
    if (!s.contains(u'&'))
        return s.toString();
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] != u'&') {
            out += s[i];
            continue;
        }
        qsizetype j = i + 1;
        while (j < s.size() && j - i <= 10 && (s[j].isLetterOrNumber() || s[j] == u'#'))
            ++j;
        bool ok = false;
        const QString v = j > i + 1 ? decodeEntity(s.mid(i + 1, j - i - 1), &ok) : QString();
        if (!ok) {
            out += s[i];
            continue;
        }
        out += v;
        i = (j < s.size() && s[j] == u';') ? j : j - 1;
    }
    return out;
}

struct HCell
{
    QString flow; // text, '\n' at block breaks, nested tables' lines
    int rowspan = 1;
    int colspan = 1;
    bool hasTable = false;
};

struct HTable
{
    QList<QList<HCell>> rows;
    bool rowOpen = false;
    bool cellOpen = false;
    QString loose; // text in the table outside any cell (captions)
};

bool isBlockTag(QStringView t)
{
    static const QStringList blocks = {
        u"p"_s,      u"div"_s,        u"br"_s,      u"h1"_s,         u"h2"_s,     u"h3"_s,      u"h4"_s,
        u"h5"_s,     u"h6"_s,         u"li"_s,      u"ul"_s,         u"ol"_s,     u"section"_s, u"article"_s,
        u"header"_s, u"footer"_s,     u"nav"_s,     u"blockquote"_s, u"pre"_s,    u"hr"_s,      u"dl"_s,
        u"dt"_s,     u"dd"_s,         u"form"_s,    u"center"_s,     u"title"_s,  u"aside"_s,   u"main"_s,
        u"figure"_s, u"figcaption"_s, u"address"_s, u"fieldset"_s,   u"legend"_s, u"caption"_s, u"body"_s};
    return blocks.contains(t);
}

class Builder
{
public:
    QString finish()
    {
        while (!m_tables.isEmpty() && !failed())
            closeTable();
        flushLine();
        return failed() ? QString() : m_out;
    }
    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    void text(QStringView raw)
    {
        const QString t = decodeEntities(raw);
        QString *target = currentBuffer();
        for (QChar c : t) {
            if (c.isSpace() || c == QChar(0xA0)) {
                if (!target->isEmpty() && !target->back().isSpace())
                    *target += u' ';
            } else if (c.category() != QChar::Other_Format) {
                *target += c;
            }
        }
    }

    void startTag(const QString &name, QStringView attrs)
    {
        if (name == u"table") {
            if (m_tables.size() >= Limits::MaxTableDepth) {
                m_error = Limits::tablesTooDeep();
                return;
            }
            breakLine();
            m_tables.append(HTable());
            return;
        }
        if (!m_tables.isEmpty()) {
            HTable &t = m_tables.last();
            if (name == u"tr") {
                closeCell();
                t.rows.append(QList<HCell>());
                t.rowOpen = true;
                return;
            }
            if (name == u"td" || name == u"th") {
                closeCell();
                if (!t.rowOpen) {
                    t.rows.append(QList<HCell>());
                    t.rowOpen = true;
                }
                HCell c;
                c.rowspan = qBound(1, spanAttr(attrs, u"rowspan"), Limits::MaxRowSpan);
                c.colspan = qBound(1, spanAttr(attrs, u"colspan"), Limits::MaxColSpan);
                t.rows.last().append(c);
                t.cellOpen = true;
                return;
            }
        }
        if (isBlockTag(name))
            breakLine();
    }

    void endTag(const QString &name)
    {
        if (name == u"table") {
            if (!m_tables.isEmpty())
                closeTable();
            return;
        }
        if (!m_tables.isEmpty()) {
            HTable &t = m_tables.last();
            if (name == u"td" || name == u"th") {
                closeCell();
                return;
            }
            if (name == u"tr") {
                closeCell();
                t.rowOpen = false;
                return;
            }
        }
        if (isBlockTag(name))
            breakLine();
    }

private:
    static int spanAttr(QStringView attrs, QStringView name)
    {
        static const QRegularExpression re(u"\\b(rowspan|colspan)\\s*=\\s*[\"']?\\s*(\\d+)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
        auto it = re.globalMatch(attrs.toString());
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.capturedView(1).compare(name, Qt::CaseInsensitive) == 0)
                return m.capturedView(2).toInt();
        }
        return 1;
    }

    QString *currentBuffer()
    {
        if (m_tables.isEmpty())
            return &m_line;
        HTable &t = m_tables.last();
        if (t.cellOpen && !t.rows.isEmpty() && !t.rows.last().isEmpty())
            return &t.rows.last().last().flow;
        return &t.loose;
    }

    void breakLine()
    {
        QString *b = currentBuffer();
        while (!b->isEmpty() && b->back() == u' ')
            b->chop(1);
        if (b == &m_line) {
            flushLine();
        } else if (!b->isEmpty() && b->back() != u'\n') {
            *b += u'\n';
        }
    }

    void flushLine()
    {
        const QString l = m_line.trimmed();
        if (!l.isEmpty()) {
            m_out += l;
            m_out += u'\n';
        }
        m_line.clear();
    }

    void closeCell()
    {
        if (!m_tables.isEmpty())
            m_tables.last().cellOpen = false;
    }

    void closeTable()
    {
        HTable t = m_tables.takeLast();
        if (gridPositions(t) > Limits::MaxTableCells) {
            m_error = Limits::tableTooLarge();
            return;
        }
        const QString rendered = render(t);
        // Every rendering counts, those copied into an outer table's cell too.
        m_rendered += rendered.size();
        if (m_rendered > Limits::MaxTextChars || m_out.size() > Limits::MaxTextChars) {
            m_error = Limits::textTooLong();
            return;
        }
        if (!m_tables.isEmpty()) {
            HTable &outer = m_tables.last();
            QString *b = currentBuffer();
            if (outer.cellOpen && !outer.rows.isEmpty() && !outer.rows.last().isEmpty())
                outer.rows.last().last().hasTable = true;
            if (!b->isEmpty() && b->back() != u'\n')
                *b += u'\n';
            *b += rendered;
        } else {
            flushLine();
            m_out += rendered;
        }
    }

    static QString oneLine(const QString &flow)
    {
        QString s = flow;
        s.replace(u'\n', u' ');
        s.replace(u'|', u'｜');
        return s.simplified();
    }

    /// Positions of the table's grid, each merged cell counted over the rows it covers.
    static qint64 gridPositions(const HTable &t)
    {
        qint64 n = 0;
        const qsizetype rows = t.rows.size();
        for (qsizetype r = 0; r < rows; ++r)
            for (const HCell &c : t.rows[r])
                n += qint64(c.colspan) * qMin<qint64>(c.rowspan, rows - r);
        return n;
    }

    static bool isCoveredFrom(const QList<QList<bool>> &covered, int r, int c)
    {
        return c < covered[r].size() && covered[r][c];
    }

    /// Rows as lines: a spanning cell's text at its first position, the positions it covers empty.
    static QString render(const HTable &t)
    {
        QString out;
        if (!t.loose.trimmed().isEmpty()) {
            for (const QString &l : t.loose.split(u'\n'))
                if (!l.trimmed().isEmpty())
                    out += l.trimmed() + u'\n';
        }
        const int nrows = int(t.rows.size());
        QList<QList<bool>> covered(nrows);
        for (int r = 0; r < nrows; ++r) {
            QStringList cells;
            QString after;
            int col = 0;
            auto isCovered = [&](int c) { return c < covered[r].size() && covered[r][c]; };
            auto cover = [&](int rr, int c) {
                if (rr >= nrows)
                    return;
                if (covered[rr].size() <= c)
                    covered[rr].resize(c + 1, false);
                covered[rr][c] = true;
            };
            auto put = [&](int c, const QString &s) {
                while (cells.size() <= c)
                    cells.append(QString());
                cells[c] = s;
            };
            for (const HCell &cell : t.rows[r]) {
                while (isCovered(col))
                    put(col++, QString());
                const bool layout = cell.hasTable || (cell.flow.count(u'\n') >= 2 && cell.flow.size() > 200);
                if (layout) {
                    put(col, QString());
                    for (const QString &l : cell.flow.split(u'\n'))
                        if (!l.trimmed().isEmpty())
                            after += l.trimmed() + u'\n';
                } else {
                    put(col, oneLine(cell.flow));
                }
                for (int rr = r; rr < qMin(nrows, r + cell.rowspan); ++rr)
                    for (int c = col; c < col + cell.colspan; ++c)
                        if (rr != r || c != col)
                            cover(rr, c);
                for (int c = col + 1; c < col + cell.colspan; ++c)
                    put(c, QString());
                col += cell.colspan;
            }
            while (isCovered(col))
                put(col++, QString());
            // Positions covered by a rowspan from the rows above are left out at the start of a
            // row (the row begins with its own label, as text copied from a page does).
            int lead = 0;
            while (lead < cells.size() && isCoveredFrom(covered, r, lead) && cells[lead].isEmpty())
                ++lead;
            cells.remove(0, lead);
            out += tableRowLine(cells);
            out += after;
        }
        return out;
    }

    QString m_out;
    QString m_line;
    QList<HTable> m_tables;
    QString m_error;
    qint64 m_rendered = 0;
};

bool isRawTextTag(QStringView n)
{
    return n == u"script" || n == u"style" || n == u"noscript" || n == u"template" || n == u"textarea" ||
           n == u"xml" || n == u"select";
}

bool isVoidTag(QStringView n)
{
    static const QStringList voids = {u"br"_s,    u"img"_s,    u"input"_s, u"meta"_s, u"link"_s,
                                      u"hr"_s,    u"area"_s,   u"base"_s,  u"col"_s,  u"embed"_s,
                                      u"param"_s, u"source"_s, u"track"_s, u"wbr"_s};
    return voids.contains(n);
}

/// An element the page does not show (display:none, the hidden attribute).
bool isHidden(QStringView attrs)
{
    if (!attrs.contains(u"none", Qt::CaseInsensitive) && !attrs.contains(u"hidden", Qt::CaseInsensitive))
        return false;
    static const QRegularExpression re(u"display\\s*:\\s*none|(?:^|\\s)hidden(?:\\s|=|/|$)"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(attrs).hasMatch();
}

/// Position after the end tag that closes an element opened just before from (same-name
/// elements nested in it counted).
qsizetype skipElement(QStringView html, const QString &name, qsizetype from)
{
    int depth = 1;
    qsizetype i = from;
    const qsizetype n = html.size();
    while (i < n) {
        const qsizetype lt = html.indexOf(u'<', i);
        if (lt < 0)
            return n;
        const bool end = lt + 1 < n && html[lt + 1] == u'/';
        const qsizetype ns = lt + (end ? 2 : 1);
        const qsizetype ne = ns + name.size();
        const bool same = ne <= n && html.mid(ns, name.size()).compare(name, Qt::CaseInsensitive) == 0 &&
                          (ne == n || !html[ne].isLetterOrNumber());
        const qsizetype gt = html.indexOf(u'>', lt);
        if (gt < 0)
            return n;
        if (same) {
            const bool selfClosing = !end && html[gt - 1] == u'/';
            if (end)
                --depth;
            else if (!selfClosing)
                ++depth;
            if (depth == 0)
                return gt + 1;
        }
        i = gt + 1;
    }
    return n;
}

} // namespace

QString HtmlReader::toText(QStringView html, QString *error)
{
    Builder b;
    const qsizetype n = html.size();
    qsizetype i = 0;
    bool inHead = false;
    while (i < n && !b.failed()) {
        const qsizetype lt = html.indexOf(u'<', i);
        if (lt < 0) {
            if (!inHead)
                b.text(html.mid(i));
            break;
        }
        if (lt > i && !inHead)
            b.text(html.mid(i, lt - i));
        i = lt;
        if (html.mid(i, 4) == u"<!--") {
            const qsizetype e = html.indexOf(u"-->", i + 4);
            i = e < 0 ? n : e + 3;
            continue;
        }
        if (i + 1 < n && (html[i + 1] == u'!' || html[i + 1] == u'?')) {
            const qsizetype e = html.indexOf(u'>', i);
            i = e < 0 ? n : e + 1;
            continue;
        }
        const bool end = i + 1 < n && html[i + 1] == u'/';
        qsizetype j = i + (end ? 2 : 1);
        const qsizetype nameStart = j;
        while (j < n && (html[j].isLetterOrNumber() || html[j] == u':' || html[j] == u'-' || html[j] == u'_'))
            ++j;
        if (j == nameStart) {
            // A lone '<' in the text.
            if (!inHead)
                b.text(html.mid(i, 1));
            ++i;
            continue;
        }
        const QString name = html.mid(nameStart, j - nameStart).toString().toLower();
        // The end of the tag, respecting quoted attribute values.
        qsizetype k = j;
        QChar quote;
        while (k < n) {
            const QChar c = html[k];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                if (k > 0 && html[k - 1] == u'=')
                    quote = c;
                else if (k > 1 && html[k - 1].isSpace() && html[k - 2] == u'=')
                    quote = c;
            } else if (c == u'>') {
                break;
            }
            ++k;
        }
        const QStringView attrs = html.mid(j, qMax<qsizetype>(0, k - j));
        i = k < n ? k + 1 : n;
        if (end) {
            if (name == u"head")
                inHead = false;
            else if (!inHead)
                b.endTag(name);
            continue;
        }
        if (name == u"head") {
            inHead = true;
            continue;
        }
        if (name == u"body")
            inHead = false;
        if (isRawTextTag(name)) {
            // Skip to the matching end tag.
            const QString close = u"</"_s + name;
            const qsizetype e = html.indexOf(close, i, Qt::CaseInsensitive);
            if (e < 0) {
                i = n;
            } else {
                const qsizetype gt = html.indexOf(u'>', e);
                i = gt < 0 ? n : gt + 1;
            }
            continue;
        }
        if (name == u"title") {
            // The page title is the report's title on many sites: a line of its own.
            const qsizetype e = html.indexOf(u"</title"_s, i, Qt::CaseInsensitive);
            const qsizetype stop = e < 0 ? n : e;
            b.startTag(u"p"_s, {});
            b.text(html.mid(i, stop - i));
            b.endTag(u"p"_s);
            const qsizetype gt = e < 0 ? n : html.indexOf(u'>', e);
            i = gt < 0 ? n : gt + 1;
            continue;
        }
        if (inHead)
            continue;
        if (!isVoidTag(name) && isHidden(attrs) && !(k > 0 && html[k - 1] == u'/')) {
            i = skipElement(html, name, i);
            continue;
        }
        b.startTag(name, attrs);
    }
    const QString text = b.finish();
    if (b.failed() && error)
        *error = b.error();
    return text;
}

QByteArray HtmlReader::declaredCharset(const QByteArray &bytes)
{
    const QString head = QString::fromLatin1(bytes.left(8192));
    static const QRegularExpression meta(u"<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = meta.match(head);
    if (!m.hasMatch())
        return {};
    return m.captured(1).toLatin1().toLower();
}

QByteArray HtmlReader::trustedCharset(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return {};
    QByteArray charset = declaredCharset(bytes);
    if (charset == "gb2312" || charset == "gbk" || charset == "x-gbk" || charset == "gb_2312-80" ||
        charset == "cp936")
        charset = "gb18030";
    else if (charset == "big5")
        charset = "big5-hkscs";
    if (charset != "gb18030" && charset != "big5-hkscs")
        return {};
    if (TextDecoder::isValidUtf8(bytes))
        return {};
    return charset;
}

bool HtmlReader::read(const QByteArray &bytes, const DecodedText &decoded, SourceDocument *doc,
                      QString *error)
{
    QString text = decoded.text;
    const QByteArray charset = trustedCharset(bytes);
    if (!charset.isEmpty() && decoded.encoding.toLatin1().toLower() != charset) {
        QString redecoded;
        if (TextDecoder::decodeAs(bytes, charset.constData(), &redecoded)) {
            text = redecoded;
            doc->encoding = QString::fromLatin1(charset).toUpper();
            doc->encodingNote.clear();
        }
    } else if (!charset.isEmpty()) {
        doc->encodingNote.clear();
    }
    QString limit;
    doc->text = toText(text, &limit);
    doc->format = u"html"_s;
    if (!limit.isEmpty()) {
        if (error)
            *error = limit;
        return false;
    }
    if (doc->text.trimmed().isEmpty()) {
        if (error)
            *error = tr("The web page has no readable text.");
        return false;
    }
    return true;
}

bool readHtml(const QByteArray &bytes, const DecodedText &decoded, SourceDocument *doc, QString *error)
{
    return HtmlReader::read(bytes, decoded, doc, error);
}

} // namespace nianbao
