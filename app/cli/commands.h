#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace nianbao::cli {

/// The commands of nianbao-cli. Each returns the process exit status.
class Commands
{
    Q_DECLARE_TR_FUNCTIONS(Commands)
public:
    Commands(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    int extract(const QString &path, bool pretty, bool english);
    int check(const QStringList &paths, bool english, int jobs);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace nianbao::cli
