#include "tablelocator.h"

#include "compactindex.h"

namespace nianbao {

bool TableLocator::locate(const Template &tmpl, QList<TablePart> *parts) const
{
    const QList<TableDef> &tables = tmpl.tables();
    QList<qsizetype> starts(tables.size(), -1);
    qsizetype from = 0; // the start of the last table found
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const TableDef &t = tables[i];
        qsizetype at = from;
        if (!t.afterAnchors.isEmpty()) {
            const qsizetype after = m_index.findAny(t.afterAnchors, from);
            if (after >= 0)
                at = after;
        }
        qsizetype start = m_index.findAny(t.startAnchors, at);
        if (start < 0 && !t.headingAnchors.isEmpty())
            start = m_index.findAny(t.headingAnchors, at);
        if (start < 0 && t.minRows > 0 && at > 0)
            start = m_index.findAny(t.startAnchors, 0); // before the table that should precede it
        if (start < 0 && t.minRows > 0)
            return false;
        starts[i] = start;
        if (start >= 0)
            from = start;
    }

    parts->clear();
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const TableDef &t = tables[i];
        const qsizetype start = starts[i];
        if (start < 0)
            continue;
        qsizetype end = -1;
        if (!t.endAnchors.isEmpty()) {
            end = m_index.findAny(t.endAnchors, start);
        } else {
            for (qsizetype j = i + 1; j < tables.size() && end < 0; ++j)
                end = starts[j];
        }
        if (end < 0)
            end = m_size;
        if (start <= end) // a table found after the next one is not read
            parts->append({&t, start, end});
    }
    return true;
}

} // namespace nianbao
