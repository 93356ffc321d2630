#pragma once

// Draws a report in the official form as a PDF (QPdfWriter), from the template and a set of cell
// values: the label columns narrow, so long labels wrap over two or three lines, as PDFs exported
// from Word print them. Where a row's values sit against its wrapped label is the layout tested.
#include "template/template.h"

#include <QFont>
#include <QHash>
#include <QJsonObject>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace formpdf {

enum class ValueAlign { Centre, FirstLine, LastLine };

struct Drawing
{
    QPainter *p = nullptr;
    double y = 0;
    const double left = 36, pageBottom = 800;
    ValueAlign align = ValueAlign::Centre;
    QPdfWriter *writer = nullptr;

    void ensure(double h)
    {
        if (y + h > pageBottom) {
            writer->newPage();
            y = 40;
        }
    }
    /// Text in a box, wrapped; returns the height it needs.
    double needs(const QString &text, double width) const
    {
        return p->boundingRect(QRectF(0, 0, width - 4, 1000), Qt::TextWordWrap | Qt::AlignLeft, text)
                   .height() +
               4;
    }
    void box(const QRectF &r, const QString &text, int flags)
    {
        p->drawRect(r);
        p->drawText(r.adjusted(2, 2, -2, -2), flags | Qt::TextWordWrap, text);
    }
    void line(const QString &text)
    {
        ensure(16);
        p->drawText(QRectF(left, y, 520, 14), Qt::AlignLeft | Qt::AlignVCenter, text);
        y += 18;
    }
    /// A label spanning rows, written one character a line from the current row down.
    void vertical(double x, const QString &text)
    {
        for (int i = 0; i < text.size(); ++i)
            p->drawText(QRectF(left + x, y + 2 + i * 10, 36, 10), Qt::AlignHCenter | Qt::AlignTop,
                        text.mid(i, 1));
    }
    /// A row: label boxes (x, width, text) and value boxes of width w after x0.
    void row(const QList<std::tuple<double, double, QString>> &labels, double x0, double w,
             const QStringList &values, double minHeight = 16)
    {
        double h = minHeight;
        for (const auto &[x, lw, t] : labels)
            h = std::max(h, needs(t, lw));
        ensure(h);
        for (const auto &[x, lw, t] : labels)
            box(QRectF(left + x, y, lw, h), t, Qt::AlignLeft | Qt::AlignVCenter);
        const int v = align == ValueAlign::Centre      ? Qt::AlignVCenter
                      : align == ValueAlign::FirstLine ? Qt::AlignTop
                                                       : Qt::AlignBottom;
        for (int i = 0; i < values.size(); ++i)
            box(QRectF(left + x0 + i * w, y, w, h), values[i], Qt::AlignHCenter | v);
        y += h;
    }
};

inline QString valueText(const QJsonObject &cells, const QString &key)
{
    const QJsonValue v = cells.value(key);
    return v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : QString();
}

/// Writes the report of cells (the 2021 template) to path.
/// extra: values drawn after a row's own (by "table.row" key), as a page with a column the form lacks.
inline bool write(const QString &path, const nianbao::Template &t, const QJsonObject &cells, ValueAlign align,
                  const QHash<QString, QStringList> &extra = {})
{
    using namespace Qt::Literals::StringLiterals;
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter p;
    if (!p.begin(&writer))
        return false;
    QFont f(u"Noto Sans CJK SC"_s);
    f.setPointSizeF(8);
    p.setFont(f);
    Drawing d;
    d.p = &p;
    d.writer = &writer;
    d.y = 40;
    d.align = align;

    d.line(u"某某市教育局2023年政府信息公开工作年度报告"_s);
    d.line(u"一、总体情况"_s);
    d.line(u"本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"_s);
    // the label column is too narrow for the long labels: they wrap
    d.line(u"二、主动公开政府信息情况"_s);
    for (const nianbao::TableDef &table : t.tables()) {
        if (table.key == u"t3"_s) {
            d.line(u"三、收到和处理政府信息公开申请情况"_s);
            d.row({{0, 180, u"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"_s}}, 180,
                  48,
                  {u"自然人"_s, u"商业企业"_s, u"科研机构"_s, u"社会公益组织"_s, u"法律服务机构"_s, u"其他"_s,
                   u"总计"_s});
        } else if (table.key == u"t4"_s) {
            d.line(u"四、政府信息公开行政复议、行政诉讼情况"_s);
        }
        if (table.layout == nianbao::TableLayout::SingleRow) {
            // 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉), five columns each
            d.row({}, 0, 34, {u"行政复议"_s, u"行政诉讼"_s});
            QStringList heads, values;
            for (const nianbao::RowDef &r : table.rows)
                for (int ci : r.columns.isEmpty() ? QList<int>{0, 1, 2, 3, 4} : r.columns) {
                    heads.append(table.columns[ci].label);
                    values.append(valueText(cells, nianbao::Template::cellKey(table, r, table.columns[ci])));
                }
            d.row({}, 0, 34, heads, 30);
            d.row({}, 0, 34, values);
            continue;
        }
        QString section, group, subgroup;
        for (const nianbao::RowDef &r : table.rows) {
            if (!r.variant.isEmpty() && r.variant != table.variants.first())
                continue;
            if (!r.section.isEmpty() && r.section != section) {
                section = r.section;
                d.row({{0, 180, section}}, 180, 60, {});
                QStringList heads;
                for (int ci : r.columns)
                    heads.append(table.columns[ci].label);
                d.row({{0, 180, u"信息内容"_s}}, 180, 60, heads);
            }
            QStringList values;
            const QList<int> cols = r.columns.isEmpty() ? QList<int>{0, 1, 2, 3, 4, 5, 6} : r.columns;
            for (int ci : cols)
                values.append(valueText(cells, nianbao::Template::cellKey(table, r, table.columns[ci])));
            values += extra.value(table.key + u'.' + r.key);
            if (table.key == u"t2"_s) {
                d.row({{0, 180, r.label}}, 180, 60, values);
                continue;
            }
            // Table 3: the group and sub-group in narrow columns of their own, the label in a
            // column too narrow for the long ones.
            const double lx = r.subgroup.isEmpty() ? (r.group.isEmpty() ? 0 : 40) : 80;
            const double h = std::max(16.0, d.needs(r.label, 180 - lx));
            d.ensure(h);
            if (r.group != group && !r.group.isEmpty())
                d.vertical(0, r.group);
            if (r.subgroup != subgroup && !r.subgroup.isEmpty())
                d.vertical(40, r.subgroup);
            group = r.group;
            subgroup = r.subgroup;
            d.row({{lx, 180 - lx, r.label}}, 180, 48, values);
        }
    }
    d.line(u"五、存在的主要问题及改进情况"_s);
    d.line(u"公开内容的规范性有待加强。"_s);
    d.line(u"六、其他需要报告的事项"_s);
    d.line(u"本年度未收取信息处理费。"_s);
    return p.end();
}

} // namespace formpdf
