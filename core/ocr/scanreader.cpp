#include "scanreader.h"

#include "io/limits.h"
#include "io/pdflinebuilder.h"

#include <QPainter>
#include <QRegularExpression>
#include <QTransform>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>

#include <unistd.h>

#ifdef NIANBAO_HAVE_OCR
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

thread_local const ScanReader::Progress *t_progress = nullptr;

constexpr double MinDpi = 150;     // below it digits are a few pixels high
constexpr int MinContrast = 60;    // grey levels between ink and paper
constexpr double MinMeanConf = 55; // mean word confidence of a readable page (0-100)

/// A grey image, one byte a pixel, 0 black.
struct Grey
{
    int w = 0, h = 0;
    std::vector<uint8_t> px;
    uint8_t at(int x, int y) const { return px[size_t(y) * size_t(w) + size_t(x)]; }
    uint8_t &at(int x, int y) { return px[size_t(y) * size_t(w) + size_t(x)]; }
};

Grey toGrey(const QImage &image)
{
    const QImage g = image.convertToFormat(QImage::Format_Grayscale8);
    Grey out;
    out.w = g.width();
    out.h = g.height();
    out.px.resize(size_t(out.w) * size_t(out.h));
    for (int y = 0; y < out.h; ++y)
        std::copy_n(g.constScanLine(y), out.w, out.px.data() + size_t(y) * size_t(out.w));
    return out;
}

QImage toImage(const Grey &g)
{
    QImage img(g.w, g.h, QImage::Format_Grayscale8);
    for (int y = 0; y < g.h; ++y)
        std::copy_n(g.px.data() + size_t(y) * size_t(g.w), g.w, img.scanLine(y));
    return img;
}

/// Otsu's threshold of the histogram, and the 2nd and 98th percentiles.
struct Levels
{
    int threshold = 128;
    int dark = 0, light = 255;
};

Levels levels(const Grey &g)
{
    std::array<qint64, 256> hist{};
    for (uint8_t v : g.px)
        ++hist[v];
    const double total = double(g.px.size());
    double sum = 0;
    for (int i = 0; i < 256; ++i)
        sum += double(i) * double(hist[i]);
    double sumB = 0, wB = 0, best = -1;
    Levels l;
    for (int t = 0; t < 256; ++t) {
        wB += double(hist[t]);
        if (wB == 0)
            continue;
        const double wF = total - wB;
        if (wF == 0)
            break;
        sumB += double(t) * double(hist[t]);
        const double mB = sumB / wB, mF = (sum - sumB) / wF;
        const double between = wB * wF * (mB - mF) * (mB - mF);
        if (between > best) {
            best = between;
            l.threshold = t;
        }
    }
    // The ink is a small share of a page: its level is the darker pixels' median.
    qint64 acc = 0, inkCount = 0;
    for (int i = 0; i <= l.threshold; ++i)
        inkCount += hist[i];
    for (int i = 0; i <= l.threshold; ++i) {
        acc += hist[i];
        if (acc * 2 >= inkCount) {
            l.dark = i;
            break;
        }
    }
    acc = 0;
    for (int i = 255; i >= 0; --i) {
        acc += hist[i];
        if (double(acc) >= 0.5 * total) {
            l.light = i;
            break;
        }
    }
    return l;
}

/// The page's skew in degrees, by the projection profile of its ink (rows of text and ruling lines
/// are sharpest when level), searched over ±5°.
double findSkew(const Grey &g, int threshold)
{
    const int step = std::max(1, g.w / 800);
    QList<QPoint> ink;
    for (int y = 0; y < g.h; y += step)
        for (int x = 0; x < g.w; x += step)
            if (g.at(x, y) < threshold)
                ink.append(QPoint(x / step, y / step));
    if (ink.size() < 100)
        return 0;
    const int rows = g.h / step + 1;
    auto score = [&](double deg) {
        const double t = std::tan(deg * M_PI / 180.0);
        std::vector<int> bins(size_t(rows) * 2 + 2, 0);
        for (const QPoint &p : ink) {
            const int b = int(std::lround(p.y() - p.x() * t)) + rows / 2;
            if (b >= 0 && b < int(bins.size()))
                ++bins[size_t(b)];
        }
        double s = 0;
        for (int v : bins)
            s += double(v) * double(v);
        return s;
    };
    double best = 0, bestScore = score(0);
    for (double a = -5; a <= 5.001; a += 0.25) {
        const double s = score(a);
        if (s > bestScore) {
            bestScore = s;
            best = a;
        }
    }
    const double centre = best;
    for (double a = centre - 0.25; a <= centre + 0.25; a += 0.05) {
        const double s = score(a);
        if (s > bestScore) {
            bestScore = s;
            best = a;
        }
    }
    return best;
}

Grey rotate(const Grey &g, double degrees)
{
    if (std::abs(degrees) < 0.05)
        return g;
    QImage img = toImage(g).convertToFormat(QImage::Format_RGB32);
    QTransform t;
    t.rotate(-degrees);
    QImage r = img.transformed(t, Qt::SmoothTransformation);
    // The corners brought in are paper.
    QImage out(r.size(), QImage::Format_RGB32);
    out.fill(Qt::white);
    {
        QPainter p(&out);
        p.drawImage(0, 0, r);
    }
    // Back to the original size, centred.
    const QRect keep((out.width() - g.w) / 2, (out.height() - g.h) / 2, g.w, g.h);
    return toGrey(out.copy(keep));
}

/// The ruling lines of a table: masks of long dark runs, their positions (the grid), erased.
struct Ruling
{
    QList<int> rows; // y of horizontal lines
    QList<int> cols; // x of vertical lines
    int count() const { return int(rows.size() + cols.size()); }
};

QList<int> linePositions(const std::vector<int> &counts, int minCount)
{
    QList<int> out;
    int start = -1;
    for (int i = 0; i <= int(counts.size()); ++i) {
        const bool on = i < int(counts.size()) && counts[size_t(i)] >= minCount;
        if (on && start < 0)
            start = i;
        if (!on && start >= 0) {
            out.append((start + i - 1) / 2);
            start = -1;
        }
    }
    return out;
}

Ruling eraseRuling(Grey &g, int threshold, double dpi)
{
    const int minRun = std::max(40, int(dpi * 0.45)); // longer than any character
    const int gapOk = std::max(1, int(dpi / 150));    // breaks in a blurred or compressed line
    const int halo = std::max(2, int(dpi / 100));     // the line's grey edges
    std::vector<uint8_t> mask(g.px.size(), 0);        // 1 horizontal, 2 vertical
    std::vector<int> rowCount(size_t(g.h), 0), colCount(size_t(g.w), 0);
    auto dark = [&](int x, int y) { return g.at(x, y) < threshold; };
    for (int y = 0; y < g.h; ++y) {
        int start = -1, lastDark = -1;
        for (int x = 0; x <= g.w; ++x) {
            const bool d = x < g.w && dark(x, y);
            if (d) {
                if (start < 0)
                    start = x;
                lastDark = x;
            } else if (start >= 0 && x - lastDark > gapOk) {
                if (lastDark - start + 1 >= minRun) {
                    for (int i = start; i <= lastDark; ++i)
                        mask[size_t(y) * size_t(g.w) + size_t(i)] |= 1;
                    rowCount[size_t(y)] += lastDark - start + 1;
                }
                start = -1;
            }
        }
    }
    for (int x = 0; x < g.w; ++x) {
        int start = -1, lastDark = -1;
        for (int y = 0; y <= g.h; ++y) {
            const bool d = y < g.h && dark(x, y);
            if (d) {
                if (start < 0)
                    start = y;
                lastDark = y;
            } else if (start >= 0 && y - lastDark > gapOk) {
                if (lastDark - start + 1 >= minRun) {
                    for (int i = start; i <= lastDark; ++i)
                        mask[size_t(i) * size_t(g.w) + size_t(x)] |= 2;
                    colCount[size_t(x)] += lastDark - start + 1;
                }
                start = -1;
            }
        }
    }
    Ruling r;
    r.rows = linePositions(rowCount, minRun);
    r.cols = linePositions(colCount, minRun);
    // Erase each line with its halo, across the line only.
    for (int y = 0; y < g.h; ++y)
        for (int x = 0; x < g.w; ++x) {
            const uint8_t m = mask[size_t(y) * size_t(g.w) + size_t(x)];
            if (!m)
                continue;
            if (m & 1)
                for (int d = -halo; d <= halo; ++d)
                    if (y + d >= 0 && y + d < g.h)
                        g.at(x, y + d) = 255;
            if (m & 2)
                for (int d = -halo; d <= halo; ++d)
                    if (x + d >= 0 && x + d < g.w)
                        g.at(x + d, y) = 255;
        }
    return r;
}

bool isDigits(const QString &s)
{
    static const QRegularExpression re(u"^[0-9]+(?:\\.[0-9]+)?$"_s);
    return re.match(s).hasMatch();
}

/// A word the page recogniser may have made of a number: digits, or the shapes digits are misread as.
bool mayBeNumber(const QString &s)
{
    static const QRegularExpression re(u"^[0-9OoDQlIi|\\]\\[()!SsZzBg.,]{1,12}$"_s);
    if (!re.match(s).hasMatch())
        return false;
    for (QChar c : s)
        if (c.isDigit())
            return true;
    return s.size() <= 2;
}

#ifdef NIANBAO_HAVE_OCR

struct TessDeleter
{
    void operator()(tesseract::TessBaseAPI *api) const
    {
        api->End();
        delete api;
    }
};
using Tess = std::unique_ptr<tesseract::TessBaseAPI, TessDeleter>;

/// One recogniser a thread for pages (Chinese and Latin) and one for digits.
tesseract::TessBaseAPI *pageRecogniser()
{
    thread_local Tess api;
    if (!api) {
        Tess a(new tesseract::TessBaseAPI);
        if (a->Init(nullptr, "chi_sim+eng", tesseract::OEM_LSTM_ONLY) != 0)
            return nullptr;
        a->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
        a->SetVariable("debug_file", "/dev/null");
        a->SetVariable("preserve_interword_spaces", "1");
        api = std::move(a);
    }
    return api.get();
}

tesseract::TessBaseAPI *digitRecogniser()
{
    thread_local Tess api;
    if (!api) {
        Tess a(new tesseract::TessBaseAPI);
        if (a->Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0)
            return nullptr;
        a->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        a->SetVariable("debug_file", "/dev/null");
        a->SetVariable("tessedit_char_whitelist", "0123456789.");
        api = std::move(a);
    }
    return api.get();
}

/// Reads a part of the page with the digits-only recogniser: its digits and confidence (0-100).
std::pair<QString, double> readDigits(const Grey &g, const QRect &area, double dpi)
{
    tesseract::TessBaseAPI *api = digitRecogniser();
    const QRect r = area & QRect(0, 0, g.w, g.h);
    if (!api || r.width() < 4 || r.height() < 4)
        return {};
    // A margin of paper around the crop helps the line finder.
    const int pad = std::max(12, r.height());
    Grey c;
    c.w = r.width() + 2 * pad;
    c.h = r.height() + 2 * pad;
    c.px.assign(size_t(c.w) * size_t(c.h), 255);
    for (int y = 0; y < r.height(); ++y)
        for (int x = 0; x < r.width(); ++x)
            c.at(x + pad, y + pad) = g.at(r.x() + x, r.y() + y);
    api->SetImage(c.px.data(), c.w, c.h, 1, c.w);
    api->SetSourceResolution(int(dpi));
    if (api->Recognize(nullptr) != 0)
        return {};
    std::unique_ptr<char[]> text(api->GetUTF8Text());
    const QString t = QString::fromUtf8(text.get()).simplified().remove(u' ');
    return {t, std::clamp(api->MeanTextConf(), 0, 100)};
}

#endif

} // namespace

void ScanReader::setThreadProgress(const Progress *progress)
{
    t_progress = progress;
}

const ScanReader::Progress *ScanReader::threadProgress()
{
    return t_progress;
}

bool ScanReader::available()
{
#ifdef NIANBAO_HAVE_OCR
    static const bool ok = [] {
        tesseract::TessBaseAPI probe;
        const bool inited = probe.Init(nullptr, "chi_sim+eng", tesseract::OEM_LSTM_ONLY) == 0;
        probe.End();
        return inited;
    }();
    return ok;
#else
    return false;
#endif
}

void ScanReader::limitRecogniserThreads(char **argv)
{
#ifdef NIANBAO_HAVE_OCR
    // libgomp reads its settings when it is loaded, before main: the limit takes a new start.
    if (std::getenv("OMP_THREAD_LIMIT") || !argv || !argv[0])
        return;
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::execv("/proc/self/exe", argv); // returns only when it failed: go on with OpenMP's threads
#else
    Q_UNUSED(argv);
#endif
}

QString ScanReader::unavailableMessage()
{
#ifdef NIANBAO_HAVE_OCR
    return tr("This report is a scan; reading it needs Tesseract's Chinese data (the package "
              "tesseract-ocr-chi-sim), which is not installed.");
#else
    return tr("This report is a scan (its pages have no text layer); reading scans needs text "
              "recognition (libtesseract), and this build was made without it.");
#endif
}

bool ScanReader::isImage(const QByteArray &head)
{
    return head.startsWith("\x89PNG\r\n\x1a\n") || head.startsWith("\xff\xd8\xff") ||
           head.startsWith("II*\0"_ba) || head.startsWith("MM\0*"_ba);
}

bool ScanReader::recognise(const QImage &image, double dpi, Page *page, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (image.isNull() || image.width() < 16 || image.height() < 16)
        return fail(tr("The image is empty or cannot be decoded."));
    if (qint64(image.width()) * image.height() > qint64(Limits::MaxScanPixels))
        return fail(tr("The scanned page is too large to read (%1 × %2 pixels).")
                        .arg(image.width())
                        .arg(image.height()));
    if (dpi < MinDpi)
        return fail(tr("The scan's resolution is too low to read (about %1 dpi; 200 dpi or more is needed).")
                        .arg(int(std::lround(dpi))));
#ifndef NIANBAO_HAVE_OCR
    Q_UNUSED(page);
    return fail(unavailableMessage());
#else
    if (t_progress && t_progress->cancel && t_progress->cancel->load())
        return fail(tr("The reading was cancelled."));
    tesseract::TessBaseAPI *api = pageRecogniser();
    if (!api)
        return fail(unavailableMessage());
    Grey g = toGrey(image);
    Levels lv = levels(g);
    qint64 marked = 0;
    for (uint8_t v : g.px)
        marked += v + 25 < lv.light ? 1 : 0;
    page->size = QSizeF(g.w * 72.0 / dpi, g.h * 72.0 / dpi);
    if (marked * 2000 < qint64(g.px.size()))
        return true; // a blank page
    if (lv.light - lv.dark < MinContrast)
        return fail(tr("The scan's contrast is too low to read (the print is hardly darker than the paper); "
                       "scan it again darker or in black and white."));
    page->skewDegrees = findSkew(g, lv.threshold);
    g = rotate(g, page->skewDegrees);
    lv = levels(g);
    Grey clean = g;
    const Ruling ruling = eraseRuling(clean, lv.threshold, dpi);
    page->rulingLines = ruling.count();
    page->size = QSizeF(g.w * 72.0 / dpi, g.h * 72.0 / dpi);

    api->SetImage(clean.px.data(), clean.w, clean.h, 1, clean.w);
    api->SetSourceResolution(int(dpi));
    if (api->Recognize(nullptr) != 0)
        return fail(tr("The scanned page could not be recognised."));
    const double toPt = 72.0 / dpi;
    std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
    double confSum = 0;
    int confCount = 0;
    if (it) {
        do {
            std::unique_ptr<char[]> t(it->GetUTF8Text(tesseract::RIL_WORD));
            if (!t)
                continue;
            const QString text = QString::fromUtf8(t.get()).trimmed();
            if (text.isEmpty())
                continue;
            int l, tp, r, b;
            it->BoundingBox(tesseract::RIL_WORD, &l, &tp, &r, &b);
            Word w;
            w.text = text;
            w.box = QRectF(QPointF(l, tp), QPointF(r, b));
            w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
            confSum += w.confidence * 100;
            ++confCount;
            page->words.append(w);
        } while (it->Next(tesseract::RIL_WORD));
    }
    if (confCount == 0)
        return true; // ink, but no text: lines, a stamp, a picture
    if (confSum / confCount < MinMeanConf)
        return fail(
            tr("The scan is too blurred or noisy to read (the recogniser is unsure of most of the page); "
               "scan it again at 300 dpi."));

    // The grid's cell around a point, from the ruling lines.
    auto cellAround = [&](const QPointF &p) -> QRect {
        auto between = [](const QList<int> &lines, double v, int *lo, int *hi) {
            for (int i = 0; i + 1 < lines.size(); ++i)
                if (lines[i] < v && v < lines[i + 1]) {
                    *lo = lines[i];
                    *hi = lines[i + 1];
                    return true;
                }
            return false;
        };
        int x0, x1, y0, y1;
        if (!between(ruling.cols, p.x(), &x0, &x1) || !between(ruling.rows, p.y(), &y0, &y1))
            return {};
        const int inset = std::max(3, int(dpi / 60));
        return QRect(QPoint(x0 + inset, y0 + inset), QPoint(x1 - inset, y1 - inset));
    };

    // Numbers read again with digits only, in their grid cell; a disagreement is kept, not settled.
    QList<QRect> readCells;
    for (Word &w : page->words) {
        if (!mayBeNumber(w.text))
            continue;
        QRect area = cellAround(w.box.center());
        if (area.isEmpty() || area.height() > 4 * w.box.height())
            area = w.box.toRect().adjusted(-int(w.box.height() / 3), -int(w.box.height() / 4),
                                           int(w.box.height() / 3), int(w.box.height() / 4));
        else
            readCells.append(area);
        const auto [again, conf] = readDigits(clean, area, dpi);
        const bool firstIsNumber = isDigits(w.text);
        if (again.isEmpty()) {
            if (!firstIsNumber)
                w.confidence = std::min(w.confidence, 0.3);
            continue;
        }
        if (firstIsNumber && again == w.text) {
            w.confidence = std::max(w.confidence, conf / 100.0);
        } else if (!firstIsNumber && conf >= 85) {
            // A shape misread as a letter ("]" for 1): the digits reading, sure of itself, stands.
            w.candidates = {again};
            w.text = again;
            w.confidence = std::min(w.confidence, conf / 100.0);
        } else {
            w.candidates = {w.text, again};
            if (!firstIsNumber)
                w.candidates.removeFirst();
            w.confidence = std::min({w.confidence, conf / 100.0, TrustedConfidence - 0.01});
        }
    }
    // A grid cell of a row of numbers that holds ink but no word: a digit the page reading dropped.
    const double inkShare = 0.01;
    for (int ri = 0; ri + 1 < ruling.rows.size(); ++ri) {
        for (int ci = 0; ci + 1 < ruling.cols.size(); ++ci) {
            const int inset = std::max(3, int(dpi / 60));
            const QRect cell(QPoint(ruling.cols[ci] + inset, ruling.rows[ri] + inset),
                             QPoint(ruling.cols[ci + 1] - inset, ruling.rows[ri + 1] - inset));
            if (cell.width() < 8 || cell.height() < 8 || cell.height() > dpi * 0.6)
                continue;
            bool hasWord = false;
            for (const Word &w : std::as_const(page->words))
                if (cell.intersects(w.box.toRect())) {
                    hasWord = true;
                    break;
                }
            if (hasWord)
                continue;
            int inkPx = 0;
            for (int y = cell.top(); y <= cell.bottom(); ++y)
                for (int x = cell.left(); x <= cell.right(); ++x)
                    inkPx += clean.at(x, y) < lv.threshold ? 1 : 0;
            if (inkPx < inkShare * cell.width() * cell.height() || inkPx < 12)
                continue;
            const auto [digits, conf] = readDigits(clean, cell, dpi);
            if (!isDigits(digits) || digits.size() > 13)
                continue;
            // Its box: the ink's extent in the cell.
            int x0 = cell.right(), x1 = cell.left(), y0 = cell.bottom(), y1 = cell.top();
            for (int y = cell.top(); y <= cell.bottom(); ++y)
                for (int x = cell.left(); x <= cell.right(); ++x)
                    if (clean.at(x, y) < lv.threshold) {
                        x0 = std::min(x0, x);
                        x1 = std::max(x1, x);
                        y0 = std::min(y0, y);
                        y1 = std::max(y1, y);
                    }
            Word w;
            w.text = digits;
            w.box = QRectF(QPointF(x0, y0), QPointF(x1 + 1, y1 + 1));
            w.confidence = std::min(conf / 100.0, TrustedConfidence - 0.01); // one reading only
            w.candidates = {digits};
            page->words.append(w);
        }
    }
    for (Word &w : page->words)
        w.box = QRectF(w.box.topLeft() * toPt, w.box.size() * toPt);
    return true;
#endif
}

QString ScanReader::layoutPage(const Page &page, int pageIndex, qsizetype textStart, QList<SourceBox> *boxes)
{
    QList<PdfReader::Word> words;
    words.reserve(page.words.size());
    for (const Word &w : page.words)
        words.append(PdfReader::Word{w.text, w.box});
    QList<SourceBox> laid;
    const QString text = PdfReader::layoutPage(words, page.size, &laid);
    for (SourceBox &b : laid) {
        b.start += textStart;
        b.page = pageIndex;
        b.method = u"ocr"_s;
        b.confidence = 1.0;
        // The words inside the box: its confidence is the least sure one's; a number's readings.
        for (const Word &w : page.words) {
            if (!b.box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(w.box.center()))
                continue;
            b.confidence = std::min(b.confidence, w.confidence);
            for (const QString &c : w.candidates)
                if (!b.candidates.contains(c))
                    b.candidates.append(c);
        }
        if (boxes)
            boxes->append(b);
    }
    return text;
}

bool ScanReader::readImage(const QByteArray &bytes, SourceDocument *doc, QString *error)
{
#ifndef NIANBAO_HAVE_OCR
    Q_UNUSED(bytes);
    Q_UNUSED(doc);
    if (error)
        *error = unavailableMessage();
    return false;
#else
    if (!available()) {
        if (error)
            *error = unavailableMessage();
        return false;
    }
    const auto *data = reinterpret_cast<const l_uint8 *>(bytes.constData());
    l_int32 format = IFF_UNKNOWN;
    findFileFormatBuffer(data, &format);
    QList<Pix *> pixes;
    if (L_FORMAT_IS_TIFF(format)) {
        for (int n = 0; n < Limits::MaxPdfPages; ++n) {
            Pix *p = pixReadMemTiff(data, size_t(bytes.size()), n);
            if (!p)
                break;
            pixes.append(p);
        }
    } else if (Pix *p = pixReadMem(data, size_t(bytes.size()))) {
        pixes.append(p);
    }
    if (pixes.isEmpty()) {
        if (error)
            *error = tr("The image is damaged and cannot be decoded.");
        return false;
    }
    doc->boxes.clear();
    doc->pages.clear();
    QString text;
    bool ok = true;
    for (int i = 0; i < pixes.size() && ok; ++i) {
        Pix *p8 = pixConvertTo8(pixes[i], 0);
        const int w = int(pixGetWidth(p8)), h = int(pixGetHeight(p8));
        QImage img(w, h, QImage::Format_Grayscale8);
        const l_uint32 *base = pixGetData(p8);
        const int wpl = pixGetWpl(p8);
        for (int y = 0; y < h; ++y) {
            const l_uint32 *line = base + size_t(y) * size_t(wpl);
            uchar *out = img.scanLine(y);
            for (int x = 0; x < w; ++x)
                out[x] = uchar(GET_DATA_BYTE(line, x));
        }
        // The resolution the scanner wrote, else that of an A4 page across the image's width.
        double dpi = pixGetXRes(pixes[i]);
        if (dpi <= 1)
            dpi = w / 8.27;
        pixDestroy(&p8);
        if (t_progress && t_progress->pageDone)
            t_progress->pageDone(i + 1, int(pixes.size()));
        Page page;
        if (!recognise(img, dpi, &page, error)) {
            ok = false;
            break;
        }
        QList<SourceBox> boxes;
        text += layoutPage(page, i, text.size(), &boxes);
        doc->boxes += boxes;
        doc->pages.append(page.size);
    }
    for (Pix *p : pixes)
        pixDestroy(&p);
    if (!ok)
        return false;
    doc->text = text;
    doc->format = u"image"_s;
    return true;
#endif
}

} // namespace nianbao
