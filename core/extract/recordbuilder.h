#pragma once

#include "labelmatcher.h"
#include "report/report.h"
#include "template/template.h"

#include <QList>
#include <QVarLengthArray>

namespace nianbao {

class Tokenizer;

/// One row of a table as the text holds it: its label (the pieces of a label wrapped over lines
/// or cells) and the values after it, items of the Tokenizer.
struct Record
{
    // The labels, the values of a row and the blanks before them are a few: kept without an
    // allocation.
    QVarLengthArray<int, 4> labels;        // item indices
    QVarLengthArray<int, 8> values;        // item indices (leading blanks dropped)
    int blanksBefore = 0;                  // blanks between the label and the first value
    QVarLengthArray<int, 4> leadingBlanks; // their item indices
    int nonBlank = 0;
    int lastValueLine = -1;
    LabelMatch match;
    bool matched = false;
    /// The row was named only by joining pieces of the label printed on different lines, and
    /// not surely: the values may belong to the row of one of the pieces alone.
    bool wrappedLabel = false;
    /// How weak the evidence for the row is (Cell::Doubt::None when it is good).
    Cell::Doubt doubt() const;
};

/// Cuts the items of a table's part of the text into records: a label starts one; values follow
/// until the row the label names has its cells, or a line of values starts a row of its own.
class RecordBuilder
{
public:
    explicit RecordBuilder(const Tokenizer &tokens) : m_tok(tokens) {}

    /// The records of table t in the normalized range [from, to), each matched to a row or group.
    QList<Record> build(const TableDef &t, qsizetype from, qsizetype to) const;

private:
    LabelMatch recordMatch(const TableDef &t, Record &rec) const;

    const Tokenizer &m_tok;
};

} // namespace nianbao
