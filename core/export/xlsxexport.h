#pragma once

#include "export/exportoptions.h"
#include "review/correction.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nianbao {

/// The XLSX workbooks (libxlsxwriter). Writes straight to the given file name; Exporter makes
/// that a temporary file and renames it.
class XlsxExport
{
    Q_DECLARE_TR_FUNCTIONS(XlsxExport)
public:
    /// Cover sheet, one sheet per table laid out like the official form, 检查结果 (with each
    /// finding's disposition), 修改记录. Times are local with their offset.
    static bool writeReport(const ReviewedReport &report, const QString &file, const ExportOptions &options,
                            QString *error);
    /// One row per report, one column per template cell (keys in a hidden first row), plus
    /// every finding of every report on a second sheet.
    static bool writeBatch(const QList<ReviewedReport> &reports, const QString &file,
                           const ExportOptions &options, QString *error, const ExportProgress &progress);

    // Fill colours (RGB) of marked cells; the tests read them back.
    static constexpr unsigned ErrorFill = 0xFFC7CE;
    static constexpr unsigned WarningFill = 0xFFEB9C;
    static constexpr unsigned CorrectedFill = 0xDDEBF7;
    static constexpr unsigned HeaderFill = 0xF2F2F2;
    /// The medium frame of a corrected cell (RGB), over any fill.
    static constexpr unsigned CorrectedBorder = 0x2F75B5;
};

} // namespace nianbao
