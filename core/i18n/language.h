#pragma once

#include <QString>

class QCoreApplication;

namespace nianbao {

/// Installs the program's and Qt's translations for a language ("zh_CN", "en", or "" for the
/// system's). Returns the language in use.
QString installTranslations(QCoreApplication *app, const QString &language = {});
QString systemLanguage();

} // namespace nianbao
