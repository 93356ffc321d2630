#pragma once

// What the format suites share: Word and PDF files made in memory, a grid of digits, a file
// written and read back, the seed report's text, the fixtures' folder.

#include "../core/testutil.h"
#include "io/docreader.h"
#include "io/docxreader.h"
#include "io/htmlreader.h"
#include "io/limits.h"
#include "io/loader.h"
#include "io/pdfreader.h"
#include "json/reportjson.h"
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <zip.h>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::formatstesting {

/// A Word file of one main part, zipped (deflated) in memory.
inline QByteArray docx(const QByteArray &body)
{
    const QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        body + "</w:body></w:document>";
    const QByteArray types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                             "openxmlformats.org/package/2006/content-types\"/>";
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(u"w.docx"_s).toLocal8Bit();
    zipFile z = zipOpen64(path.constData(), APPEND_STATUS_CREATE);
    for (const auto &[name, data] :
         {std::pair{"[Content_Types].xml", &types}, std::pair{"word/document.xml", &xml}}) {
        zipOpenNewFileInZip64(z, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1);
        zipWriteInFileInZip(z, data->constData(), unsigned(data->size()));
        zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
    return testutil::readBytes(dir.filePath(u"w.docx"_s));
}

inline QByteArray paragraphs(const QString &text)
{
    QByteArray out;
    for (const QString &line : text.split(u'\n')) {
        QString esc = line;
        esc.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
        out += "<w:p><w:r><w:t xml:space=\"preserve\">" + esc.toUtf8() + "</w:t></w:r></w:p>";
    }
    return out;
}

/// A PDF whose pages all show one content stream, in Helvetica.
inline QByteArray pdf(int pages, const QByteArray &content)
{
    QMap<int, QByteArray> objs;
    objs[1] = "<< /Type /Catalog /Pages 2 0 R >>";
    objs[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    objs[4] = "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream";
    QByteArray kids;
    for (int p = 0; p < pages; ++p) {
        kids += QByteArray::number(5 + p) + " 0 R ";
        objs[5 + p] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                      "/Resources << /Font << /F1 3 0 R >> >> >>";
    }
    objs[2] = "<< /Type /Pages /Count " + QByteArray::number(pages) + " /Kids [" + kids + "] >>";
    QByteArray out = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (auto it = objs.cbegin(); it != objs.cend(); ++it) {
        offsets.append(out.size());
        out += QByteArray::number(it.key()) + " 0 obj\n" + it.value() + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

/// A page of n one-digit words, perLine to a line, filling the page.
inline QByteArray grid(int n, int perLine)
{
    const int lines = (n + perLine - 1) / perLine;
    const double dx = 575.0 / perLine, dy = 822.0 / lines;
    QByteArray out = "BT /F1 " + QByteArray::number(std::min({10.0, dx / 2, dy * 0.8}), 'f', 2) + " Tf\n";
    for (int i = 0; i < n; ++i)
        out += "1 0 0 1 " + QByteArray::number(10 + (i % perLine) * dx, 'f', 2) + ' ' +
               QByteArray::number(832 - (i / perLine + 1) * dy, 'f', 2) + " Tm (" +
               QByteArray::number(i % 10) + ") Tj\n";
    return out + "ET";
}

inline ReadResult readWritten(const QByteArray &bytes, const QString &name)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    f.close();
    return ReportReader::read(path);
}

inline QString seedText()
{
    return QString::fromUtf8(
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s)));
}

inline QString fixture(const QString &name)
{
    return testutil::dataPath(u"formats/"_s + name);
}
/// A word of a PDF page at its place.
inline PdfReader::Word w(const char *text, double x, double y, double width, double h = 10)
{
    return PdfReader::Word{QString::fromUtf8(text), QRectF(x, y, width, h)};
}

} // namespace nianbao::formatstesting

Q_DECLARE_METATYPE(QList<nianbao::PdfReader::Word>)
