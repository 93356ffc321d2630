#include "pdfreader.h"

#include "formatreaders.h"
#include "limits.h"
#include "ocr/scanreader.h"
#include "pdfcolumnlayout.h"
#include "pdflinebuilder.h"
#include "pdfrowjoiner.h"

#include <poppler-qt6.h>

#include <QElapsedTimer>
#include <QRegularExpression>

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

bool isFurniture(const QString &text)
{
    static const QRegularExpression re(
        u"^\\s*(?:[-—–]+\\s*\\d{1,4}\\s*[-—–]+|第\\s*\\d{1,4}\\s*页(?:\\s*[,，]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})\\s*$"_s);
    return text.size() <= 24 && re.match(text).hasMatch();
}

} // namespace

QString PdfReader::layoutPage(const QList<Word> &words, const QSizeF &pageSize, QList<SourceBox> *boxes)
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
    QList<PdfLine> lines = PdfLineBuilder::buildLines(placed);
    // Columns of values: value cells of lines that hold three or more.
    QList<std::pair<double, double>> columns;
    for (PdfLine &l : lines) {
        PdfLineBuilder::buildCells(l);
        if (l.valueCount() >= 3)
            for (const PdfCell &c : std::as_const(l.cells))
                if (c.value)
                    columns.append({c.left, c.right});
    }
    if (!columns.isEmpty()) {
        const PdfValueColumns merged(columns);
        for (PdfLine &l : lines)
            PdfLineBuilder::buildCells(l, merged);
    }
    PdfColumnLayout::joinVerticalLabels(lines);
    PdfRowJoiner::joinRows(lines);
    PdfColumnLayout::fillBlankColumns(lines);
    QString out;
    for (PdfLine &l : lines) {
        QStringList cells;
        for (const PdfCell &c : std::as_const(l.cells))
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
        if (boxes) {
            qsizetype at = out.size();
            for (const PdfCell &c : std::as_const(l.cells)) {
                if (!c.text.isEmpty()) {
                    SourceBox b;
                    b.start = at;
                    b.length = c.text.size();
                    b.box = QRectF(QPointF(c.left, c.top), QPointF(c.right, c.bottom));
                    boxes->append(b);
                }
                at += c.text.size() + 3; // " | "
            }
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
    doc->boxes.clear();
    doc->pages.clear();
    QString text;
    int words = 0, scanned = 0;
    bool scanWithoutOcr = false;
    QElapsedTimer clock;
    clock.start();
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<Poppler::Page> page = pdf->page(p);
        if (!page) {
            doc->pages.append(QSizeF());
            continue;
        }
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
        if (list.isEmpty()) {
            // A page without a text layer: a scan, recognised (only these pages are).
            if (!ScanReader::available()) {
                scanWithoutOcr = true;
                doc->pages.append(page->pageSizeF());
                continue;
            }
            if (++scanned > Limits::MaxScanPages) {
                if (error)
                    *error = tr("This PDF has more than %1 scanned pages; it is too long to recognise.")
                                 .arg(Limits::MaxScanPages);
                return false;
            }
            if (const ScanReader::Progress *progress = ScanReader::threadProgress())
                if (progress->pageDone)
                    progress->pageDone(p + 1, pages);
            const double dpi = ScanReader::RenderDpi;
            const QImage image = page->renderToImage(dpi, dpi);
            ScanReader::Page read;
            QString why;
            if (!ScanReader::recognise(image, dpi, &read, &why)) {
                if (error)
                    *error = tr("Page %1 is a scan that cannot be read: %2").arg(p + 1).arg(why);
                return false;
            }
            read.size = page->pageSizeF(); // the page's own size, whatever the image's
            words += int(read.words.size());
            QList<SourceBox> recognised;
            text += ScanReader::layoutPage(read, p, text.size(), &recognised);
            doc->boxes += recognised;
            doc->pages.append(page->pageSizeF());
            continue;
        }
        words += int(list.size());
        QList<SourceBox> cellBoxes;
        const qsizetype pageStart = text.size();
        text += layoutPage(list, page->pageSizeF(), &cellBoxes);
        for (SourceBox &b : cellBoxes) {
            b.start += pageStart;
            b.page = p;
        }
        doc->boxes += cellBoxes;
        doc->pages.append(page->pageSizeF());
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
            *error = scanWithoutOcr
                         ? ScanReader::unavailableMessage()
                         : tr("This PDF has no text layer and no text was recognised on its pages; "
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
