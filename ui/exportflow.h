#pragma once

#include "review/correction.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QWidget;

namespace nianbao::ui {

/// File ▸ Export as the reviewer goes through it: the file to write (its extension picks XLSX, CSV
/// or JSON; with many reports it names the batch file and one file per report goes beside it),
/// progress that can be cancelled, and a plain message when it fails.
class ExportFlow
{
    Q_DECLARE_TR_FUNCTIONS(ExportFlow)
public:
    struct Settings
    {
        QString folder; // where the dialog opens; updated to where the files went
        bool csvGb18030 = false;
    };
    /// Writes the reports; the message to show in the status bar on success, or when the reviewer
    /// cancelled (false then, and no box).
    static bool run(QWidget *parent, const QList<ReviewedReport> &reports, Settings *settings, QString *done);
    /// File ▸ Export ▸ Letter: the letter to the report's body, as PDF or Word (the extension of
    /// the file chosen).
    static bool runLetter(QWidget *parent, const ReviewedReport &report, Settings *settings, QString *done);
};

} // namespace nianbao::ui
