#pragma once

#include "sourcedocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace nianbao {

/// Reads a PDF with poppler: the words of each page with their boxes are gathered into lines (by
/// vertical overlap) and cells (by horizontal gaps); tables are rebuilt from that geometry so that
/// each row is one line with `|` between its cells, wrapped labels joined to their row, group
/// labels written one character per line joined into one label, page numbers dropped.
class PdfReader
{
    Q_DECLARE_TR_FUNCTIONS(PdfReader)
public:
    struct Word
    {
        QString text;
        QRectF box;
    };

    static bool read(const QByteArray &bytes, SourceDocument *doc, QString *error);
    /// The readable text of one page from its words (exposed for tests of the layout). With the
    /// page's size, a bare number alone in the top or bottom margin is a page number and dropped.
    /// With boxes, each cell of the text is added with its box (start relative to the page's text;
    /// page left unset).
    static QString layoutPage(const QList<Word> &words, const QSizeF &pageSize = QSizeF(),
                              QList<SourceBox> *boxes = nullptr);
};

} // namespace nianbao
