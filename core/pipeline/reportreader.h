#pragma once

#include "report/report.h"
#include "rules/finding.h"

#include <QList>
#include <QString>

#include <functional>

namespace nianbao {

/// A report read from a file and checked: what the command line and the window open.
struct ReadResult
{
    QString path;
    bool ok = false;
    QString error; // one line, translated, when !ok
    Report report;
    QList<Finding> findings;

    int errors() const;
    int warnings() const;
};

class ReportReader
{
public:
    /// Load (any format), extract and check one file. Never throws; failure is in error.
    static ReadResult read(const QString &path);
    /// Reads many files at once (jobs threads; 0 = every core), in the order given, and adds the
    /// year-over-year findings of the same body's consecutive reports. progress(done, total) is
    /// called from the reading threads.
    static QList<ReadResult> readAll(const QStringList &paths, int jobs = 0,
                                     const std::function<void(int, int)> &progress = {});
    /// The report files of a folder (recursively), sorted; files are taken as they are.
    static QStringList expandPaths(const QStringList &paths, QStringList *problems = nullptr);
    static bool isReportFileName(const QString &name);
};

} // namespace nianbao
