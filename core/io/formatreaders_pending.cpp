#include "formatreaders.h"

#include <QCoreApplication>

namespace nianbao {

// Until the readers of published formats land, these formats are refused plainly.

bool readDocx(const QByteArray &, SourceDocument *, QString *error)
{
    if (error)
        *error = QCoreApplication::translate("Loader", "Word files (DOCX) cannot be read yet.");
    return false;
}

bool readDoc(const QByteArray &, const QString &, SourceDocument *, QString *error)
{
    if (error)
        *error = QCoreApplication::translate(
            "Loader", "Legacy Word files (DOC) cannot be read yet; save the report as DOCX.");
    return false;
}

} // namespace nianbao
