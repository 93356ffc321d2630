#pragma once

#include "review/correction.h"

#include <QFont>
#include <QString>

class QPagedPaintDevice;

namespace nianbao {

/// A report as it is printed from the window: its heading (body, year, file, state, reviewer),
/// the three tables laid out like the official form (FormLayout: merged headings, group labels)
/// with failing cells marked and corrected ones framed, and its findings with the reviewer's word
/// on each. In the language in use (nianbao::Language).
class ReportPrint
{
public:
    /// The rich text the printer lays out (QTextDocument).
    static QString html(const ReviewedReport &report);
    /// Lays the report out on the device's pages (a QPrinter, a QPdfWriter) and paints them,
    /// each numbered.
    static void print(const ReviewedReport &report, QPagedPaintDevice *device);
    /// The font of what is printed and of the letter: a Song face of the Noto CJK fonts Debian
    /// ships, or Windows' own.
    static QFont font(qreal pointSize);
    /// The PDF Qt wrote, its text made searchable as it reads: Qt maps a glyph that a CJK font
    /// shares between an ideograph and a radical (工 and ⼯ U+2F2F, 见 and ⻅ U+2EC5) to the
    /// radical, the lower code; each such radical in the fonts' ToUnicode maps becomes its
    /// ideograph. The maps are plain text of fixed width, so no offset of the file changes.
    static QByteArray fixTextMaps(QByteArray pdf);
};

} // namespace nianbao
