#pragma once

#include <QObject>
#include <QString>

namespace nianbao {

/// The language of the program: one current language that every part asks, and Qt's translators
/// for it. The texts written with tr() follow the translators; the texts kept as data in both
/// languages (template labels, finding messages) are chosen with pick(). Nothing passes a
/// language through calls.
///
/// Until set() is called the language is the form's, Chinese, with no translator installed (tr()
/// then gives the English source texts): what a program that never chooses, such as a test of
/// the core, writes into its files.
class Language : public QObject
{
    Q_OBJECT
public:
    /// The object that says when the language changes.
    static Language *instance();

    /// The language in use: "zh_CN" or "en".
    static QString current();
    static bool isEnglish();
    /// The language asked for last: "zh_CN", "en", or "" for the system's.
    static QString chosen();
    /// Makes a language current ("zh_CN", "en", or "" for the system's) and installs Qt's and the
    /// program's translators for it; changed() follows when the language in use is another.
    /// Returns the language in use.
    static QString set(const QString &language);
    /// The system's language as the program speaks it: "zh_CN" for any Chinese locale, else "en".
    static QString systemLanguage();

    /// One of two texts kept in both languages: the English one when English is in use and
    /// there is one, else the Chinese.
    static QString pick(const QString &zh, const QString &en);

Q_SIGNALS:
    /// The language in use changed (after the translators were installed).
    void changed(const QString &language);

private:
    Language() = default;
};

} // namespace nianbao
