#include "pageview.h"

#include "ocr/scanreader.h"
#include "palette.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

namespace {
constexpr int Margin = 8; // around and between pages, in pixels
constexpr double MinZoom = 0.5, MaxZoom = 4.0;
} // namespace

PageView::PageView(QWidget *parent) : QScrollArea(parent), m_canvas(new PageCanvas(this))
{
    setObjectName(u"pageView"_s);
    m_canvas->setObjectName(u"pageCanvas"_s);
    setWidget(m_canvas);
    setWidgetResizable(false);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundRole(QPalette::Dark);
    setFocusPolicy(Qt::StrongFocus);
}

bool PageView::setDocument(const QString &path, const QList<SourceBox> &boxes, const QString &text)
{
    clear();
    if (!m_renderer.open(path))
        return false;
    m_boxes = boxes;
    for (int i = 0; i < m_boxes.size(); ++i)
        if (marksDoubt(m_boxes[i], text))
            m_doubtful.append(i);
    for (int i = 0; i < m_renderer.pageCount(); ++i)
        m_sizes.append(m_renderer.pageSize(i));
    layoutPages();
    return true;
}

void PageView::clear()
{
    m_renderer.close();
    m_boxes.clear();
    m_doubtful.clear();
    m_sizes.clear();
    m_tops.clear();
    m_cache.clear();
    m_current = -1;
    m_others.clear();
    layoutPages();
}

void PageView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, MinZoom, MaxZoom);
    if (zoom == m_zoom)
        return;
    const double at = verticalScrollBar()->maximum() > 0
                          ? double(verticalScrollBar()->value()) / verticalScrollBar()->maximum()
                          : 0.0;
    m_zoom = zoom;
    layoutPages();
    verticalScrollBar()->setValue(int(at * verticalScrollBar()->maximum()));
}

void PageView::layoutPages()
{
    double widest = 0;
    for (const QSizeF &s : std::as_const(m_sizes))
        widest = std::max(widest, s.width());
    const int avail = std::max(100, viewport()->width() - 2 * Margin);
    const double scale = widest > 0 ? std::clamp(avail / widest * m_zoom, 0.2, 6.0) : 1.0;
    if (scale != m_scale)
        m_cache.clear();
    m_scale = scale;
    m_tops.clear();
    double y = Margin;
    for (const QSizeF &s : std::as_const(m_sizes)) {
        m_tops.append(y);
        y += s.height() * m_scale + Margin;
    }
    m_canvas->resize(int(widest * m_scale) + 2 * Margin, m_sizes.isEmpty() ? 0 : int(y));
    m_canvas->update();
}

QRectF PageView::pageRect(int page) const
{
    if (page < 0 || page >= m_sizes.size())
        return {};
    const QSizeF s = m_sizes[page] * m_scale;
    return QRectF(QPointF((m_canvas->width() - s.width()) / 2, m_tops[page]), s);
}

QRectF PageView::boxRect(const SourceBox &box) const
{
    const QRectF page = pageRect(box.page);
    if (page.isNull())
        return {};
    const QRectF r(page.topLeft() + box.box.topLeft() * m_scale, box.box.size() * m_scale);
    return r.adjusted(-2, -1, 2, 1);
}

QPoint PageView::canvasPoint(const SourceBox &box) const
{
    return boxRect(box).center().toPoint();
}

bool PageView::marksDoubt(const SourceBox &box, const QString &text)
{
    if (box.method != "ocr"_L1 || box.confidence >= ScanReader::MarkedConfidence)
        return false;
    if (!box.candidates.isEmpty())
        return true;
    const QStringView span = QStringView(text).mid(box.start, box.length);
    return std::any_of(span.begin(), span.end(), [](QChar c) { return c.isDigit(); });
}

QImage PageView::pageImage(int page) const
{
    auto it = m_cache.constFind(page);
    if (it != m_cache.constEnd())
        return it.value();
    // Keep the pages near the one drawn; a long report is not held in memory at once.
    if (m_cache.size() > 6)
        m_cache.clear();
    const QImage img = m_renderer.render(page, m_scale * devicePixelRatioF());
    m_cache.insert(page, img);
    return img;
}

int PageView::boxIndexAt(qsizetype pos) const
{
    if (pos < 0)
        return -1;
    auto it = std::upper_bound(m_boxes.cbegin(), m_boxes.cend(), pos,
                               [](qsizetype p, const SourceBox &b) { return p < b.start; });
    if (it == m_boxes.cbegin())
        return -1;
    --it;
    return pos < it->start + std::max<qsizetype>(it->length, 1) ? int(it - m_boxes.cbegin()) : -1;
}

const SourceBox *PageView::currentBox() const
{
    return m_current >= 0 ? &m_boxes[m_current] : nullptr;
}

void PageView::showSpans(qsizetype start, const QList<qsizetype> &others)
{
    m_current = boxIndexAt(start);
    m_others.clear();
    for (qsizetype o : others) {
        const int i = boxIndexAt(o);
        if (i >= 0 && i != m_current)
            m_others.append(i);
    }
    if (m_current >= 0) {
        const QRect r = boxRect(m_boxes[m_current]).toAlignedRect();
        ensureVisible(r.center().x(), r.center().y(), std::max(50, viewport()->width() / 3),
                      std::max(50, viewport()->height() / 3));
    }
    m_canvas->update();
}

void PageView::paintCanvas(QPainter &p, const QRect &exposed) const
{
    for (int i = 0; i < m_sizes.size(); ++i) {
        const QRectF page = pageRect(i);
        if (!page.intersects(exposed))
            continue;
        p.fillRect(page.translated(2, 2), QColor(0, 0, 0, 60));
        const QImage img = pageImage(i);
        if (img.isNull())
            p.fillRect(page, Qt::white);
        else
            p.drawImage(page, img);
    }
    p.setRenderHint(QPainter::Antialiasing);
    // Values the recogniser doubts, then the other cells involved, then the selected one.
    for (int i : m_doubtful) {
        const QRectF r = boxRect(m_boxes[i]);
        if (r.intersects(exposed)) {
            p.setPen(QPen(Palette::uncertainMark(), 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r);
        }
    }
    QColor shade = Palette::sourceSpan();
    shade.setAlpha(110);
    for (int i : m_others) {
        p.setPen(Qt::NoPen);
        p.setBrush(shade);
        p.drawRect(boxRect(m_boxes[i]));
    }
    if (m_current >= 0) {
        const QRectF r = boxRect(m_boxes[m_current]).adjusted(-1, -1, 1, 1);
        QColor fill = Palette::correctedMark();
        fill.setAlpha(40);
        p.setBrush(fill);
        p.setPen(QPen(Palette::correctedMark(), 2));
        p.drawRect(r);
    }
}

void PageView::clickCanvas(const QPoint &at)
{
    // The smallest box under the click: a value rather than the line it sits on.
    int best = -1;
    double bestArea = 0;
    for (int i = 0; i < m_boxes.size(); ++i) {
        const QRectF r = boxRect(m_boxes[i]);
        if (!r.contains(at))
            continue;
        const double area = r.width() * r.height();
        if (best < 0 || area < bestArea) {
            best = i;
            bestArea = area;
        }
    }
    if (best >= 0)
        Q_EMIT boxClicked(m_boxes[best].start);
}

void PageView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    layoutPages();
}

void PageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom * (event->angleDelta().y() > 0 ? 1.25 : 0.8));
        event->accept();
        return;
    }
    QScrollArea::wheelEvent(event);
}

void PageView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) {
            setZoom(m_zoom * 1.25);
            return;
        }
        if (event->key() == Qt::Key_Minus) {
            setZoom(m_zoom * 0.8);
            return;
        }
        if (event->key() == Qt::Key_0) {
            setZoom(1.0);
            return;
        }
    }
    QScrollArea::keyPressEvent(event);
}

PageCanvas::PageCanvas(PageView *view) : QWidget(view), m_view(view)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setCursor(Qt::PointingHandCursor);
}

void PageCanvas::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    m_view->paintCanvas(p, event->rect());
}

void PageCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_view->clickCanvas(event->position().toPoint());
    QWidget::mousePressEvent(event);
}

} // namespace nianbao::ui
