#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QString systemLanguage()
{
    const QLocale l;
    return l.language() == QLocale::Chinese ? u"zh_CN"_s : u"en"_s;
}

QString installTranslations(QCoreApplication *app, const QString &language)
{
    static QTranslator *own = nullptr;
    static QTranslator *qt = nullptr;
    if (own) {
        app->removeTranslator(own);
        delete own;
        own = nullptr;
    }
    if (qt) {
        app->removeTranslator(qt);
        delete qt;
        qt = nullptr;
    }
    const QString lang = language.isEmpty() ? systemLanguage() : language;
    if (lang.startsWith(u"zh"_s)) {
        own = new QTranslator(app);
        if (own->load(u":/i18n/nianbao_zh_CN.qm"_s))
            app->installTranslator(own);
        qt = new QTranslator(app);
        if (qt->load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app->installTranslator(qt);
    }
    return lang.startsWith(u"zh"_s) ? u"zh_CN"_s : u"en"_s;
}

} // namespace nianbao
