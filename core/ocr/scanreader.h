#pragma once

#include "io/pdfreader.h"
#include "io/sourcedocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>

#include <atomic>
#include <functional>

namespace nianbao {

/// Reads scanned pages with libtesseract, in-process: deskew, find the table's ruling lines (they
/// give the grid) and erase them, recognise the page as one block (psm 6), read again each number of
/// the grid with a digits-only recogniser, then hand the words with their boxes to the same page
/// geometry text PDFs use (PdfReader::layoutPage). Every word keeps its confidence; a number the two
/// readings disagree on keeps both as candidates.
class ScanReader
{
    Q_DECLARE_TR_FUNCTIONS(ScanReader)
public:
    /// Below it a recognised value is not trusted: the cell is uncertain, with its candidates.
    static constexpr double TrustedConfidence = 0.80;
    /// Below it a recognised value is marked on the page for the reviewer to look at: the values
    /// that are uncertain, and those just above TrustedConfidence that the tables take as read.
    static constexpr double MarkedConfidence = 0.90;
    static_assert(MarkedConfidence >= TrustedConfidence, "every untrusted value is marked");
    /// Pages are recognised at this resolution (a PDF's scanned page is rendered at it).
    static constexpr int RenderDpi = 300;

    /// A recognised word: its text, box in points, confidence 0-1, and other readings of a number.
    struct Word
    {
        QString text;
        QRectF box;
        double confidence = 0;
        QStringList candidates;
    };
    struct Page
    {
        QList<Word> words;
        QSizeF size; // points
        double skewDegrees = 0;
        int rulingLines = 0;
    };

    /// Per-page progress and a way to stop: set by whoever reads, on its own thread.
    struct Progress
    {
        /// Page (1-based) of total is being recognised.
        std::function<void(int page, int total)> pageDone;
        const std::atomic_bool *cancel = nullptr;
    };
    /// The progress of the reading on this thread (none by default).
    static void setThreadProgress(const Progress *progress);
    static const Progress *threadProgress();

    /// Debian's libtesseract is built with OpenMP, whose threads (several for each recogniser,
    /// spinning between loops) make a page five times slower on a 2-core machine than one thread
    /// does (bench_ocr), and starve the window; the reports of a batch are read in parallel
    /// already. OpenMP takes its thread limit from OMP_THREAD_LIMIT only, read when libgomp is
    /// loaded: called first thing in main, this starts the program again with it set to 1 unless
    /// it is set. Without OCR, or when the new start fails, it returns and nothing changes.
    static void limitRecogniserThreads(char **argv);

    /// Was this build made with libtesseract (and its Chinese data found)?
    static bool available();
    /// "Reading scans needs …": what a build without OCR says of a scan.
    static QString unavailableMessage();

    /// One page image at dpi (pixels per inch) → its words; false with a sentence saying why the
    /// scan cannot be read (resolution, contrast, blur), or that the reading was cancelled.
    static bool recognise(const QImage &image, double dpi, Page *page, QString *error);
    /// Lays out a recognised page as PdfReader does a text page; boxes get method "ocr", the
    /// confidence of their least sure word and the candidates of their number.
    static QString layoutPage(const Page &page, int pageIndex, qsizetype textStart, QList<SourceBox> *boxes);
    /// An image file (PNG, JPEG, TIFF: every page of a multi-page TIFF) read into doc.
    static bool readImage(const QByteArray &bytes, SourceDocument *doc, QString *error);
    /// Does the file start like an image we read (PNG, JPEG, TIFF)?
    static bool isImage(const QByteArray &head);
};

} // namespace nianbao
