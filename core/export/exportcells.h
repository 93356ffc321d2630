#pragma once

#include "report/report.h"
#include "review/correction.h"
#include "rules/finding.h"

#include <QHash>
#include <QList>
#include <QString>

namespace nianbao {

/// What every exporter says about a cell: its text, state, decimals and marks.
class ExportCells
{
public:
    enum Mark { None = 0, Warning = 1, Error = 2 };

    /// The worst finding each cell takes part in.
    static QHash<QString, int> marks(const QList<Finding> &findings);
    /// The value as written to CSV: a number in plain notation, the text of a text cell,
    /// empty for a blank, missing or uncertain cell.
    static QString valueText(const Cell *cell);
    /// number, blank, text, uncertain, or missing (not found in the source).
    static QString stateName(const Cell *cell);
    /// Decimals to show for a number of a decimal column (as the source printed it, at least
    /// as many as the value needs; at most 6).
    static int decimals(const Cell &cell);
    // The texts of the files are in the language in use (nianbao::Language).

    /// The cell's label, with its table: "（一）予以公开 · 自然人".
    static QString label(const Report &report, const QString &key);
    /// "二、主动公开政府信息情况" / "Table 2 — Proactive disclosure".
    static QString tableTitle(const TableDef &table);
    /// The table's sheet: its title in Chinese, "Table 3" in English (sheet names hold 31 characters).
    static QString sheetName(const TableDef &table);
    /// "表三 " / "T3 ": what the batch puts before a cell's label.
    static QString tableTag(const TableDef &table);
    /// The Chinese or the English text.
    static QString pick(const QString &zh, const QString &en);
    static QString statusLabel(ReviewStatus status);
    static QString timeText(const QDateTime &t);
};

} // namespace nianbao
