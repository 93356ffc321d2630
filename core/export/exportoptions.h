#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace nianbao {

enum class ExportFormat { Xlsx, Csv, Json };

enum class CsvEncoding {
    Utf8Bom, // UTF-8 with a byte-order mark: what Excel needs to show Chinese (the default)
    Utf8,    // UTF-8 without a mark
    Gb18030, // for older Chinese Excel / WPS set-ups
};

enum class CsvLayout {
    // One line per cell: report, table, row, column, label, value (as reviewed), extracted (what
    // the report said; corrected cells only), state (ExportCells::cellState), findings on the cell
    // with their dispositions, and the cell's last correction: action, reviewer, time, note. Then
    // one line per finding that names no cell (label 全文, no key).
    Long,
    Wide, // one line per report, one column per template cell (the batch layout)
};

struct ExportOptions
{
    CsvEncoding csvEncoding = CsvEncoding::Utf8Bom;
    /// Header of the CSV: labels in the language in use (default) or machine names (the cell
    /// keys of the wide CSV; report, table, row, … of the long one).
    bool csvKeyHeader = false;
    /// Several reports: write one file per report as well as the batch file.
    bool perReportFiles = true;
    /// Base name of the batch file (without extension) when several reports are exported.
    QString batchBaseName = QStringLiteral("nianbao-batch");
    /// The time written on the cover sheet and in the JSON (as local time with its offset); now
    /// when invalid.
    QDateTime exportTime;
    /// Name of the program written in the workbook properties.
    QString application = QStringLiteral("Nianbao");

    /// A file of the batch that could not be read as a report: a row of the batch workbook with
    /// its reason, so that a failed submission is seen.
    struct Refused
    {
        QString file; // its name, never its folder
        QString reason;
    };
    QList<Refused> refused;
};

/// Called after each file or report; return false to cancel the export.
using ExportProgress = std::function<bool(int done, int total)>;

} // namespace nianbao
