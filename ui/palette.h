#pragma once

#include <QColor>

namespace nianbao::ui {

/// The few colours the review window speaks with: severity, corrected, form labels.
namespace Palette {
inline QColor errorBackground()
{
    return QColor(0xfb, 0xd5, 0xd5);
}
inline QColor errorText()
{
    return QColor(0xa3, 0x12, 0x12);
}
inline QColor warningBackground()
{
    return QColor(0xff, 0xf1, 0xc7);
}
inline QColor warningText()
{
    return QColor(0x8a, 0x5a, 0x00);
}
inline QColor correctedBackground()
{
    return QColor(0xe2, 0xee, 0xff);
}
inline QColor correctedText()
{
    return QColor(0x0b, 0x4f, 0xc4);
}
inline QColor correctedMark()
{
    return QColor(0x1a, 0x66, 0xe8);
}
inline QColor uncertainMark()
{
    return QColor(0xe0, 0x7b, 0x00);
}
inline QColor headerBackground()
{
    return QColor(0xe9, 0xed, 0xf2);
}
inline QColor labelBackground()
{
    return QColor(0xf6, 0xf7, 0xf9);
}
inline QColor labelText()
{
    return QColor(0x24, 0x29, 0x33);
}
inline QColor sourceSpan()
{
    return QColor(0xff, 0xe9, 0x8a);
}
inline QColor sourceSpanOther()
{
    return QColor(0xff, 0xf6, 0xcc);
}
inline QColor clean()
{
    return QColor(0x2e, 0x9e, 0x4f);
}
inline QColor reviewed()
{
    return QColor(0x1a, 0x66, 0xe8);
}
inline QColor unreadable()
{
    return QColor(0x80, 0x80, 0x80);
}
} // namespace Palette

} // namespace nianbao::ui
