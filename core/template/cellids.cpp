#include "cellids.h"

#include "template.h"
#include "text/stringhash.h"

#include <QList>
#include <QSet>

namespace nianbao {

namespace {

/// The keys in template order (newest template first, each key once) and an open-addressed table
/// of their numbers, half full at most. Made once and never changed: a key that is not there is
/// answered after the probe reaches an empty place, which the fixed keys bound whatever is asked.
struct Ids
{
    QList<HashedString> keys;
    QList<int> table; // −1 = empty
    size_t mask = 0;

    explicit Ids(const QList<const Template *> &templates)
    {
        QSet<QString> seen;
        for (const Template *t : templates)
            for (const TableDef &td : t->tables())
                for (const QString &k : td.keyGrid)
                    if (!k.isEmpty() && !seen.contains(k)) {
                        seen.insert(k);
                        keys.append(k);
                    }
        size_t n = 16;
        while (n < size_t(keys.size()) * 2)
            n *= 2;
        mask = n - 1;
        table.fill(-1, qsizetype(n));
        for (int i = 0; i < keys.size(); ++i) {
            size_t h = stringHash(keys[i].toString(), 0) & mask;
            while (table[qsizetype(h)] >= 0)
                h = (h + 1) & mask;
            table[qsizetype(h)] = i;
        }
    }
};

const Ids *g_made = nullptr;

const Ids &ids()
{
    // Template::all() numbers the keys as it makes the templates (CellIds::number).
    static const Ids &made = (Template::all(), *g_made);
    return made;
}

int lookUp(const Ids &d, QStringView key)
{
    for (size_t h = stringHash(key, 0) & d.mask;; h = (h + 1) & d.mask) {
        const int id = d.table[qsizetype(h)];
        if (id < 0 || d.keys[id].toString() == key)
            return id;
    }
}

} // namespace

void CellIds::number(const QList<const Template *> &templates)
{
    Q_ASSERT(!g_made);
    static const Ids made(templates);
    g_made = &made;
}

int CellIds::find(QStringView key)
{
    return lookUp(*g_made, key);
}

int CellIds::of(QStringView key)
{
    return lookUp(ids(), key);
}

const QString &CellIds::key(int id)
{
    return ids().keys[id];
}

const HashedString &CellIds::cellKey(int id)
{
    return ids().keys[id];
}

int CellIds::count()
{
    return int(ids().keys.size());
}

} // namespace nianbao
