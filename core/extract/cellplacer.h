#pragma once

#include "runsplitter.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <span>

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

    /// The cells of keys (in column order) from the value items values. A row placed on weak
    /// evidence (weak: why) keeps its values only where the identities confirm them (confirm()).
    /// ids: the numbers of keys (Template::rowIds), or none.
    void assign(const QStringList &keys, const QList<int> &ids, std::span<const int> values,
                Cell::Doubt weak = Cell::Doubt::None);
    /// Cells that are there and empty: after a label with nothing but empty cells (label).
    void assignBlank(const QStringList &keys, const Item &label);

    /// The readings of the runs of digits, to be narrowed by the prose and the identities.
    QList<Slot> &slots() { return m_slots; }
    /// The cells of the runs: a number when one reading is left, otherwise uncertain with the
    /// candidates.
    void materialize();
    /// The rows placed on weak evidence: a value that the row's own identity (its total)
    /// contradicts is uncertain (its one candidate the value read, and why), never a plain number.
    void confirm(const QList<IdentityInstance> &identities);
    /// Rows that lost one cell (a column dropped in a conversion): every place the gap may be,
    /// with the value the identities give it there, kept where all the identities hold. A cell
    /// every kept reading agrees on is a number; the gap itself and the cells the readings
    /// disagree on are uncertain (Cell::Doubt::LostColumn). Before confirm().
    void placeLostColumns(const QList<IdentityInstance> &identities);

private:
    void setDirect(const QString &key, int id, const Item &item);
    bool lostOneColumn(const QStringList &keys, std::span<const int> values) const;
    bool isSignedColumn(const QString &key) const;
    bool knownValue(const QString &key, double *v) const;
    using ItemIndices = QVarLengthArray<int, 32>; // a row's values, without an allocation
    bool placeWiderRow(const QStringList &keys, const QList<int> &ids, const ItemIndices &values);
    qsizetype origStart(qsizetype n) const;
    qsizetype origEnd(qsizetype n) const;

    const SourceDocument &m_doc;
    const NormalizedText &m_norm;
    const Tokenizer &m_tok;
    Report *m_report;
    QList<Slot> m_slots;
    QList<std::pair<QStringList, Cell::Doubt>> m_weak; // rows placed on weak evidence
    QList<std::pair<QStringList, QList<int>>> m_lost;  // rows one value short: keys, value items
    qsizetype m_splitsKept = 0; // readings of all the runs, at most Limits::MaxReportSplits
};

} // namespace nianbao
