#include "identities.h"

#include "template/cellids.h"

#include "text/stringhash.h"

#include <QHash>
#include <QMutex>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

static QStringList expandRows(const TableDef &t, const QStringList &names, QStringView variant)
{
    QStringList rows;
    for (const QString &n : names) {
        if (n == u"@result") {
            for (const RowDef &r : t.rows)
                if (r.isResult && t.rowActive(r, variant))
                    rows.append(r.key);
        } else {
            const int ri = t.rowIndex(n);
            if (ri >= 0 && t.rowActive(t.rows[ri], variant))
                rows.append(n);
        }
    }
    return rows;
}

static QList<IdentityInstance> expand(const Template &tmpl, QStringView variant)
{
    QList<IdentityInstance> out;
    for (const TableDef &t : tmpl.tables()) {
        for (const IdentityDef &id : t.identities) {
            if (id.per == IdentityDef::Per::Column) {
                const QStringList lhsRows = expandRows(t, id.lhs, variant);
                const QStringList rhsRows = expandRows(t, id.rhs, variant);
                for (const ColumnDef &c : t.columns) {
                    IdentityInstance inst;
                    inst.def = &id;
                    inst.table = &t;
                    inst.scope = c.key;
                    inst.scopeLabel = u"“"_s + c.label + u"”列"_s;
                    inst.scopeLabelEn = u"Column “"_s + c.labelEn + u"”"_s;
                    for (const QString &r : lhsRows)
                        inst.lhs.append(t.key + u'.' + r + u'.' + c.key);
                    for (const QString &r : rhsRows)
                        inst.rhs.append(t.key + u'.' + r + u'.' + c.key);
                    inst.both = inst.lhs + inst.rhs;
                    if (!inst.lhs.isEmpty() && !inst.rhs.isEmpty())
                        out.append(inst);
                }
            } else {
                for (const RowDef &r : t.rows) {
                    if (!t.rowActive(r, variant))
                        continue;
                    IdentityInstance inst;
                    inst.def = &id;
                    inst.table = &t;
                    inst.scope = r.key;
                    inst.scopeLabel = r.qualifier.isEmpty() ? r.label : r.qualifier + u'·' + r.label;
                    inst.scopeLabelEn = r.labelEn;
                    auto addCols = [&](const QStringList &cols, QStringList *dst) {
                        for (const QString &ck : cols) {
                            const int ci = t.columnIndex(ck);
                            if (ci >= 0 && r.columns.contains(ci))
                                dst->append(t.key + u'.' + r.key + u'.' + ck);
                        }
                    };
                    addCols(id.lhs, &inst.lhs);
                    addCols(id.rhs, &inst.rhs);
                    inst.both = inst.lhs + inst.rhs;
                    if (!inst.lhs.isEmpty() && !inst.rhs.isEmpty())
                        out.append(inst);
                }
            }
        }
    }
    const QStringList keys = tmpl.cellKeys(variant);
    QHash<QString, int> place;
    for (int i = 0; i < keys.size(); ++i)
        place.insert(keys[i], i);
    for (IdentityInstance &inst : out)
        for (const QString &k : std::as_const(inst.both)) {
            inst.places.append(place.value(k, -1));
            inst.ids.append(CellIds::of(k));
        }
    return out;
}

QList<IdentityInstance> expandIdentities(const Template &tmpl, QStringView variant)
{
    // The form's own templates never change: each variant is expanded once, and every report
    // shares the list. A template made elsewhere (a test's) is expanded each time.
    if (!Template::isBuiltIn(&tmpl))
        return expand(tmpl, variant);
    static QMutex mutex;
    static QHash<std::pair<const Template *, HashedString>, QList<IdentityInstance>> cache;
    const std::pair<const Template *, HashedString> key(&tmpl, variant.toString());
    const QMutexLocker lock(&mutex);
    auto it = cache.constFind(key);
    if (it == cache.constEnd())
        it = cache.insert(key, expand(tmpl, variant));
    return *it;
}

} // namespace nianbao
