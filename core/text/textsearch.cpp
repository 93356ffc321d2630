#include "textsearch.h"

#include "charscan.h"

namespace nianbao {

qsizetype findText(QStringView text, QStringView needle, qsizetype from)
{
    if (needle.size() < 2 || from < 0)
        return text.indexOf(needle, from);
    const QChar first = needle.front();
    const QStringView rest = needle.mid(1);
    // The characters compared, at most four times the text's length before Qt's search takes over.
    qsizetype budget = 4 * text.size() + 64;
    for (qsizetype i = from; i + needle.size() <= text.size();) {
        const qsizetype at = charscan::indexOf(text, first.unicode(), i);
        if (at < 0 || at + needle.size() > text.size())
            return -1;
        if (text.mid(at + 1, rest.size()) == rest)
            return at;
        budget -= needle.size();
        if (budget < 0)
            return text.indexOf(needle, at + 1);
        i = at + 1;
    }
    return -1;
}

} // namespace nianbao
