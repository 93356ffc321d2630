#pragma once

#include "sourcedocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace nianbao {

/// Reads a legacy Word file (DOC, OLE compound file) by converting it to DOCX with LibreOffice
/// (`soffice --headless --convert-to docx`) in a temporary folder with a time limit, then reading
/// the DOCX. Without LibreOffice the reviewer is told to save the report as DOCX.
class DocReader
{
    Q_DECLARE_TR_FUNCTIONS(DocReader)
public:
    static constexpr int TimeLimitMs = 60000;

    static bool read(const QByteArray &bytes, SourceDocument *doc, QString *error);
    /// The LibreOffice program found on PATH, or empty.
    static QString officeProgram();
    /// Has the LibreOffice at office its word processor (Writer), which alone loads a DOC? False
    /// when office is a LibreOffice whose program folder has no Writer library (libswlo, as when
    /// only Debian's libreoffice-calc is installed); true when that cannot be told.
    static bool hasWriter(const QString &office);
    /// Can a DOC be converted here: LibreOffice on PATH, with Writer?
    static bool canConvert();
};

} // namespace nianbao
