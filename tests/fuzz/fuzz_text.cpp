// Plain text reports: the decoder (BOMs, UTF-8, ICU's detector), the normaliser, the extractor,
// the rules and the JSON.
#include "fuzzcommon.h"

#include "io/textdecoder.h"

using namespace Qt::Literals::StringLiterals;
using namespace nianbao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::quiet();
    const QByteArray bytes = fuzz::bytes(data, size);
    DecodedText decoded;
    QString error;
    if (!TextDecoder::decode(bytes, &decoded, &error))
        return 0;
    SourceDocument doc;
    doc.path = u"fuzz.txt"_s;
    doc.format = u"text"_s;
    doc.encoding = decoded.encoding;
    doc.encodingNote = decoded.note;
    doc.text = decoded.text;
    fuzz::extractAndCheck(doc);
    return 0;
}
