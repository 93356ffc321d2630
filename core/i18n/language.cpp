#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

// Read from any thread (an export, the rules), written by set() on the main thread.
std::atomic<bool> g_english{false};
QString g_chosen = u"zh_CN"_s;
QPointer<QTranslator> g_own;
QPointer<QTranslator> g_qt;

void removeTranslators()
{
    for (QPointer<QTranslator> *t : {&g_own, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    }
}

QTranslator *load(const QString &name, const QString &folder)
{
    auto *t = new QTranslator(QCoreApplication::instance());
    if (t->load(name, folder) && QCoreApplication::installTranslator(t))
        return t;
    delete t;
    return nullptr;
}

} // namespace

Language *Language::instance()
{
    // Owned for the program's life; reachable, so no leak is reported.
    static Language *language = new Language;
    return language;
}

QString Language::current()
{
    return isEnglish() ? u"en"_s : u"zh_CN"_s;
}

bool Language::isEnglish()
{
    return g_english.load(std::memory_order_relaxed);
}

QString Language::chosen()
{
    return g_chosen;
}

QString Language::systemLanguage()
{
    return QLocale().language() == QLocale::Chinese ? u"zh_CN"_s : u"en"_s;
}

QString Language::set(const QString &language)
{
    g_chosen = language;
    const QString lang = language.isEmpty() ? systemLanguage() : language;
    const bool toEnglish = !lang.startsWith(u"zh"_s);
    removeTranslators();
    if (!toEnglish && QCoreApplication::instance()) {
        g_own = load(u"nianbao_zh_CN"_s, u":/i18n"_s);
        g_qt = load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    }
    const bool was = g_english.exchange(toEnglish);
    if (was != toEnglish)
        Q_EMIT instance()->changed(current());
    return current();
}

QString Language::pick(const QString &zh, const QString &en)
{
    return isEnglish() && !en.isEmpty() ? en : zh;
}

} // namespace nianbao
