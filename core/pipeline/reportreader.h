#pragma once

#include "report/report.h"
#include "rules/finding.h"

#include <QList>
#include <QString>

namespace nianbao {

/// A report read from a file and checked by its own rules: what a ReviewSession opens (the session
/// adds the checks across reports).
struct ReadResult
{
    QString path;
    bool ok = false;
    QString error; // one line, translated, when !ok
    Report report;
    QList<Finding> findings;
    QString contentHash; // SHA-256 of the file's bytes, hex, when the session read it (the store's key)

    int errors() const;
    int warnings() const;
};

class ReportReader
{
public:
    enum class Hash { No, Content };
    /// Load (any format), extract and check one file. Never throws; failure is in error. With
    /// Hash::Content, a report read also gets the content hash of the bytes read (the store's key).
    static ReadResult read(const QString &path, Hash hash = Hash::No);
    /// The report files of a folder (recursively), sorted; files are taken as they are.
    static QStringList expandPaths(const QStringList &paths, QStringList *problems = nullptr);
    static bool isReportFileName(const QString &name);
};

} // namespace nianbao
