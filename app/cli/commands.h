#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

namespace nianbao {
class Review;
class ReviewSession;
class ReviewStore;
} // namespace nianbao

namespace nianbao::cli {

/// The commands of nianbao-cli, in the language in use (nianbao::Language). Each returns the
/// process exit status.
class Commands
{
    Q_DECLARE_TR_FUNCTIONS(Commands)
public:
    Commands(QTextStream &out, QTextStream &err);
    ~Commands();

    /// The review database whose dispositions of findings the JSON carries (read only); empty:
    /// none. False, with a message on err, when it cannot be opened.
    bool setStore(const QString &urlOrPath);
    /// The window's review database (the address it was told to use, else its default file),
    /// read only; nothing when that file was never made. False, with a message, when it cannot
    /// be opened.
    bool useWindowStore();
    /// Reads standard input into a temporary file that stands for "-" in paths (one report, at
    /// most the largest file a report may be). False, with a message, when it cannot.
    bool readStandardInput(QStringList *paths);

    int extract(const QString &path, bool pretty);
    /// A summary of each report and a total line; or (json) the extractor's JSON of each report,
    /// the checks across reports included.
    int check(const QStringList &paths, int jobs, bool json = false);
    /// Export reports to XLSX, CSV or JSON (format: "xlsx", "csv", "json"), or write their letters
    /// ("letter": PDF and DOCX, LetterExport::exportLetters). One report: out is
    /// the file, or a folder to put it in; several: out is a folder that receives one file per
    /// report and the batch file. Exit 0, or 2 when a file cannot be read or written.
    int exportReports(const QString &format, const QString &out, const QStringList &paths,
                      const QString &encoding, bool keyHeader, bool batchOnly, int jobs);

private:
    int printJson(const ReviewSession &session);
    /// How a path is shown: "-" for standard input.
    QString shown(const QString &path) const;
    /// Each report's review as the store keeps it (corrections, dispositions, reviewer, state),
    /// re-checked with the reports beside it; without a store, as read.
    void restoreReviews(ReviewSession &session);
    /// The report's JSON, with the dispositions the store holds for the file when one is given.
    QJsonObject reportJson(const Review &review, const QString &path);

    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<QTemporaryDir> m_stdinDir;
    QString m_stdinPath;
};

} // namespace nianbao::cli
