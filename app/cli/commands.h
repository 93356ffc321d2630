#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace nianbao {
class ReviewSession;
}

namespace nianbao::cli {

/// The commands of nianbao-cli, in the language in use (nianbao::Language). Each returns the
/// process exit status.
class Commands
{
    Q_DECLARE_TR_FUNCTIONS(Commands)
public:
    Commands(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    int extract(const QString &path, bool pretty);
    /// A summary of each report and a total line; or (json) the extractor's JSON of each report,
    /// the checks across reports included.
    int check(const QStringList &paths, int jobs, bool json = false);
    /// Export reports to XLSX, CSV or JSON (format: "xlsx", "csv", "json"). One report: out is
    /// the file, or a folder to put it in; several: out is a folder that receives one file per
    /// report and the batch file. Exit 0, or 2 when a file cannot be read or written.
    int exportReports(const QString &format, const QString &out, const QStringList &paths,
                      const QString &encoding, bool keyHeader, bool batchOnly, int jobs);

private:
    int printJson(const ReviewSession &session);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace nianbao::cli
