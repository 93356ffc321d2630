#pragma once

#include "runsplitter.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

class NormalizedText;
class Report;
class Tokenizer;
struct Item;
struct SourceDocument;

/// Puts the values of a row into its cells, each with the span of the original text it came
/// from: one value per cell, or the empty cells of the row, or digits that ran together handed
/// to the RunSplitter as a slot of readings that the prose and the identities decide later.
class CellPlacer
{
public:
    CellPlacer(const SourceDocument &doc, const NormalizedText &norm, const Tokenizer &tokens,
               Report *report);

    /// The cells of keys (in column order) from the value items values.
    void assign(const QStringList &keys, const QList<int> &values);
    /// Cells that are there and empty: after a label with nothing but empty cells (label).
    void assignBlank(const QStringList &keys, const Item &label);

    /// The readings of the runs of digits, to be narrowed by the prose and the identities.
    QList<Slot> &slots() { return m_slots; }
    /// The cells of the runs: a number when one reading is left, otherwise uncertain with the
    /// candidates.
    void materialize();

private:
    void setDirect(const QString &key, const Item &item);
    qsizetype origStart(qsizetype n) const;
    qsizetype origEnd(qsizetype n) const;

    const SourceDocument &m_doc;
    const NormalizedText &m_norm;
    const Tokenizer &m_tok;
    Report *m_report;
    QList<Slot> m_slots;
    qsizetype m_splitsKept = 0; // readings of all the runs, at most Limits::MaxReportSplits
};

} // namespace nianbao
