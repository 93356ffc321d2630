#pragma once

#include "sourcedocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace nianbao {

/// Reads a Word file (DOCX): word/document.xml from the archive (libminizip, sizes bounded before
/// inflating) with QXmlStreamReader (a DTD or an entity is refused). Paragraphs become lines; each
/// table row one line with `|` between its cells, a w:gridSpan cell's text once followed by the
/// positions it covers, a w:vMerge continuation an empty cell.
class DocxReader
{
    Q_DECLARE_TR_FUNCTIONS(DocxReader)
public:
    static bool read(const QByteArray &bytes, SourceDocument *doc, QString *error);
    /// The readable text of a document.xml part.
    static bool documentText(const QByteArray &xml, QString *text, QString *error);
};

} // namespace nianbao
