#include "loader.h"

#include "formatreaders.h"
#include "htmlreader.h"
#include "limits.h"
#include "ocr/scanreader.h"
#include "textdecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

Loader::Format Loader::sniff(const QByteArray &head)
{
    if (head.startsWith("%PDF-"))
        return Format::Pdf;
    // Some PDFs carry junk before the header; the specification allows 1024 bytes.
    // (looked for at each %, in place: no copy of the head, no search for a string)
    const QByteArrayView first(head.constData(), qMin<qsizetype>(head.size(), 1024));
    for (qsizetype i = first.indexOf('%'); i >= 0; i = first.indexOf('%', i + 1))
        if (first.sliced(i).startsWith("%PDF-"))
            return Format::Pdf;
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        return Format::Zip;
    if (head.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return Format::OleDoc;
    if (head.startsWith("{\\rtf"))
        return Format::Rtf;
    if (ScanReader::isImage(head))
        return Format::Image;
    return Format::Text;
}

bool Loader::looksLikeHtml(QStringView text)
{
    const QStringView head = text.left(4096).trimmed();
    if (head.startsWith(u"<!DOCTYPE html", Qt::CaseInsensitive))
        return true;
    // A tag that makes a page: <html or <table anywhere in the head, <body in a head that opens
    // with a tag. Looked for at each < only.
    for (qsizetype i = head.indexOf(u'<'); i >= 0; i = head.indexOf(u'<', i + 1)) {
        const QStringView at = head.mid(i);
        if (at.startsWith(u"<html", Qt::CaseInsensitive) || at.startsWith(u"<table", Qt::CaseInsensitive) ||
            (head.startsWith(u'<') && at.startsWith(u"<body", Qt::CaseInsensitive)))
            return true;
    }
    return false;
}

/// A web page that is not UTF-8 and declares its charset is decoded as declared, without the
/// detector's guess (and its cost).
static bool decodeDeclaredHtml(const QByteArray &bytes, DecodedText *out)
{
    // A page's tag in the first 4 KB, in any case: looked for at each < only.
    const char *const end = bytes.constData() + qMin<qsizetype>(bytes.size(), 4096);
    bool page = false;
    const char *lt = bytes.constData();
    while (!page && (lt = static_cast<const char *>(std::memchr(lt, '<', size_t(end - lt))))) {
        ++lt;
        const auto tag = [&](const char *name) {
            const qsizetype n = qsizetype(std::strlen(name));
            return end - lt >= n && qstrnicmp(lt, name, n) == 0;
        };
        page = tag("html") || tag("!doctype html") || tag("meta");
    }
    if (!page)
        return false;
    if (bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return false;
    const QByteArray charset = HtmlReader::trustedCharset(bytes);
    if (charset.isEmpty())
        return false;
    QString text;
    if (!TextDecoder::decodeAs(bytes, charset.constData(), &text))
        return false;
    out->text = text;
    out->encoding = QString::fromLatin1(charset).toUpper();
    out->note.clear();
    return true;
}

static QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

bool Loader::load(const QString &path, SourceDocument *doc, QString *error, QByteArray *bytesRead)
{
    const QFileInfo fi(path);
    if (!fi.exists()) {
        if (error)
            *error = tr("The file does not exist.");
        return false;
    }
    if (fi.isDir()) {
        if (error)
            *error = tr("This is a folder, not a file.");
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The file cannot be opened: %1.").arg(f.errorString());
        return false;
    }
    const qint64 size = f.size();
    if (size == 0) {
        if (error)
            *error = tr("The file is empty.");
        return false;
    }
    const QByteArray head = f.peek(4096);
    const Format format = sniff(head);
    const qint64 limit = format == Format::Text ? Limits::MaxTextBytes : Limits::MaxDocumentBytes;
    if (size > limit) {
        if (error)
            *error = tr("The file is too large for a report (%1; the limit is %2).")
                         .arg(sizeText(size), sizeText(limit));
        return false;
    }
    const QByteArray bytes = f.readAll();
    if (bytes.size() != size) {
        if (error)
            *error = tr("The file could not be read completely: %1.").arg(f.errorString());
        return false;
    }
    if (bytesRead)
        *bytesRead = bytes;
    return loadBytes(bytes, path, doc, error);
}

bool Loader::loadBytes(const QByteArray &bytes, const QString &path, SourceDocument *doc, QString *error)
{
    doc->path = path;
    if (bytes.isEmpty()) {
        if (error)
            *error = tr("The file is empty.");
        return false;
    }
    switch (sniff(QByteArray::fromRawData(bytes.constData(), qMin<qsizetype>(bytes.size(), 4096)))) {
    case Format::Pdf:
        doc->format = u"pdf"_s;
        return readPdf(bytes, doc, error);
    case Format::Zip:
        doc->format = u"docx"_s;
        return readDocx(bytes, doc, error);
    case Format::OleDoc:
        doc->format = u"doc"_s;
        return readDoc(bytes, path, doc, error);
    case Format::Image:
        doc->format = u"image"_s;
        return ScanReader::readImage(bytes, doc, error);
    case Format::Rtf:
        if (error)
            *error = tr("RTF files are not supported; save the report as DOCX or PDF.");
        return false;
    case Format::Text:
    case Format::Html:
    case Format::Unknown:
        break;
    }
    DecodedText decoded;
    if (!decodeDeclaredHtml(bytes, &decoded) && !TextDecoder::decode(bytes, &decoded, error))
        return false;
    doc->encoding = decoded.encoding;
    doc->encodingNote = decoded.note;
    if (looksLikeHtml(decoded.text)) {
        doc->format = u"html"_s;
        return readHtml(bytes, decoded, doc, error);
    }
    doc->format = u"text"_s;
    doc->text = decoded.text;
    return true;
}

} // namespace nianbao
