#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSizeF>
#include <QString>

#include <memory>

namespace nianbao {

/// The pages of a PDF as images (poppler), for the reviewer to see the page a value was read from.
/// Sizes are in PDF points; a page is rendered at a given number of pixels per point.
class PageRenderer
{
    Q_DECLARE_TR_FUNCTIONS(PageRenderer)
public:
    PageRenderer();
    ~PageRenderer();
    PageRenderer(const PageRenderer &) = delete;
    PageRenderer &operator=(const PageRenderer &) = delete;

    /// Opens the PDF at path; false (with the reason, one line) when it cannot be shown.
    bool open(const QString &path, QString *error = nullptr);
    bool openData(const QByteArray &bytes, QString *error = nullptr);
    void close();
    bool isOpen() const;
    int pageCount() const;
    /// Page index (0-based) in points, or an empty size.
    QSizeF pageSize(int index) const;
    /// The page at scale pixels per point (1.0 = 72 dpi), antialiased; a null image on failure.
    QImage render(int index, double scale) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace nianbao
