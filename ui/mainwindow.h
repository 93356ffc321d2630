#pragma once

#include <QMainWindow>

class QPlainTextEdit;
class QListWidget;

namespace nianbao::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    void openPaths(const QStringList &paths);

private:
    QPlainTextEdit *m_source;
    QListWidget *m_findings;
};

} // namespace nianbao::ui
