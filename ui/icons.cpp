#include "icons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace nianbao::ui::Icons {

namespace {

QIcon draw(const QColor &colour, int kind)
{
    static QHash<quint64, QIcon> cache;
    const quint64 id = (quint64(colour.rgba()) << 4) | quint64(kind);
    auto it = cache.constFind(id);
    if (it != cache.constEnd())
        return it.value();
    QIcon icon;
    for (int size : {16, 32, 48}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal s = size;
        if (kind == 0) {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(QRectF(s * 0.22, s * 0.22, s * 0.56, s * 0.56));
        } else if (kind == 1) {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8));
            QPen pen(Qt::white, s * 0.11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            p.setPen(pen);
            QPainterPath path;
            path.moveTo(s * 0.3, s * 0.52);
            path.lineTo(s * 0.45, s * 0.66);
            path.lineTo(s * 0.71, s * 0.37);
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        } else if (kind == 2) {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8));
            QPen pen(Qt::white, s * 0.11, Qt::SolidLine, Qt::RoundCap);
            p.setPen(pen);
            p.drawLine(QPointF(s * 0.35, s * 0.35), QPointF(s * 0.65, s * 0.65));
            p.drawLine(QPointF(s * 0.65, s * 0.35), QPointF(s * 0.35, s * 0.65));
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xc6, 0x28, 0x28));
            p.drawRoundedRect(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88), s * 0.18, s * 0.18);
            p.setPen(QPen(Qt::white, s * 0.09, Qt::SolidLine, Qt::RoundCap));
            for (int i = 0; i < 3; ++i)
                p.drawLine(QPointF(s * 0.26, s * (0.32 + i * 0.18)),
                           QPointF(s * 0.74, s * (0.32 + i * 0.18)));
        }
        p.end();
        icon.addPixmap(pm);
    }
    cache.insert(id, icon);
    return icon;
}

} // namespace

QIcon dot(const QColor &colour)
{
    return draw(colour, 0);
}

QIcon check(const QColor &colour)
{
    return draw(colour, 1);
}

QIcon cross(const QColor &colour)
{
    return draw(colour, 2);
}

QIcon app()
{
    return draw(Qt::red, 3);
}

} // namespace nianbao::ui::Icons
