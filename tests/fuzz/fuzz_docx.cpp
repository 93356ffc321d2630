// Word files: an input that starts as a ZIP archive is read whole (minizip with its size limits,
// the main part found, its XML read); any other input is taken as the document.xml part itself,
// so that mutations reach the XML reader without breaking the archive's checksums. Then the
// extractor, the rules and the JSON.
#include "fuzzcommon.h"

#include "io/docxreader.h"

using namespace Qt::Literals::StringLiterals;
using namespace nianbao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::quiet();
    const QByteArray bytes = fuzz::bytes(data, size);
    SourceDocument doc;
    doc.path = u"fuzz.docx"_s;
    doc.format = u"docx"_s;
    QString error;
    const bool read = bytes.startsWith("PK") ? DocxReader::read(bytes, &doc, &error)
                                             : DocxReader::documentText(bytes, &doc.text, &error);
    if (!read)
        return 0;
    fuzz::extractAndCheck(doc);
    return 0;
}
