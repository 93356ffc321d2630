#pragma once

#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace nianbao {

/// Where a stretch of the text was read on a page (report-format §9): the characters
/// [start, start + length) of the text came from box on page (0-based), in PDF points (1/72 inch)
/// from the page's top left corner; read from the text layer ("text") or recognised ("ocr") with the
/// recogniser's confidence.
struct SourceBox
{
    qsizetype start = -1;
    qsizetype length = 0;
    int page = -1;
    QRectF box;
    QString method = QStringLiteral("text");
    double confidence = 1.0;
    QStringList candidates; // recognised: the readings of a number that disagree
};

/// What a reader makes of a file: the text shown to the reviewer (tables of HTML, DOCX and PDF
/// rendered as rows with `|` between cells) and what is known about how it was read.
struct SourceDocument
{
    QString path;
    QString text;
    QString format;         // text, html, docx, pdf, doc
    QString encoding;       // of a text or HTML file
    QString encodingNote;   // set when the encoding was a guess
    QList<SourceBox> boxes; // PDF: the text's cells on their pages, in the order of the text
    QList<QSizeF> pages;    // PDF: each page's size in points
};

} // namespace nianbao
