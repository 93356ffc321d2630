#pragma once

#include <QStringList>

class QWidget;

namespace nianbao::ui {

/// File dialogs through one door, so a test can answer them in advance.
class FileDialog
{
public:
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                        const QString &filter);
    static QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &path,
                                   const QString &filter);
    /// The next dialog returns these names without being shown (empty list = cancelled).
    static void setNextFileNames(const QStringList &names);
    static void setNextFileName(const QString &name) { setNextFileNames({name}); }

private:
    static QStringList s_next;
    static bool s_hasNext;
};

/// A choice from a list (the row to move values to), answerable in advance by a test.
class ItemDialog
{
public:
    /// The index of the chosen item, or −1 when cancelled.
    static int getItem(QWidget *parent, const QString &title, const QString &label, const QStringList &items,
                       int current);
    static void setNextIndex(int index);

private:
    static int s_next;
    static bool s_hasNext;
};

/// A line of text (the reviewer's name, a password), answerable in advance by a test.
class TextDialog
{
public:
    /// The text entered, or a null string when cancelled.
    static QString getText(QWidget *parent, const QString &title, const QString &label, const QString &text);
    /// A password, typed hidden; a null string when cancelled. Answered by setNextText too.
    static QString getPassword(QWidget *parent, const QString &title, const QString &label);
    static void setNextText(const QString &text);
    /// An answer is set and no dialog has taken it yet; clearNextText() drops it.
    static bool hasNextText() { return s_hasNext; }
    static void clearNextText();

private:
    static QString s_next;
    static bool s_hasNext;
};

} // namespace nianbao::ui
