#include "pagerenderer.h"

#include "limits.h"

#include <poppler-qt6.h>

#include <QFile>

namespace nianbao {

struct PageRenderer::Private
{
    std::unique_ptr<Poppler::Document> pdf;
};

PageRenderer::PageRenderer() : d(std::make_unique<Private>()) {}

PageRenderer::~PageRenderer() = default;

bool PageRenderer::open(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > Limits::MaxDocumentBytes) {
        close();
        if (error)
            *error = tr("The pages of %1 cannot be shown.").arg(path);
        return false;
    }
    return openData(f.readAll(), error);
}

bool PageRenderer::openData(const QByteArray &bytes, QString *error)
{
    d->pdf = Poppler::Document::loadFromData(bytes);
    if (!d->pdf || d->pdf->isLocked() || d->pdf->numPages() <= 0) {
        close();
        if (error)
            *error = tr("The pages of this file cannot be shown.");
        return false;
    }
    d->pdf->setRenderHint(Poppler::Document::Antialiasing);
    d->pdf->setRenderHint(Poppler::Document::TextAntialiasing);
    return true;
}

void PageRenderer::close()
{
    d->pdf.reset();
}

bool PageRenderer::isOpen() const
{
    return d->pdf != nullptr;
}

int PageRenderer::pageCount() const
{
    return d->pdf ? d->pdf->numPages() : 0;
}

QSizeF PageRenderer::pageSize(int index) const
{
    if (!d->pdf || index < 0 || index >= d->pdf->numPages())
        return {};
    const std::unique_ptr<Poppler::Page> page = d->pdf->page(index);
    return page ? page->pageSizeF() : QSizeF();
}

QImage PageRenderer::render(int index, double scale) const
{
    if (!d->pdf || index < 0 || index >= d->pdf->numPages() || !(scale > 0) || scale > 8)
        return {};
    const std::unique_ptr<Poppler::Page> page = d->pdf->page(index);
    if (!page)
        return {};
    const double dpi = 72.0 * scale;
    return page->renderToImage(dpi, dpi);
}

} // namespace nianbao
