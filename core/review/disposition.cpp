#include "disposition.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

Disposition::Kind Disposition::kindFromName(QStringView name, bool *ok)
{
    if (ok)
        *ok = name == u"confirmed" || name == u"dismissed";
    return name == u"dismissed" ? Kind::Dismissed : Kind::Confirmed;
}

QString findingKey(const Finding &f)
{
    QString key = f.rule + u'|' + f.scope + u'|' + f.cells.join(u',');
    if (f.cells.isEmpty() && f.evidence.isValid())
        key += u'@' + QString::number(f.evidence.start);
    return key;
}

const Disposition *dispositionOf(const QList<Disposition> &dispositions, const Finding &f)
{
    const QString key = findingKey(f);
    for (const Disposition &d : dispositions)
        if (d.finding == key)
            return &d;
    return nullptr;
}

} // namespace nianbao
