// PDF files: poppler's words and their boxes, the layout into lines, cells and table rows (this
// project's code; poppler itself is not instrumented), then the extractor, the rules and the JSON.
#include "fuzzcommon.h"

#include "io/pdfreader.h"

using namespace Qt::Literals::StringLiterals;
using namespace nianbao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::quiet();
    SourceDocument doc;
    doc.path = u"fuzz.pdf"_s;
    doc.format = u"pdf"_s;
    QString error;
    if (!PdfReader::read(fuzz::bytes(data, size), &doc, &error))
        return 0;
    fuzz::extractAndCheck(doc);
    return 0;
}
