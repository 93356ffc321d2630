#include "formatreaders.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QString tableRowLine(const QStringList &cells)
{
    for (const QString &c : cells)
        if (!c.isEmpty())
            return cells.join(u" | "_s) + u'\n';
    return {};
}

} // namespace nianbao
