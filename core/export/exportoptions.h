#pragma once

#include <QDateTime>
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
    Long, // one line per cell: report, table, row, column, label, value, state
    Wide, // one line per report, one column per template cell (the batch layout)
};

struct ExportOptions
{
    CsvEncoding csvEncoding = CsvEncoding::Utf8Bom;
    /// Header of the wide CSV: Chinese labels (default) or the cell keys.
    bool csvKeyHeader = false;
    /// Several reports: write one file per report as well as the batch file.
    bool perReportFiles = true;
    /// Base name of the batch file (without extension) when several reports are exported.
    QString batchBaseName = QStringLiteral("nianbao-batch");
    /// The time written on the cover sheet and in the JSON; now (UTC) when invalid.
    QDateTime exportTime;
    /// Name of the program written in the workbook properties.
    QString application = QStringLiteral("Nianbao");
};

/// Called after each file or report; return false to cancel the export.
using ExportProgress = std::function<bool(int done, int total)>;

} // namespace nianbao
