#include "printflow.h"

#include "export/reportprint.h"
#include "export/safewrite.h"

#include <QFile>

#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

QString PrintFlow::s_nextPdf;

namespace {

void setUp(QPrinter &printer, const ReviewedReport &report)
{
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(5, 5, 5, 5),
                                      QPageLayout::Millimeter));
    printer.setDocName(report.current.unit.isEmpty() ? report.current.source : report.current.unit);
    printer.setCreator(report.reviewer);
}

} // namespace

void PrintFlow::setNextPdfFile(const QString &path)
{
    s_nextPdf = path;
}

bool PrintFlow::print(QWidget *parent, const ReviewedReport &report)
{
    QPrinter printer(QPrinter::HighResolution);
    setUp(printer, report);
    if (!s_nextPdf.isEmpty()) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(s_nextPdf);
        s_nextPdf.clear();
    } else {
        QPrintDialog dialog(&printer, parent);
        dialog.setWindowTitle(tr("Print Report"));
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    ReportPrint::print(report, &printer);
    if (printer.outputFormat() == QPrinter::PdfFormat) {
        // Printed to a PDF file: its text searchable as it reads (ReportPrint::fixTextMaps).
        QFile f(printer.outputFileName());
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray fixed = ReportPrint::fixTextMaps(f.readAll());
            f.close();
            SafeWrite::writeFile(printer.outputFileName(), fixed, nullptr);
        }
    }
    return true;
}

void PrintFlow::preview(QWidget *parent, const ReviewedReport &report)
{
    QPrinter printer(QPrinter::HighResolution);
    setUp(printer, report);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setObjectName(u"printPreview"_s);
    dialog.setWindowTitle(tr("Print Preview"));
    dialog.resize(parent ? parent->size() * 0.9 : QSize(1000, 700));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&report](QPrinter *p) { ReportPrint::print(report, p); });
    dialog.exec();
}

} // namespace nianbao::ui
