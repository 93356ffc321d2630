#pragma once

#include <QStringView>

namespace nianbao {

/// Where needle first occurs in text at or after from, as QStringView::indexOf says (−1 if
/// nowhere). Each place the needle's first character is at, found by Qt's vectorised search of one
/// character, is compared; QStringView::indexOf builds a table of skips for each search, which
/// costs more than the search itself for the short labels and headings of a report. When the
/// first character comes too often for that to pay, the rest is left to QStringView::indexOf, so
/// the work stays linear in the text.
qsizetype findText(QStringView text, QStringView needle, qsizetype from = 0);

} // namespace nianbao
