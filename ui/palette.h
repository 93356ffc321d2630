#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace nianbao::ui {

/// The few colours the review window speaks with: severity, corrected, form labels. Each has a
/// light and a dark form, taken from the application's palette (a dark Fusion palette, a dark
/// desktop theme), so that text keeps its contrast on its background.
namespace Palette {
/// The palette in use is dark: its base (the background of lists and tables) is darker than its text.
inline bool isDark()
{
    const QPalette p = QGuiApplication::palette();
    return p.color(QPalette::Base).lightness() < p.color(QPalette::Text).lightness();
}
inline QColor pick(QColor light, QColor dark)
{
    return isDark() ? dark : light;
}
inline QColor errorBackground()
{
    return pick(QColor(0xfb, 0xd5, 0xd5), QColor(0x5c, 0x1f, 0x24));
}
inline QColor errorText()
{
    return pick(QColor(0xa3, 0x12, 0x12), QColor(0xff, 0x8f, 0x8f));
}
inline QColor warningBackground()
{
    return pick(QColor(0xff, 0xf1, 0xc7), QColor(0x4d, 0x3c, 0x0c));
}
inline QColor warningText()
{
    return pick(QColor(0x8a, 0x5a, 0x00), QColor(0xff, 0xcf, 0x66));
}
/// The dot of a report or table with warnings.
inline QColor warningMark()
{
    return pick(QColor(0xe0, 0x9b, 0x00), QColor(0xf0, 0xb4, 0x29));
}
inline QColor correctedBackground()
{
    return pick(QColor(0xe2, 0xee, 0xff), QColor(0x1c, 0x33, 0x57));
}
inline QColor correctedText()
{
    return pick(QColor(0x0b, 0x4f, 0xc4), QColor(0x8c, 0xb8, 0xff));
}
inline QColor correctedMark()
{
    return pick(QColor(0x1a, 0x66, 0xe8), QColor(0x5c, 0x9a, 0xff));
}
inline QColor uncertainMark()
{
    return pick(QColor(0xe0, 0x7b, 0x00), QColor(0xff, 0x9f, 0x2e));
}
inline QColor headerBackground()
{
    return pick(QColor(0xe9, 0xed, 0xf2), QColor(0x33, 0x38, 0x40));
}
inline QColor labelBackground()
{
    return pick(QColor(0xf6, 0xf7, 0xf9), QColor(0x2a, 0x2d, 0x33));
}
inline QColor labelText()
{
    return pick(QColor(0x24, 0x29, 0x33), QColor(0xdd, 0xe1, 0xe8));
}
/// The lines between the form's cells.
inline QColor grid()
{
    return pick(QColor(0xc5, 0xcc, 0xd6), QColor(0x4a, 0x50, 0x5a));
}
/// Secondary text beside a title (the report's facts, the findings' counts).
inline QColor quietText()
{
    return pick(QColor(0x66, 0x66, 0x77), QColor(0xa8, 0xad, 0xb8));
}
inline QColor sourceSpan()
{
    return pick(QColor(0xff, 0xe9, 0x8a), QColor(0x6b, 0x57, 0x00));
}
inline QColor sourceSpanOther()
{
    return pick(QColor(0xff, 0xf6, 0xcc), QColor(0x47, 0x3c, 0x10));
}
inline QColor clean()
{
    return pick(QColor(0x2e, 0x9e, 0x4f), QColor(0x4c, 0xc2, 0x6e));
}
inline QColor reviewed()
{
    return pick(QColor(0x1a, 0x66, 0xe8), QColor(0x5c, 0x9a, 0xff));
}
inline QColor unreadable()
{
    return pick(QColor(0x80, 0x80, 0x80), QColor(0x9a, 0x9a, 0x9a));
}
} // namespace Palette

} // namespace nianbao::ui
