#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace nianbao::cli {

/// The commands of nianbao-cli. Each returns the process exit status.
class Commands
{
    Q_DECLARE_TR_FUNCTIONS(Commands)
public:
    Commands(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    int extract(const QString &path, bool pretty, bool english);
    /// A summary of each report; json: a JSON array of the reports as extract prints them, with
    /// the findings that need the batch (the same body's report of the year before).
    int check(const QStringList &paths, bool english, int jobs, bool json = false);
    /// Export reports to XLSX, CSV or JSON (format: "xlsx", "csv", "json"). One report: out is
    /// the file, or a folder to put it in; several: out is a folder that receives one file per
    /// report and the batch file. Exit 0, or 2 when a file cannot be read or written.
    int exportReports(const QString &format, const QString &out, const QStringList &paths, bool english,
                      const QString &encoding, bool keyHeader, bool batchOnly, int jobs);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace nianbao::cli
