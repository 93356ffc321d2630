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
    /// The readable text of an HTML page; empty, with the reason in error, when the page goes
    /// beyond a limit of Limits (tables nested too deep, a table or the text too large).
    static QString toText(QStringView html, QString *error = nullptr);
    /// The charset a page declares in <meta charset> or http-equiv, lower case; empty when none.
    static QByteArray declaredCharset(const QByteArray &bytes);
    /// The declared charset when it should win over detection: a Chinese multi-byte charset
    /// (GB2312/GBK as GB18030, Big5 as Big5-HKSCS) on a page that is not valid UTF-8 and has no
    /// BOM; empty otherwise (Latin charsets are often declared by mistake).
    static QByteArray trustedCharset(const QByteArray &bytes);
};

} // namespace nianbao
