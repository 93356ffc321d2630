#pragma once

#include "review/correction.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace nianbao::ui {

/// File ▸ Print and Print Preview of the current report: its tables laid out like the form and its
/// findings (ReportPrint), on A4 landscape pages.
class PrintFlow
{
    Q_DECLARE_TR_FUNCTIONS(PrintFlow)
public:
    /// The print dialog, then the printer; false when cancelled.
    static bool print(QWidget *parent, const ReviewedReport &report);
    /// The preview, from which the reviewer can print.
    static void preview(QWidget *parent, const ReviewedReport &report);
    /// The next print goes to this PDF file without a dialog being shown (the tests answer it in
    /// advance, as FileDialog's).
    static void setNextPdfFile(const QString &path);

private:
    static QString s_nextPdf;
};

} // namespace nianbao::ui
