#pragma once

#include "sourcedocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace nianbao {

/// Reads a report file of any supported kind into a SourceDocument. The format is sniffed from the
/// content, never from the file name.
class Loader
{
    Q_DECLARE_TR_FUNCTIONS(Loader)
public:
    enum class Format { Text, Html, Zip, Pdf, OleDoc, Rtf, Image, Unknown };

    /// bytesRead, when given, receives the file's bytes as read (for a hash of them, without a
    /// second read).
    static bool load(const QString &path, SourceDocument *doc, QString *error,
                     QByteArray *bytesRead = nullptr);
    static bool loadBytes(const QByteArray &bytes, const QString &path, SourceDocument *doc, QString *error);
    static Format sniff(const QByteArray &head);
    /// Does the decoded text look like an HTML page?
    static bool looksLikeHtml(QStringView text);
};

} // namespace nianbao
