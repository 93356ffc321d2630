#pragma once

#include "sourcedocument.h"
#include "textdecoder.h"

#include <QByteArray>
#include <QString>

namespace nianbao {

// Readers of published formats. Each fills doc->text with the page's readable text, tables as
// rows with `|` between cells, so that the one extractor reads every format.
/// One table row as the reviewer's text shows it: the cells between " | " and a line break, or
/// nothing at all when every cell is empty.
QString tableRowLine(const QStringList &cells);

bool readHtml(const QByteArray &bytes, const DecodedText &decoded, SourceDocument *doc, QString *error);
bool readDocx(const QByteArray &bytes, SourceDocument *doc, QString *error);
bool readPdf(const QByteArray &bytes, SourceDocument *doc, QString *error);
bool readDoc(const QByteArray &bytes, const QString &path, SourceDocument *doc, QString *error);

} // namespace nianbao
