#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QAction;
class QLabel;
class QLineEdit;
class QMainWindow;
class QTextBrowser;
class QTreeWidget;

namespace nianbao::ui {

/// Help ▸ Rule Catalogue: every rule of the checker (RuleCatalogue) with its id, short name and
/// severity, searched as one types (id, name, what it checks, why, example, in either language);
/// the rule chosen in full beside the list.
class RuleCatalogueDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RuleCatalogueDialog(QWidget *parent = nullptr);

    /// Chooses a rule by its id (clears the search when it hides it); false when there is none.
    bool showRule(const QString &id);
    /// The ids listed now, in order (the search applied).
    QStringList visibleRules() const;
    void retranslateUi();

private:
    void fill();
    void filter(const QString &text);
    void showDetail();

    QLineEdit *m_search;
    QTreeWidget *m_list;
    QTextBrowser *m_detail;
};

/// Help ▸ Keyboard Shortcuts: every action of the window with a shortcut, read from the window's
/// QActions as they are now (menus first, in menu order, then those of a pane only), so the list
/// cannot differ from what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString command; // the action's text, without accelerator and ellipsis
        QString keys;    // its shortcuts, as the platform writes them
        QString where;   // the menu it is in, or the pane where it works
        const QAction *action = nullptr;
    };
    explicit ShortcutsDialog(QMainWindow *window, QWidget *parent = nullptr);

    /// The window's actions with a shortcut, as the dialog lists them.
    static QList<Entry> entries(const QMainWindow *window);
    /// A menu or action text without its accelerator (&O, (&O)) and ellipsis.
    static QString plainText(const QString &text);
    /// Lists the actions again (their texts and keys follow the language).
    void refresh();

private:
    QMainWindow *m_window;
    QTreeWidget *m_list;
};

/// Help ▸ User Manual: the short manual in Chinese (doc/manual.zh.md, with its screenshots) as a
/// resource shown in a QTextBrowser; the same file is the README's manual.
class ManualDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ManualDialog(QWidget *parent = nullptr);
    QTextBrowser *browser() const { return m_browser; }
    /// The manual's resource.
    static QString source();

private:
    QTextBrowser *m_browser;
};

/// Help ▸ About: version, the data folder and the review database, the licence (GPL-3.0-or-later)
/// with its full text.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString &databaseLocation, QWidget *parent = nullptr);
    /// The user's data folder (where reviews.sqlite and the offline changes are kept).
    static QString dataFolder();

private:
    QLabel *m_text;
    QTextBrowser *m_licence;
};

} // namespace nianbao::ui
