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
    QList<QString> keys;
    QList<int> table; // −1 = empty
    size_t mask = 0;

    Ids()
    {
        QSet<QString> seen;
        for (const Template *t : Template::all())
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
            size_t h = stringHash(keys[i], 0) & mask;
            while (table[qsizetype(h)] >= 0)
                h = (h + 1) & mask;
            table[qsizetype(h)] = i;
        }
    }
};

const Ids &ids()
{
    static const Ids made;
    return made;
}

} // namespace

int CellIds::of(QStringView key)
{
    const Ids &d = ids();
    for (size_t h = stringHash(key, 0) & d.mask;; h = (h + 1) & d.mask) {
        const int id = d.table[qsizetype(h)];
        if (id < 0 || d.keys[id] == key)
            return id;
    }
}

const QString &CellIds::key(int id)
{
    return ids().keys[id];
}

int CellIds::count()
{
    return int(ids().keys.size());
}

} // namespace nianbao
