// Web pages as the loader reads them: the declared charset or the decoder, the tolerant HTML
// tokenizer with its tables (rowspan, colspan, nesting), then the extractor, the rules and the JSON.
#include "fuzzcommon.h"

#include "io/loader.h"

using namespace Qt::Literals::StringLiterals;
using namespace nianbao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::quiet();
    const QByteArray bytes = fuzz::bytes(data, size);
    // PDF, ZIP and OLE inputs go to the other readers (their own targets).
    if (Loader::sniff(bytes.left(4096)) != Loader::Format::Text)
        return 0;
    SourceDocument doc;
    QString error;
    if (!Loader::loadBytes(bytes, u"fuzz.html"_s, &doc, &error) || doc.format != u"html"_s)
        return 0;
    fuzz::extractAndCheck(doc);
    return 0;
}
