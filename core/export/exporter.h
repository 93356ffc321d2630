#pragma once

#include "export/exportoptions.h"
#include "review/correction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/// A column of the batch table: a fixed column (file, unit, counts …) or a template cell.
struct BatchColumn
{
    QString key;   // "file", "unit", … or a cell key "t3.granted.total"
    QString label; // what the header shows
    bool isCell = false;
};

/// Writes reviewed reports for supervisors: XLSX workbooks, CSV and JSON, in the language in use
/// (nianbao::Language: labels, sheet names, messages).
///
/// One report: outPath is the file to write, or an existing folder (the file is then named after
/// the report's source file). Several reports: outPath is a folder (created when missing) that
/// receives one file per report (unless ExportOptions::perReportFiles is off) and the batch file
/// (`nianbao-batch.xlsx` / `.csv` / `.json`). Every file is written atomically: on any failure
/// the previous file of that name is left as it was and the error is one translated line.
///
/// Every time written is local time with its offset (ISO 8601 in CSV and JSON). States, actions,
/// severities and dispositions are words of the language in use; the JSON keeps its English
/// machine names and adds the Chinese ones as *_zh fields.
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Exporter)
public:
    static bool exportReports(const QList<ReviewedReport> &reports, ExportFormat format,
                              const QString &outPath, const ExportOptions &options, QString *error,
                              const ExportProgress &progress = {}, QStringList *written = nullptr);

    // The single pieces, each written atomically.
    static bool writeReportXlsx(const ReviewedReport &report, const QString &path,
                                const ExportOptions &options, QString *error);
    static bool writeBatchXlsx(const QList<ReviewedReport> &reports, const QString &path,
                               const ExportOptions &options, QString *error,
                               const ExportProgress &progress = {});
    static bool writeCsv(const QList<ReviewedReport> &reports, CsvLayout layout, const QString &path,
                         const ExportOptions &options, QString *error);
    static bool writeJson(const QList<ReviewedReport> &reports, const QString &path,
                          const ExportOptions &options, QString *error);

    /// The CSV text (before encoding) and its bytes in the chosen encoding.
    static QString csvText(const QList<ReviewedReport> &reports, CsvLayout layout,
                           const ExportOptions &options);
    static QByteArray encodeCsv(const QString &text, CsvEncoding encoding, QString *error);
    /// The extractor's JSON of the current report plus unit, year, review state and corrections.
    static QJsonObject reportJson(const ReviewedReport &report, const ExportOptions &options);

    /// The columns of the batch table for these reports: fixed columns, then every cell key of
    /// their templates in form order.
    static QList<BatchColumn> batchColumns(const QList<ReviewedReport> &reports);
    /// The batch table's value of a fixed column for one report (as text), or of a cell.
    static QString batchText(const ReviewedReport &report, const BatchColumn &column);
    /// How many of the report's findings the reviewer confirmed, or dismissed.
    static int dispositionCount(const ReviewedReport &report, Disposition::Kind kind);

    /// A file name (without extension) made from a report's source: no folder separators, no
    /// "..", no control or reserved characters, never empty, at most 100 characters.
    static QString safeBaseName(const QString &name);
    /// The base name a report's own file gets.
    static QString reportBaseName(const ReviewedReport &report);
    static QString extension(ExportFormat format);
};

} // namespace nianbao
