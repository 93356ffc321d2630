#pragma once

#include "template/template.h"

#include <QHash>
#include <QList>
#include <QPoint>
#include <QString>

namespace nianbao {

/// Where the labels and the value cells of one table sit in a grid laid out like the official
/// form: merged header cells, group labels spanning their rows, table 4's fifteen cells under
/// their three group headers. Built from the template's data alone; the window's grids and every
/// exporter draw the form from it.
class FormLayout
{
public:
    enum class Kind { Empty, Title, Header, Label, Value };

    struct Slot
    {
        Kind kind = Kind::Empty;
        QString text; // a label's text, as the form prints it
        QString textEn;
        QString key;     // a value cell's key
        int column = -1; // a value cell's column in the table (TableDef::columns)
    };

    struct Span
    {
        int row = 0;
        int column = 0;
        int rowSpan = 1;
        int columnSpan = 1;
    };

    static FormLayout build(const TableDef &table, QStringView variant);

    int rowCount() const { return m_rows; }
    int columnCount() const { return m_columns; }
    const Slot &at(int row, int column) const;
    const QList<Span> &spans() const { return m_spans; }
    /// The span that starts at (row, column), or null when the slot is a single cell.
    const Span *spanAt(int row, int column) const;
    /// True for a position inside a span other than its first: nothing is drawn there.
    bool isCovered(int row, int column) const;
    /// The grid position of a value cell, or (-1, -1).
    QPoint position(const QString &key) const { return m_positions.value(key, QPoint(-1, -1)); }
    QStringList keys() const { return m_keyOrder; }
    /// Label columns on the left.
    int labelColumns() const { return m_labelColumns; }
    /// Header rows at the top that stay in view (and repeat on printed pages); 0 when the table
    /// is made of sections with headers of their own.
    int headerRows() const { return m_headerRows; }

private:
    void resize(int rows, int columns);
    void put(int row, int column, Slot slot, int rowSpan = 1, int columnSpan = 1);
    static FormLayout buildRows(const TableDef &t, QStringView variant);
    static FormLayout buildSections(const TableDef &t, QStringView variant);
    static FormLayout buildSingleRow(const TableDef &t, QStringView variant);

    int m_rows = 0;
    int m_columns = 0;
    int m_labelColumns = 1;
    int m_headerRows = 0;
    QList<Slot> m_slots;
    QList<int> m_owner; // per position: index into m_spans of the span covering it, or -1
    QList<Span> m_spans;
    QHash<QString, QPoint> m_positions; // x = column, y = row
    QStringList m_keyOrder;
};

} // namespace nianbao
