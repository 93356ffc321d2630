#pragma once

#include "sourcedocument.h"
#include "textdecoder.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace nianbao {

/// Reads a saved web page with a tolerant tokenizer (real pages are not XML): paragraphs and
/// breaks become lines, each table row one line with `|` between its cells (a rowspan/colspan
/// cell's text once, the positions it covers empty), tables nested in a layout table rendered on
/// their own, scripts and styles dropped. The page's declared charset wins over detection.
class HtmlReader
{
    Q_DECLARE_TR_FUNCTIONS(HtmlReader)
public:
    static bool read(const QByteArray &bytes, const DecodedText &decoded, SourceDocument *doc,
                     QString *error);
    /// The readable text of an HTML page.
    static QString toText(QStringView html);
    /// The charset a page declares in <meta charset> or http-equiv, lower case; empty when none.
    static QByteArray declaredCharset(const QByteArray &bytes);
};

} // namespace nianbao
