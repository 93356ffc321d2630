#include "mainwindow.h"

#include "pipeline/reportreader.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>

namespace nianbao::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_source(new QPlainTextEdit(this)), m_findings(new QListWidget(this))
{
    auto *split = new QSplitter(this);
    m_source->setReadOnly(true);
    split->addWidget(m_source);
    split->addWidget(m_findings);
    setCentralWidget(split);
    resize(1200, 800);
}

void MainWindow::openPaths(const QStringList &paths)
{
    for (const QString &p : ReportReader::expandPaths(paths)) {
        const ReadResult r = ReportReader::read(p);
        m_source->setPlainText(r.ok ? r.report.text : r.error);
        m_findings->clear();
        for (const Finding &f : r.findings)
            m_findings->addItem(f.rule + QLatin1Char(' ') + f.message);
    }
}

} // namespace nianbao::ui
