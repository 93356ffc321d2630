#pragma once

#include "template/template.h"

#include <QList>

namespace nianbao {

class CompactIndex;

/// A table's part of the normalized text, [start, end).
struct TablePart
{
    const TableDef *table = nullptr;
    qsizetype start = 0;
    qsizetype end = 0;
};

/// Finds where each table of a template begins and ends in a text, by the anchors of the
/// template's data.
class TableLocator
{
public:
    TableLocator(const CompactIndex &index, qsizetype textSize) : m_index(index), m_size(textSize) {}

    /// The parts of the tables found, in form order; false when a table every report has is not
    /// found.
    bool locate(const Template &tmpl, QList<TablePart> *parts) const;

private:
    const CompactIndex &m_index;
    qsizetype m_size;
};

} // namespace nianbao
