#include "xlsxreader.h"

#include <QFile>
#include <QXmlStreamReader>

#include <unzip.h>

using namespace Qt::Literals::StringLiterals;

namespace testutil {

QString XlsxSheet::ref(int row, int col)
{
    QString letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        letters.prepend(QChar(u'A' + (c - 1) % 26));
    return letters + QString::number(row + 1);
}

bool XlsxSheet::parseRef(const QString &ref, int *row, int *col)
{
    int c = 0, i = 0;
    while (i < ref.size() && ref[i].isLetter())
        c = c * 26 + (ref[i++].unicode() - u'A' + 1);
    bool ok = false;
    const int r = ref.mid(i).toInt(&ok);
    if (!ok || c == 0)
        return false;
    *row = r - 1;
    *col = c - 1;
    return true;
}

const XlsxCell *XlsxSheet::cell(int row, int col) const
{
    auto it = cells.constFind(ref(row, col));
    return it == cells.constEnd() ? nullptr : &it.value();
}

QString XlsxSheet::text(int row, int col) const
{
    const XlsxCell *c = cell(row, col);
    return c ? c->text : QString();
}

int XlsxSheet::rowCount() const
{
    int n = 0;
    for (auto it = cells.constBegin(); it != cells.constEnd(); ++it) {
        int r, c;
        if (parseRef(it.key(), &r, &c))
            n = qMax(n, r + 1);
    }
    return n;
}

bool XlsxSheet::mergeAt(int row, int col, int *lastRow, int *lastCol) const
{
    const QString start = ref(row, col) + u':';
    for (const QString &m : merges) {
        if (m.startsWith(start)) {
            return parseRef(m.mid(start.size()), lastRow, lastCol);
        }
    }
    return false;
}

namespace {

bool unzipAll(const QString &path, QHash<QString, QByteArray> *files, QString *error)
{
    unzFile zf = unzOpen64(QFile::encodeName(path).constData());
    if (!zf) {
        *error = u"not a zip file: "_s + path;
        return false;
    }
    int rc = unzGoToFirstFile(zf);
    while (rc == UNZ_OK) {
        char name[512];
        unz_file_info64 info;
        if (unzGetCurrentFileInfo64(zf, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK ||
            unzOpenCurrentFile(zf) != UNZ_OK) {
            *error = u"bad zip entry"_s;
            unzClose(zf);
            return false;
        }
        QByteArray data(qsizetype(info.uncompressed_size), Qt::Uninitialized);
        const int n = data.isEmpty() ? 0 : unzReadCurrentFile(zf, data.data(), unsigned(data.size()));
        unzCloseCurrentFile(zf);
        if (n != data.size()) {
            *error = u"short read in zip entry "_s + QString::fromUtf8(name);
            unzClose(zf);
            return false;
        }
        files->insert(QString::fromUtf8(name), data);
        rc = unzGoToNextFile(zf);
    }
    unzClose(zf);
    return true;
}

/// Relationship id → target, of a .rels file.
QHash<QString, QString> rels(const QByteArray &xml)
{
    QHash<QString, QString> out;
    QXmlStreamReader x(xml);
    while (!x.atEnd()) {
        if (x.readNext() == QXmlStreamReader::StartElement && x.name() == u"Relationship"_s)
            out.insert(x.attributes().value(u"Id"_s).toString(),
                       x.attributes().value(u"Target"_s).toString());
    }
    return out;
}

/// All <t> text inside the current element.
QString innerText(QXmlStreamReader &x)
{
    QString out;
    const QString end = x.name().toString();
    int depth = 1;
    while (!x.atEnd() && depth > 0) {
        const auto t = x.readNext();
        if (t == QXmlStreamReader::StartElement) {
            ++depth;
            if (x.name() == u"t"_s) {
                out += x.readElementText();
                --depth;
            }
        } else if (t == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    return out;
}

QString resolve(const QString &base, const QString &target)
{
    if (target.startsWith(u'/'))
        return target.mid(1);
    QStringList parts = base.split(u'/');
    parts.removeLast();
    for (const QString &p : target.split(u'/')) {
        if (p == u".."_s)
            parts.removeLast();
        else
            parts << p;
    }
    return parts.join(u'/');
}

} // namespace

bool XlsxReader::open(const QString &path, QString *error)
{
    if (!unzipAll(path, &m_files, error))
        return false;
    // Shared strings.
    {
        QXmlStreamReader x(m_files.value(u"xl/sharedStrings.xml"_s));
        while (!x.atEnd())
            if (x.readNext() == QXmlStreamReader::StartElement && x.name() == u"si"_s)
                m_shared << innerText(x);
    }
    // Styles: fills, fonts, number formats, cellXfs.
    {
        QXmlStreamReader x(m_files.value(u"xl/styles.xml"_s));
        QString section, side;
        while (!x.atEnd()) {
            const auto t = x.readNext();
            if (t != QXmlStreamReader::StartElement)
                continue;
            const auto n = x.name();
            const auto a = x.attributes();
            if (n == u"fills"_s || n == u"cellXfs"_s || n == u"fonts"_s || n == u"cellStyleXfs"_s ||
                n == u"borders"_s)
                section = n.toString();
            else if (n == u"border"_s && section == u"borders"_s) {
                m_borders.append({QString(), 0u});
                side.clear();
            } else if (section == u"borders"_s && (n == u"left"_s || n == u"right"_s || n == u"top"_s ||
                                                   n == u"bottom"_s || n == u"diagonal"_s)) {
                side = n.toString();
                if (side == u"left"_s && !m_borders.isEmpty())
                    m_borders.last().first = a.value(u"style"_s).toString();
            } else if (n == u"color"_s && section == u"borders"_s && side == u"left"_s &&
                       !m_borders.isEmpty())
                m_borders.last().second = a.value(u"rgb"_s).toString().right(6).toUInt(nullptr, 16);
            else if (n == u"numFmt"_s)
                m_numFmts.insert(a.value(u"numFmtId"_s).toInt(), a.value(u"formatCode"_s).toString());
            else if (n == u"fill"_s && section == u"fills"_s)
                m_fills << 0u;
            else if (n == u"fgColor"_s && section == u"fills"_s && !m_fills.isEmpty())
                m_fills.last() = a.value(u"rgb"_s).toString().right(6).toUInt(nullptr, 16);
            else if (n == u"font"_s && section == u"fonts"_s)
                m_fontItalic << false;
            else if (n == u"i"_s && section == u"fonts"_s && !m_fontItalic.isEmpty())
                m_fontItalic.last() = true;
            else if (n == u"xf"_s && section == u"cellXfs"_s) {
                m_xfFill << a.value(u"fillId"_s).toInt();
                m_xfNumFmt << a.value(u"numFmtId"_s).toInt();
                m_xfFont << a.value(u"fontId"_s).toInt();
                m_xfBorder << a.value(u"borderId"_s).toInt();
            }
        }
    }
    // Sheets in workbook order.
    const QHash<QString, QString> wbRels = rels(m_files.value(u"xl/_rels/workbook.xml.rels"_s));
    QXmlStreamReader wb(m_files.value(u"xl/workbook.xml"_s));
    while (!wb.atEnd()) {
        if (wb.readNext() != QXmlStreamReader::StartElement || wb.name() != u"sheet"_s)
            continue;
        XlsxSheet s;
        s.name = wb.attributes().value(u"name"_s).toString();
        const QString file =
            resolve(u"xl/workbook.xml"_s, wbRels.value(wb.attributes().value(u"r:id"_s).toString()));
        s.part = file;
        QXmlStreamReader x(m_files.value(file));
        int row = 0;
        while (!x.atEnd()) {
            if (x.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto a = x.attributes();
            if (x.name() == u"row"_s) {
                row = a.value(u"r"_s).toInt();
                if (a.hasAttribute(u"ht"_s))
                    s.rowHeights.insert(row, a.value(u"ht"_s).toDouble());
                if (a.value(u"hidden"_s) == u"1"_s)
                    s.hiddenRows.insert(row);
            } else if (x.name() == u"mergeCell"_s) {
                s.merges << a.value(u"ref"_s).toString();
            } else if (x.name() == u"c"_s) {
                const QString ref = a.value(u"r"_s).toString();
                XlsxCell c;
                c.style = a.value(u"s"_s).toInt();
                const QString type = a.hasAttribute(u"t"_s) ? a.value(u"t"_s).toString() : u"n"_s;
                QString v;
                bool has = false;
                int depth = 1;
                while (!x.atEnd() && depth > 0) {
                    const auto t = x.readNext();
                    if (t == QXmlStreamReader::StartElement) {
                        if (x.name() == u"v"_s) {
                            v = x.readElementText();
                            has = true;
                        } else if (x.name() == u"is"_s) {
                            v = innerText(x);
                            has = true;
                        } else {
                            ++depth;
                        }
                    } else if (t == QXmlStreamReader::EndElement) {
                        --depth;
                    }
                }
                if (has) {
                    c.type = type;
                    c.text = type == u"s"_s ? m_shared.value(v.toInt()) : v;
                }
                s.cells.insert(ref, c);
            }
        }
        // Comments through the sheet's relationships.
        const QString relsFile = resolve(file, u"_rels/"_s + file.section(u'/', -1) + u".rels"_s);
        const QHash<QString, QString> sheetRels = rels(m_files.value(relsFile));
        for (const QString &target : sheetRels) {
            if (!target.contains(u"comments"_s))
                continue;
            QXmlStreamReader cx(m_files.value(resolve(file, target)));
            while (!cx.atEnd()) {
                if (cx.readNext() == QXmlStreamReader::StartElement && cx.name() == u"comment"_s) {
                    const QString ref = cx.attributes().value(u"ref"_s).toString();
                    s.comments.insert(ref, innerText(cx));
                }
            }
        }
        m_sheets << s;
    }
    if (m_sheets.isEmpty()) {
        *error = u"no sheets in "_s + path;
        return false;
    }
    return true;
}

const XlsxSheet *XlsxReader::sheet(const QString &name) const
{
    for (const XlsxSheet &s : m_sheets)
        if (s.name == name)
            return &s;
    return nullptr;
}

QStringList XlsxReader::sheetNames() const
{
    QStringList out;
    for (const XlsxSheet &s : m_sheets)
        out << s.name;
    return out;
}

QString XlsxReader::numberFormat(int style) const
{
    const int id = m_xfNumFmt.value(style);
    if (m_numFmts.contains(id))
        return m_numFmts.value(id);
    if (id == 1)
        return u"0"_s;
    if (id == 2)
        return u"0.00"_s;
    return u"General"_s;
}

bool XlsxReader::italic(int style) const
{
    return m_fontItalic.value(m_xfFont.value(style));
}

} // namespace testutil
