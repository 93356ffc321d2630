#include "formlayout.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

FormLayout::Slot label(FormLayout::Kind kind, const QString &text, const QString &textEn = {})
{
    FormLayout::Slot s;
    s.kind = kind;
    s.text = text;
    s.textEn = textEn.isEmpty() ? text : textEn;
    return s;
}

/// A group label as a header or label slot, with its English from the template.
FormLayout::Slot groupLabel(const TableDef &t, FormLayout::Kind kind, const QString &text)
{
    const GroupDef *g = t.group(text);
    return label(kind, text, g ? g->labelEn : QString());
}

/// The slot of a row's value in a column.
FormLayout::Slot valueSlot(const TableDef &t, const RowDef &r, int column)
{
    FormLayout::Slot s;
    s.kind = FormLayout::Kind::Value;
    s.key = Template::cellKey(t, r, t.columns[column]);
    s.column = column;
    return s;
}

QList<const RowDef *> activeRows(const TableDef &t, QStringView variant)
{
    QList<const RowDef *> out;
    for (const RowDef &r : t.rows)
        if (t.rowActive(r, variant))
            out.append(&r);
    return out;
}

QList<int> rowColumns(const TableDef &t, const RowDef &r)
{
    if (!r.columns.isEmpty())
        return r.columns;
    QList<int> all;
    for (int i = 0; i < t.columns.size(); ++i)
        all.append(i);
    return all;
}

} // namespace

const FormLayout::Slot &FormLayout::at(int row, int column) const
{
    static const Slot empty;
    if (row < 0 || column < 0 || row >= m_rows || column >= m_columns)
        return empty;
    return m_slots[row * m_columns + column];
}

const FormLayout::Span *FormLayout::spanAt(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_rows || column >= m_columns)
        return nullptr;
    const int owner = m_owner[row * m_columns + column];
    if (owner < 0)
        return nullptr;
    const Span &s = m_spans[owner];
    return s.row == row && s.column == column ? &s : nullptr;
}

bool FormLayout::isCovered(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_rows || column >= m_columns)
        return false;
    const int owner = m_owner[row * m_columns + column];
    return owner >= 0 && (m_spans[owner].row != row || m_spans[owner].column != column);
}

void FormLayout::resize(int rows, int columns)
{
    m_rows = rows;
    m_columns = columns;
    m_slots = QList<Slot>(rows * columns);
    m_owner = QList<int>(rows * columns, -1);
}

void FormLayout::put(int row, int column, Slot slot, int rowSpan, int columnSpan)
{
    if (slot.kind == Kind::Value) {
        m_positions.insert(slot.key, QPoint(column, row));
        m_keyOrder.append(slot.key);
    }
    m_slots[row * m_columns + column] = std::move(slot);
    if (rowSpan > 1 || columnSpan > 1) {
        for (int r = row; r < row + rowSpan; ++r)
            for (int c = column; c < column + columnSpan; ++c)
                m_owner[r * m_columns + c] = int(m_spans.size());
        m_spans.append({row, column, rowSpan, columnSpan});
    }
}

FormLayout FormLayout::build(const TableDef &table, QStringView variant)
{
    if (table.layout == TableLayout::SingleRow)
        return buildSingleRow(table, variant);
    for (const RowDef &r : table.rows)
        if (!r.section.isEmpty())
            return buildSections(table, variant);
    return buildRows(table, variant);
}

// Table 2: a title row per section (第二十条第（一）项), a header row with 信息内容 and the
// section's columns, then its rows. The last column of a narrower section spans the rest.
FormLayout FormLayout::buildSections(const TableDef &t, QStringView variant)
{
    FormLayout f;
    const QList<const RowDef *> rows = activeRows(t, variant);
    struct Section
    {
        QString title;
        QList<int> columns;
        QList<const RowDef *> rows;
    };
    QList<Section> sections;
    for (const RowDef *r : rows) {
        if (sections.isEmpty() || sections.last().title != r->section)
            sections.append({r->section, {}, {}});
        Section &s = sections.last();
        s.rows.append(r);
        for (int c : rowColumns(t, *r))
            if (!s.columns.contains(c))
                s.columns.append(c);
    }
    int width = 1;
    int height = 0;
    for (const Section &s : sections) {
        width = qMax(width, 1 + int(s.columns.size()));
        height += 2 + int(s.rows.size());
    }
    f.resize(height, width);
    f.m_labelColumns = 1;
    f.m_headerRows = 0;
    // The header of the label column (信息内容) is the table's group.
    const Slot content = t.groups.isEmpty() ? Slot() : groupLabel(t, Kind::Header, t.groups.first().label);
    int y = 0;
    for (const Section &s : sections) {
        f.put(y, 0, label(Kind::Title, s.title), 1, width);
        ++y;
        f.put(y, 0, content);
        const int n = int(s.columns.size());
        for (int i = 0; i < n; ++i) {
            const ColumnDef &c = t.columns[s.columns[i]];
            f.put(y, 1 + i, label(Kind::Header, c.label, c.labelEn), 1, i == n - 1 ? width - n : 1);
        }
        ++y;
        for (const RowDef *r : s.rows) {
            f.put(y, 0, label(Kind::Label, r->label, r->labelEn));
            for (int i = 0; i < n; ++i) {
                if (!rowColumns(t, *r).contains(s.columns[i]))
                    continue;
                f.put(y, 1 + i, valueSlot(t, *r, s.columns[i]), 1, i == n - 1 ? width - n : 1);
            }
            ++y;
        }
    }
    return f;
}

// Table 3: three label columns (group, subgroup, item) under the table's note (勾稽关系), header
// rows with the column groups (申请人情况 over all, 法人或其他组织 over its five), then one grid row
// per template row.
FormLayout FormLayout::buildRows(const TableDef &t, QStringView variant)
{
    FormLayout f;
    const QList<const RowDef *> rows = activeRows(t, variant);
    bool anyGroup = false, anySub = false, anyColGroup = false;
    for (const RowDef *r : rows) {
        anyGroup |= !r->group.isEmpty();
        anySub |= !r->subgroup.isEmpty();
    }
    for (const ColumnDef &c : t.columns)
        anyColGroup |= !c.group.isEmpty();
    const int labels = 1 + (anyGroup ? 1 : 0) + (anySub ? 1 : 0);
    // A group label that no row or column uses is the title over all columns (申请人情况).
    const GroupDef *overTitle = nullptr;
    for (const GroupDef &g : t.groups) {
        bool used = false;
        for (const RowDef &r : t.rows)
            used |= r.group == g.label || r.subgroup == g.label;
        for (const ColumnDef &c : t.columns)
            used |= c.group == g.label;
        if (!used) {
            overTitle = &g;
            break;
        }
    }
    const int header = (overTitle ? 1 : 0) + (anyColGroup ? 2 : 1);
    const int nc = int(t.columns.size());
    f.resize(header + int(rows.size()), labels + nc);
    f.m_labelColumns = labels;
    f.m_headerRows = header;

    f.put(0, 0, label(Kind::Header, t.note, t.noteEn), header, labels);
    int hy = 0;
    if (overTitle) {
        f.put(0, labels, label(Kind::Header, overTitle->label, overTitle->labelEn), 1, nc);
        hy = 1;
    }
    for (int i = 0; i < nc;) {
        const ColumnDef &c = t.columns[i];
        if (!anyColGroup || c.group.isEmpty()) {
            f.put(hy, labels + i, label(Kind::Header, c.label, c.labelEn), anyColGroup ? 2 : 1, 1);
            ++i;
            continue;
        }
        int j = i;
        while (j < nc && t.columns[j].group == c.group)
            ++j;
        f.put(hy, labels + i, groupLabel(t, Kind::Header, c.group), 1, j - i);
        for (int k = i; k < j; ++k)
            f.put(hy + 1, labels + k, label(Kind::Header, t.columns[k].label, t.columns[k].labelEn));
        i = j;
    }

    const int n = int(rows.size());
    for (int i = 0; i < n; ++i) {
        const RowDef *r = rows[i];
        const int y = header + i;
        int x = 0;
        if (anyGroup) {
            if (r->group.isEmpty()) {
                f.put(y, 0, label(Kind::Label, r->label, r->labelEn), 1, labels);
                x = labels;
            } else {
                if (i == 0 || rows[i - 1]->group != r->group) {
                    int j = i;
                    while (j < n && rows[j]->group == r->group)
                        ++j;
                    f.put(y, 0, groupLabel(t, Kind::Label, r->group), j - i, 1);
                }
                x = 1;
            }
        }
        if (x < labels) {
            if (anySub && !r->subgroup.isEmpty()) {
                if (i == 0 || rows[i - 1]->subgroup != r->subgroup) {
                    int j = i;
                    while (j < n && rows[j]->subgroup == r->subgroup)
                        ++j;
                    f.put(y, x, groupLabel(t, Kind::Label, r->subgroup), j - i, 1);
                }
                f.put(y, x + 1, label(Kind::Label, r->label, r->labelEn), 1, labels - x - 1);
            } else {
                f.put(y, x, label(Kind::Label, r->label, r->labelEn), 1, labels - x);
            }
        }
        for (int c : rowColumns(t, *r)) {
            f.put(y, labels + c, valueSlot(t, *r, c));
        }
    }
    return f;
}

// Table 4: one printed row of 5 × rows cells. As the official form: a row without a group
// (行政复议) heads its five columns, whose labels then span the two rows below; rows sharing a group
// (行政诉讼) sit under the group's label, each over its own five column labels.
FormLayout FormLayout::buildSingleRow(const TableDef &t, QStringView variant)
{
    FormLayout f;
    const QList<const RowDef *> rows = activeRows(t, variant);
    const int nc = int(t.columns.size());
    bool anyGroup = false;
    for (const RowDef *r : rows)
        anyGroup |= !r->group.isEmpty();
    const int header = anyGroup ? 3 : 2;
    f.resize(header + 1, nc * int(rows.size()));
    f.m_labelColumns = 0;
    f.m_headerRows = header;
    const int n = int(rows.size());
    for (int i = 0; i < n; ++i) {
        const RowDef *r = rows[i];
        const int x = i * nc;
        if (!anyGroup || r->group.isEmpty()) {
            f.put(0, x, label(Kind::Header, r->label, r->labelEn), 1, nc);
            for (int c = 0; c < nc; ++c)
                f.put(1, x + c, label(Kind::Header, t.columns[c].label, t.columns[c].labelEn), header - 1, 1);
        } else {
            if (i == 0 || rows[i - 1]->group != r->group) {
                int j = i;
                while (j < n && rows[j]->group == r->group)
                    ++j;
                f.put(0, x, groupLabel(t, Kind::Header, r->group), 1, (j - i) * nc);
            }
            f.put(1, x, label(Kind::Header, r->label, r->labelEn), 1, nc);
            for (int c = 0; c < nc; ++c)
                f.put(2, x + c, label(Kind::Header, t.columns[c].label, t.columns[c].labelEn));
        }
        for (int c = 0; c < nc; ++c) {
            f.put(header, x + c, valueSlot(t, *r, c));
        }
    }
    return f;
}

} // namespace nianbao
