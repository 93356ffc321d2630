#pragma once

#include "io/pagerenderer.h"
#include "io/sourcedocument.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QScrollArea>

namespace nianbao::ui {

class PageCanvas;

/// The pages of a PDF as printed, one below the other and as wide as the pane (Ctrl+wheel or
/// Ctrl++ / Ctrl+- zoom), with the selected cell's box framed and the boxes of the other cells
/// involved shaded; a recognised value the reader doubts is marked. A click on a box says which
/// stretch of the text it holds.
class PageView : public QScrollArea
{
    Q_OBJECT
public:
    explicit PageView(QWidget *parent = nullptr);

    /// Shows the pages of the PDF at path with the boxes its text (the report's text, which the
    /// boxes' spans are of) was read from; false when the file cannot be rendered (the view is
    /// then empty).
    bool setDocument(const QString &path, const QList<SourceBox> &boxes, const QString &text);
    void clear();
    bool hasDocument() const { return m_renderer.isOpen(); }
    int pageCount() const { return m_renderer.pageCount(); }

    /// Frames the box holding text position start (none when start < 0) and scrolls to it; shades
    /// the boxes of others.
    void showSpans(qsizetype start, const QList<qsizetype> &others = {});
    /// The framed box, or null.
    const SourceBox *currentBox() const;
    /// Where the middle of a box is on the canvas (the widget that draws the pages), in its pixels.
    QPoint canvasPoint(const SourceBox &box) const;
    /// The box on the canvas, in its pixels.
    QRect canvasRect(const SourceBox &box) const { return boxRect(box).toAlignedRect(); }
    /// A value (a box whose text holds a digit) the recogniser read with too little confidence:
    /// marked on the page. Words of the prose it doubts are not: they hold no value to check.
    static bool marksDoubt(const SourceBox &box, const QString &text);
    PageCanvas *canvas() const { return m_canvas; }
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);

Q_SIGNALS:
    /// The reader clicked the box that holds the text from position start.
    void boxClicked(qsizetype start);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    friend class PageCanvas;
    void layoutPages();
    int boxIndexAt(qsizetype pos) const;
    /// The scale in pixels per point.
    double scale() const { return m_scale; }
    QRectF pageRect(int page) const; // on the canvas
    QRectF boxRect(const SourceBox &box) const;
    QImage pageImage(int page) const;
    void paintCanvas(QPainter &p, const QRect &exposed) const;
    void clickCanvas(const QPoint &at);

    PageCanvas *m_canvas;
    PageRenderer m_renderer;
    QList<SourceBox> m_boxes;
    QList<int> m_doubtful; // the boxes marked
    QList<QSizeF> m_sizes;
    QList<double> m_tops; // each page's top on the canvas
    double m_scale = 1.0;
    double m_zoom = 1.0;
    int m_current = -1;
    QList<int> m_others;
    mutable QHash<int, QImage> m_cache; // page → image at m_scale
};

/// The widget inside the scroll area that draws the pages.
class PageCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit PageCanvas(PageView *view);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    PageView *m_view;
};

} // namespace nianbao::ui
