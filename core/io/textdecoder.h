#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace nianbao {

struct DecodedText
{
    QString text;
    QString encoding;
    QString note; // the encoding was a low-confidence guess
};

/// Decodes report text: BOM first (UTF-8, UTF-16, UTF-32), then UTF-8 validity, then ICU's
/// charset detector for GB18030/GBK and Big5; low confidence falls back to GB18030 and says so.
/// A binary or empty input is refused with a clear reason.
class TextDecoder
{
    Q_DECLARE_TR_FUNCTIONS(TextDecoder)
public:
    static bool decode(const QByteArray &bytes, DecodedText *out, QString *error);
    /// Decode with a named ICU converter; false when the name is unknown.
    static bool decodeAs(const QByteArray &bytes, const char *encoding, QString *out);
    static bool isValidUtf8(const QByteArray &bytes);
    /// Well-formed UTF-8 (the Unicode standard's table 3-7), decoded as QStringDecoder decodes it,
    /// an initial byte-order mark skipped; false, with out untouched, at any other byte sequence.
    static bool decodeUtf8(const QByteArray &bytes, QString *out);
    static bool looksBinary(const QByteArray &bytes);
};

} // namespace nianbao
