#pragma once

#include <QString>

namespace nianbao {

/// What a reader makes of a file: the text shown to the reviewer (tables of HTML, DOCX and PDF
/// rendered as rows with `|` between cells) and what is known about how it was read.
struct SourceDocument
{
    QString path;
    QString text;
    QString format;       // text, html, docx, pdf, doc
    QString encoding;     // of a text or HTML file
    QString encodingNote; // set when the encoding was a guess
};

} // namespace nianbao
