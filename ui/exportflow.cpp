#include "exportflow.h"

#include "export/exporter.h"
#include "export/letter.h"
#include "filedialog.h"
#include "messagebox.h"

#include <QDir>
#include <QFileInfo>
#include <QProgressDialog>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

bool ExportFlow::run(QWidget *parent, const QList<ReviewedReport> &reports, Settings *settings, QString *done)
{
    const bool single = reports.size() == 1;
    const QString base = single ? Exporter::reportBaseName(reports.first()) : u"nianbao-batch"_s;
    const QString chosen = FileDialog::getSaveFileName(
        parent, single ? tr("Export Report") : tr("Export %n Reports", nullptr, int(reports.size())),
        QDir(settings->folder).filePath(base + u".xlsx"_s),
        tr("Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)"));
    if (chosen.isEmpty())
        return false;
    const QFileInfo fi(chosen);
    const QString suffix = fi.suffix().toLower();
    const ExportFormat format = suffix == u"csv"    ? ExportFormat::Csv
                                : suffix == u"json" ? ExportFormat::Json
                                                    : ExportFormat::Xlsx;
    ExportOptions options;
    options.csvEncoding = settings->csvGb18030 ? CsvEncoding::Gb18030 : CsvEncoding::Utf8Bom;
    QString out = fi.absoluteFilePath();
    if (format == ExportFormat::Xlsx && suffix != u"xlsx")
        out += u".xlsx"_s;
    if (!single) {
        // Many reports: the chosen name is the batch file; one file per report goes beside it.
        options.batchBaseName = fi.completeBaseName();
        out = fi.absolutePath();
    }
    // Many reports: the progress shows at once, each report named as it is written, and Cancel
    // stops after the file being written (each file is whole: written aside, then renamed).
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0, int(reports.size()), parent);
    progress.setObjectName(u"exportProgress"_s);
    progress.setWindowTitle(tr("Export"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(single ? 400 : 0);
    QString error;
    const bool ok = Exporter::exportReports(
        reports, format, out, options, &error, [&progress, &reports](int n, int total) {
            progress.setMaximum(total);
            progress.setLabelText(n < reports.size()
                                      ? tr("Exporting %1 (%2 of %3)…")
                                            .arg(QFileInfo(reports[n].current.source).fileName())
                                            .arg(n + 1)
                                            .arg(total)
                                      : tr("Writing the batch file…"));
            progress.setValue(n);
            return !progress.wasCanceled();
        });
    const bool cancelled = progress.wasCanceled();
    progress.reset();
    if (!ok) {
        if (cancelled) {
            if (done)
                *done = tr("Export cancelled; the files written before stay in %1.")
                            .arg(QDir::toNativeSeparators(single ? fi.absolutePath() : out));
        } else if (!error.isEmpty()) {
            MessageBox::warning(parent, tr("Export failed"), error);
        }
        return false;
    }
    settings->folder = fi.absolutePath();
    if (done)
        *done = tr("Exported %n report(s) to %1", nullptr, int(reports.size()))
                    .arg(QDir::toNativeSeparators(single ? out : fi.absolutePath()));
    return true;
}

bool ExportFlow::runLetter(QWidget *parent, const ReviewedReport &report, Settings *settings, QString *done)
{
    const QString chosen = FileDialog::getSaveFileName(
        parent, tr("Export Letter"),
        QDir(settings->folder).filePath(LetterExport::baseName(report) + u".pdf"_s),
        tr("PDF (*.pdf);;Word document (*.docx)"));
    if (chosen.isEmpty())
        return false;
    const QFileInfo fi(chosen);
    QString out = fi.absoluteFilePath();
    const QString suffix = fi.suffix().toLower();
    if (suffix != u"pdf"_s && suffix != u"docx"_s)
        out += u".pdf"_s;
    QString error;
    if (!LetterExport::exportLetters({report}, out, ExportOptions(), &error)) {
        MessageBox::warning(parent, tr("Export failed"), error);
        return false;
    }
    settings->folder = fi.absolutePath();
    if (done)
        *done = tr("Letter written to %1").arg(QDir::toNativeSeparators(out));
    return true;
}

} // namespace nianbao::ui
