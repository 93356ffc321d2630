#include "tablelocator.h"

#include "compactindex.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

bool TableLocator::locate(const Template &tmpl, QList<TablePart> *parts) const
{
    const TableDef *t2 = tmpl.table(u"t2");
    const TableDef *t3 = tmpl.table(u"t3");
    const TableDef *t4 = tmpl.table(u"t4");
    const qsizetype end = m_size;

    qsizetype t2Start = t2 ? m_index.findAny(t2->startAnchors, 0) : -1;
    if (t2 && t2Start < 0)
        t2Start = m_index.findAny(t2->headingAnchors, 0);
    qsizetype t3Start = m_index.findAny(t3->startAnchors, qMax<qsizetype>(0, t2Start));
    if (t3Start < 0 && t2Start > 0)
        t3Start = m_index.findAny(t3->startAnchors, 0);
    if (t3Start < 0)
        return false;
    const qsizetype carried = m_index.find(u"结转下年度", t3Start);
    qsizetype t4Start = m_index.findAny(t4->startAnchors, carried >= 0 ? carried : t3Start);
    if (t4Start < 0)
        t4Start = end;
    static const QStringList t4Ends = {u"存在的主要问题"_s, u"主要问题"_s, u"改进情况"_s, u"其他需要报告"_s};
    qsizetype t4End = t4Start < end ? m_index.findAny(t4Ends, t4Start) : end;
    if (t4End < 0)
        t4End = end;

    parts->clear();
    if (t2 && t2Start >= 0 && t2Start < t3Start)
        parts->append({t2, t2Start, t3Start});
    parts->append({t3, t3Start, t4Start});
    if (t4Start < end)
        parts->append({t4, t4Start, t4End});
    return true;
}

} // namespace nianbao
