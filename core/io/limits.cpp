#include "limits.h"

#include <QLocale>

namespace nianbao {

static QString count(qint64 n)
{
    return QLocale().toString(n);
}

QString Limits::textTooLong()
{
    return tr("The text of this file is longer than %1 characters, more than any report has; it is not read.")
        .arg(count(MaxTextChars));
}

QString Limits::normalizedTooLong()
{
    return tr("The text would grow beyond %1 characters once its characters are normalised; it is not read.")
        .arg(count(MaxNormalizedChars));
}

QString Limits::tooManyCells(int line)
{
    return tr("Line %1 of the text has more than %2 cells, more than any report's table; the file is not "
              "read.")
        .arg(count(line))
        .arg(count(MaxCellsPerLine));
}

QString Limits::tooManyItems()
{
    return tr("The text holds more than %1 labels and values, more than any report; it is not read.")
        .arg(count(MaxItems));
}

QString Limits::tablesTooDeep()
{
    return tr("The file nests tables more than %1 deep, deeper than any report; it is not read.")
        .arg(count(MaxTableDepth));
}

QString Limits::tableTooLarge()
{
    return tr("A table of the file has more than %1 cells (merged cells counted in full), more than any "
              "report's table; the file is not read.")
        .arg(count(MaxTableCells));
}

QString Limits::tooManyPages(int pages)
{
    return tr("The PDF has %1 pages, more than the %2 a report may have; it is not read.")
        .arg(count(pages))
        .arg(count(MaxPdfPages));
}

QString Limits::tooManyChars(int page)
{
    return tr("Page %1 of the PDF holds more than %2 characters, more than any report's page; the file is "
              "not "
              "read.")
        .arg(count(page))
        .arg(count(MaxPdfCharsPerPage));
}

QString Limits::pdfTooSlow(int pages)
{
    return tr("Laying out the first %1 pages of the PDF took more than %2 seconds, far longer than any "
              "report takes; the file is not read.")
        .arg(count(pages))
        .arg(count(MaxPdfSeconds));
}

int Limits::numberDigits(QStringView text)
{
    // (White space at the start passed over as trimmed() would, at the end as any other; ASCII
    // told without Unicode's table.)
    const QStringView t = text;
    qsizetype i = 0;
    while (i < t.size() && t[i].isSpace())
        ++i;
    if (i < t.size() && (t[i] == u'-' || t[i] == u'+' || t[i] == u'−' || t[i] == u'－' || t[i] == u'＋'))
        ++i;
    int digits = 0;
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9') {
            ++digits;
        } else if (u < 0x80) {
            if (u != u',' && u != u'.' && !c.isSpace())
                return -1;
        } else if (c.digitValue() >= 0) {
            ++digits;
        } else if (c != u'，' && c != u'．' && !c.isSpace()) {
            return -1;
        }
    }
    return digits > 0 ? digits : -1;
}

} // namespace nianbao
