#pragma once

#include "template/template.h"

#include <QSet>
#include <QString>

namespace nianbao {

class CellPlacer;
class Report;
class Tokenizer;

/// Reads one table from its part of the text: which row each record is (by its label, or by its
/// place between two labelled rows), which （六） the report uses, and hands the values of each
/// row to the CellPlacer.
class TableReader
{
public:
    TableReader(const Tokenizer &tokens, CellPlacer &placer, Report *report);

    /// A table of rows (its layout Rows) in the normalized range [from, to).
    void readRows(const TableDef &t, qsizetype from, qsizetype to);
    /// A table of one row (its layout SingleRow): the first values of the range, in form order.
    void readSingleRow(const TableDef &t, qsizetype from, qsizetype to);
    /// Rows of t (the template's own table, as read) that were found in the text.
    int matchedRows(const TableDef &t) const;

private:
    const Tokenizer &m_tok;
    CellPlacer &m_placer;
    Report *m_report;
    QSet<const RowDef *> m_matchedRows; // rows of the template's tables read
};

} // namespace nianbao
