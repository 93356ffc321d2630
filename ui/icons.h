#pragma once

#include <QColor>
#include <QIcon>

namespace nianbao::ui {

/// Small state icons drawn at run time, sharp at any device pixel ratio.
namespace Icons {
QIcon dot(const QColor &colour);
QIcon check(const QColor &colour);
QIcon cross(const QColor &colour);
QIcon app();
} // namespace Icons

} // namespace nianbao::ui
