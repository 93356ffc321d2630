#include "formatreaders.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QString tableRowLine(const QStringList &cells)
{
    for (const QString &c : cells)
        if (!c.isEmpty()) {
            // An empty first or last cell is written with a pipe beyond it, so that the line is
            // not read as a Markdown row ("| a | b |") whose outer pipes only close the row: a
            // blank 总计 column stays a blank cell of the row.
            QString line = cells.join(u" | "_s);
            if (cells.first().isEmpty())
                line.prepend(u"| "_s);
            if (cells.last().isEmpty())
                line.append(u" |"_s);
            return line + u'\n';
        }
    return {};
}

} // namespace nianbao
