#pragma once

// Scans made from the corpus's PDFs, as a scanner and an office make them: each page rendered
// (poppler), turned a little, blurred, JPEG-compressed, then wrapped again as an image-only PDF or
// a multi-page TIFF. The truth is the corpus's expected cells of the PDF they were made from.

#include "io/pagerenderer.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace scanmaker {

struct Degradation
{
    int dpi = 300;
    double skewDegrees = 0;
    int blurRadius = 0;   // box blur, pixels
    int jpegQuality = -1; // -1: no JPEG round trip
    int contrast = 255;   // grey levels between ink and paper (255: as printed)
};

inline QImage blur(const QImage &in, int radius)
{
    if (radius <= 0)
        return in;
    QImage src = in.convertToFormat(QImage::Format_Grayscale8);
    QImage tmp(src.size(), QImage::Format_Grayscale8), out(src.size(), QImage::Format_Grayscale8);
    const int w = src.width(), h = src.height(), n = 2 * radius + 1;
    for (int y = 0; y < h; ++y) {
        const uchar *s = src.constScanLine(y);
        uchar *d = tmp.scanLine(y);
        int acc = 0;
        for (int x = -radius; x <= radius; ++x)
            acc += s[std::clamp(x, 0, w - 1)];
        for (int x = 0; x < w; ++x) {
            d[x] = uchar(acc / n);
            acc += s[std::min(x + radius + 1, w - 1)] - s[std::max(x - radius, 0)];
        }
    }
    for (int x = 0; x < w; ++x) {
        int acc = 0;
        for (int y = -radius; y <= radius; ++y)
            acc += tmp.constScanLine(std::clamp(y, 0, h - 1))[x];
        for (int y = 0; y < h; ++y) {
            out.scanLine(y)[x] = uchar(acc / n);
            acc += tmp.constScanLine(std::min(y + radius + 1, h - 1))[x] -
                   tmp.constScanLine(std::max(y - radius, 0))[x];
        }
    }
    return out;
}

inline QImage degrade(const QImage &page, const Degradation &d)
{
    QImage g = page.convertToFormat(QImage::Format_Grayscale8);
    if (d.contrast < 255) {
        // Ink lightened towards the paper: a faint copy.
        for (int y = 0; y < g.height(); ++y) {
            uchar *s = g.scanLine(y);
            for (int x = 0; x < g.width(); ++x)
                s[x] = uchar(255 - (255 - s[x]) * d.contrast / 255);
        }
    }
    if (d.skewDegrees != 0) {
        QImage rgb = g.convertToFormat(QImage::Format_RGB32);
        QTransform t;
        t.rotate(d.skewDegrees);
        const QImage r = rgb.transformed(t, Qt::SmoothTransformation);
        QImage out(rgb.size(), QImage::Format_RGB32);
        out.fill(Qt::white);
        QPainter p(&out);
        p.drawImage((out.width() - r.width()) / 2, (out.height() - r.height()) / 2, r);
        p.end();
        g = out.convertToFormat(QImage::Format_Grayscale8);
    }
    g = blur(g, d.blurRadius);
    if (d.jpegQuality >= 0) {
        QByteArray jpeg;
        QBuffer buf(&jpeg);
        buf.open(QIODevice::WriteOnly);
        g.save(&buf, "JPG", d.jpegQuality);
        g = QImage::fromData(jpeg, "JPG").convertToFormat(QImage::Format_Grayscale8);
    }
    g.setDotsPerMeterX(int(std::lround(d.dpi / 0.0254)));
    g.setDotsPerMeterY(int(std::lround(d.dpi / 0.0254)));
    return g;
}

/// The pages of a PDF as scanned images; sizes (points) in sizes.
inline QList<QImage> scanPages(const QString &pdf, const Degradation &d, QList<QSizeF> *sizes = nullptr)
{
    nianbao::PageRenderer r;
    QList<QImage> out;
    if (!r.open(pdf))
        return out;
    for (int i = 0; i < r.pageCount(); ++i) {
        out.append(degrade(r.render(i, d.dpi / 72.0), d));
        if (sizes)
            sizes->append(r.pageSize(i));
    }
    return out;
}

/// An image-only PDF: each page one grey JPEG filling the page, no text layer.
inline QByteArray imagePdf(const QList<QImage> &pages, const QList<QSizeF> &sizes, int quality = 85)
{
    QByteArray pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    QList<qint64> offsets;
    auto object = [&](const QByteArray &body) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    const int n = int(pages.size());
    QByteArray kids;
    for (int i = 0; i < n; ++i)
        kids += QByteArray::number(3 + 3 * i) + " 0 R ";
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(n) + " >>");
    for (int i = 0; i < n; ++i) {
        const QImage g = pages[i].convertToFormat(QImage::Format_Grayscale8);
        QByteArray jpeg;
        QBuffer buf(&jpeg);
        buf.open(QIODevice::WriteOnly);
        g.save(&buf, "JPG", quality);
        const QByteArray w = QByteArray::number(sizes[i].width(), 'f', 2);
        const QByteArray h = QByteArray::number(sizes[i].height(), 'f', 2);
        const QByteArray content = "q " + w + " 0 0 " + h + " 0 0 cm /Im0 Do Q";
        object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + w + " " + h +
               "] /Resources << /XObject << /Im0 " + QByteArray::number(5 + 3 * i) + " 0 R >> >> /Contents " +
               QByteArray::number(4 + 3 * i) + " 0 R >>");
        object("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
               "\nendstream");
        object("<< /Type /XObject /Subtype /Image /Width " + QByteArray::number(g.width()) + " /Height " +
               QByteArray::number(g.height()) +
               " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length " +
               QByteArray::number(jpeg.size()) + " >>\nstream\n" + jpeg + "\nendstream");
    }
    const qint64 xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qint64 o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

/// imagePdf() written to path; false when it cannot be written.
inline bool writeImagePdf(const QString &path, const QList<QImage> &pages, const QList<QSizeF> &sizes)
{
    QFile f(path);
    return !pages.isEmpty() && f.open(QIODevice::WriteOnly) && f.write(imagePdf(pages, sizes)) > 0;
}

} // namespace scanmaker
