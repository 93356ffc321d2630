#include "docxreader.h"

#include "formatreaders.h"
#include "limits.h"
#include "zipreader.h"

#include <QList>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

struct DCell
{
    QString text;
    int span = 1;
    bool merged = false; // a w:vMerge continuation
    bool hasTable = false;
};

struct DTable
{
    QList<QList<DCell>> rows;
    qint64 positions = 0; // grid positions, merged cells counted in full
};

class Walker
{
public:
    explicit Walker(QXmlStreamReader &xml) : m_xml(xml) {}

    bool run(QString *out, QString *error)
    {
        while (!m_xml.atEnd()) {
            if (!m_error.isEmpty()) {
                if (error)
                    *error = m_error;
                return false;
            }
            const QXmlStreamReader::TokenType tok = m_xml.readNext();
            if (tok == QXmlStreamReader::DTD || tok == QXmlStreamReader::EntityReference) {
                if (error)
                    *error = DocxReader::tr("The Word file declares a DTD or entities, which a report "
                                            "never needs; it is refused.");
                return false;
            }
            if (tok == QXmlStreamReader::StartElement)
                start();
            else if (tok == QXmlStreamReader::EndElement)
                end();
            else if (tok == QXmlStreamReader::Characters && m_inText && m_skip == 0)
                append(m_xml.text());
        }
        if (!m_error.isEmpty()) {
            if (error)
                *error = m_error;
            return false;
        }
        if (m_xml.hasError()) {
            if (error)
                *error = DocxReader::tr("The Word file's text is damaged (%1).").arg(m_xml.errorString());
            return false;
        }
        flushParagraph();
        *out = m_out;
        return true;
    }

private:
    /// Text of the page, counted: a part of a few megabytes can hold more text than any report.
    void append(QStringView s)
    {
        m_chars += s.size();
        if (m_chars > Limits::MaxTextChars)
            m_error = Limits::textTooLong();
        else
            m_para += s;
    }

    void start()
    {
        const QStringView n = m_xml.name();
        const QStringView ns = m_xml.prefix();
        if (m_skip > 0) {
            ++m_skip;
            return;
        }
        // Deleted text of tracked changes, and the fallback copy of drawings, are not the page's text.
        if ((ns == u"w" && (n == u"del" || n == u"delText" || n == u"instrText")) ||
            (ns == u"mc" && n == u"Fallback")) {
            m_skip = 1;
            return;
        }
        if (ns != u"w")
            return;
        if (n == u"t") {
            m_inText = true;
        } else if (n == u"tab") {
            if (m_inRun)
                append(u"\t");
        } else if (n == u"br" || n == u"cr") {
            append(m_tables.isEmpty() ? u"\n" : u" ");
        } else if (n == u"r") {
            m_inRun = true;
        } else if (n == u"p") {
            // A paragraph inside a paragraph (a text box): the outer one resumes after it.
            if (m_pDepth++ > 0)
                m_paraStack.append(m_para);
            m_para.clear();
        } else if (n == u"tbl") {
            if (m_tables.size() >= Limits::MaxTableDepth) {
                m_error = Limits::tablesTooDeep();
                return;
            }
            flushParagraph();
            m_tables.append(DTable());
        } else if (n == u"tr") {
            if (!m_tables.isEmpty())
                m_tables.last().rows.append(QList<DCell>());
        } else if (n == u"tc") {
            if (!m_tables.isEmpty()) {
                if (m_tables.last().rows.isEmpty())
                    m_tables.last().rows.append(QList<DCell>());
                m_tables.last().rows.last().append(DCell());
                addPositions(1);
            }
        } else if (n == u"gridSpan") {
            if (DCell *c = cell()) {
                const int span = qBound(1, m_xml.attributes().value(u"w:val"_s).toInt(), Limits::MaxColSpan);
                addPositions(span - c->span);
                c->span = span;
            }
        } else if (n == u"vMerge") {
            const QStringView v = m_xml.attributes().value(u"w:val"_s);
            if (DCell *c = cell())
                c->merged = v.isEmpty() || v == u"continue";
        }
    }

    void end()
    {
        if (m_skip > 0) {
            --m_skip;
            return;
        }
        const QStringView n = m_xml.name();
        if (m_xml.prefix() != u"w")
            return;
        if (n == u"t") {
            m_inText = false;
        } else if (n == u"r") {
            m_inRun = false;
        } else if (n == u"p") {
            flushParagraph();
            m_pDepth = qMax(0, m_pDepth - 1);
            if (!m_paraStack.isEmpty())
                m_para = m_paraStack.takeLast();
        } else if (n == u"tbl") {
            if (m_tables.isEmpty())
                return;
            const QString rendered = render(m_tables.takeLast());
            // Every rendering counts, those copied into an outer table's cell too.
            m_chars += rendered.size();
            if (m_chars > Limits::MaxTextChars) {
                m_error = Limits::textTooLong();
                return;
            }
            if (DCell *c = cell()) {
                c->hasTable = true;
                if (!c->text.isEmpty() && !c->text.endsWith(u'\n'))
                    c->text += u'\n';
                c->text += rendered;
            } else {
                m_out += rendered;
            }
        }
    }

    void addPositions(qint64 n)
    {
        DTable &t = m_tables.last();
        t.positions += n;
        if (t.positions > Limits::MaxTableCells)
            m_error = Limits::tableTooLarge();
    }

    DCell *cell()
    {
        if (m_tables.isEmpty() || m_tables.last().rows.isEmpty() || m_tables.last().rows.last().isEmpty())
            return nullptr;
        return &m_tables.last().rows.last().last();
    }

    void flushParagraph()
    {
        QString p = m_para;
        m_para.clear();
        if (DCell *c = cell()) {
            p = p.simplified();
            if (p.isEmpty())
                return;
            if (!c->text.isEmpty())
                c->text += u'\n';
            c->text += p;
            return;
        }
        for (const QString &l : p.split(u'\n')) {
            const QString t = l.trimmed();
            if (!t.isEmpty())
                m_out += t + u'\n';
        }
    }

    static QString render(const DTable &t)
    {
        QString out;
        for (const QList<DCell> &row : t.rows) {
            QStringList cells;
            QString after;
            for (const DCell &c : row) {
                if (c.hasTable) {
                    cells.append(QString());
                    after += c.text.endsWith(u'\n') ? c.text : c.text + u'\n';
                } else if (c.merged) {
                    cells.append(QString());
                } else {
                    QString s = c.text;
                    s.replace(u'\n', u' ');
                    s.replace(u'|', u'｜');
                    cells.append(s.simplified());
                }
                for (int k = 1; k < c.span; ++k)
                    cells.append(QString());
            }
            // Cells continuing a vertical merge at the start of a row are left out: the row
            // begins with its own label, as text copied from the page does.
            int lead = 0;
            while (lead < row.size() && row[lead].merged && !row[lead].hasTable && row[lead].span == 1)
                ++lead;
            cells.remove(0, lead);
            out += tableRowLine(cells);
            out += after;
        }
        return out;
    }

    QXmlStreamReader &m_xml;
    QString m_out;
    QString m_para;
    QStringList m_paraStack;
    int m_pDepth = 0;
    QList<DTable> m_tables;
    bool m_inText = false;
    bool m_inRun = false;
    int m_skip = 0;
    qint64 m_chars = 0;
    QString m_error;
};

/// Paragraph, run, table and row properties, cell borders, shading, widths and alignment hold no
/// text and are most of a Word file's XML: cut out before parsing (none nests in itself; the
/// empty ones end at their own "/>").
QByteArray stripFormatting(const QByteArray &xml)
{
    static const std::pair<QByteArrayView, QByteArrayView> parts[] = {
        {"<w:pPr>", "</w:pPr>"},     {"<w:rPr>", "</w:rPr>"},   {"<w:tcBorders>", "</w:tcBorders>"},
        {"<w:tblPr>", "</w:tblPr>"}, {"<w:trPr>", "</w:trPr>"}, {"<w:shd ", "/>"},
        {"<w:tcW ", "/>"},           {"<w:vAlign ", "/>"}};
    QByteArray cur = xml;
    for (const auto &[open, close] : parts) {
        QByteArray out;
        out.reserve(cur.size());
        qsizetype last = 0;
        for (;;) {
            const qsizetype a = cur.indexOf(open, last);
            if (a < 0)
                break;
            if (close == "/>") {
                // Only an empty element: its own '>' must close it.
                const qsizetype gt = cur.indexOf('>', a);
                if (gt < 0)
                    break;
                if (cur[gt - 1] != '/') {
                    out.append(cur.constData() + last, gt + 1 - last);
                    last = gt + 1;
                    continue;
                }
                out.append(cur.constData() + last, a - last);
                last = gt + 1;
                continue;
            }
            const qsizetype b = cur.indexOf(close, a + open.size());
            if (b < 0)
                break;
            out.append(cur.constData() + last, a - last);
            last = b + close.size();
        }
        out.append(cur.constData() + last, cur.size() - last);
        cur = std::move(out);
    }
    return cur;
}

/// The main document part: named by the package's relationships, word/document.xml by default.
QString mainPart(ZipReader &zip)
{
    const QString fallback = u"word/document.xml"_s;
    QByteArray rels;
    if (zip.contains(fallback) || !zip.contains(u"_rels/.rels"_s) ||
        !zip.read(u"_rels/.rels"_s, &rels, nullptr) || rels.contains("<!DOCTYPE"))
        return fallback;
    QXmlStreamReader xml(rels);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship")
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (a.value(u"Type"_s).endsWith(u"/officeDocument")) {
            QString target = a.value(u"Target"_s).toString();
            while (target.startsWith(u'/'))
                target.remove(0, 1);
            return target.isEmpty() ? fallback : target;
        }
    }
    return fallback;
}

} // namespace

bool DocxReader::documentText(const QByteArray &xml, QString *text, QString *error)
{
    // A DTD is refused before anything is parsed: entities could expand without bound.
    if (xml.left(4096).contains("<!DOCTYPE") || xml.left(4096).contains("<!ENTITY")) {
        if (error)
            *error =
                tr("The Word file declares a DTD or entities, which a report never needs; it is refused.");
        return false;
    }
    QXmlStreamReader reader(stripFormatting(xml));
    reader.setNamespaceProcessing(false);
    Walker w(reader);
    return w.run(text, error);
}

bool DocxReader::read(const QByteArray &bytes, SourceDocument *doc, QString *error)
{
    ZipReader zip(bytes);
    if (!zip.open(error))
        return false;
    const QString part = mainPart(zip);
    if (!zip.contains(part)) {
        if (error) {
            QByteArray mimetype;
            if (zip.contains(u"mimetype"_s))
                zip.read(u"mimetype"_s, &mimetype, nullptr);
            if (mimetype.startsWith("application/vnd.oasis.opendocument"))
                *error =
                    tr("This is an OpenDocument file; open it in LibreOffice or WPS and save it as DOCX.");
            else if (zip.contains(u"xl/workbook.xml"_s))
                *error = tr("This is an Excel workbook, not a Word report; save the report as DOCX or PDF.");
            else if (zip.contains(u"[Content_Types].xml"_s))
                *error = tr("The Word file has no main document (word/document.xml is missing).");
            else
                *error = tr("This ZIP archive is not a Word document (DOCX).");
        }
        return false;
    }
    QByteArray xml;
    if (!zip.read(part, &xml, error))
        return false;
    QString text;
    if (!documentText(xml, &text, error))
        return false;
    if (text.trimmed().isEmpty()) {
        if (error)
            *error = tr("The Word file has no text.");
        return false;
    }
    doc->text = text;
    doc->format = u"docx"_s;
    return true;
}

bool readDocx(const QByteArray &bytes, SourceDocument *doc, QString *error)
{
    return DocxReader::read(bytes, doc, error);
}

} // namespace nianbao
