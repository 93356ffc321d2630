#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace nianbao::ui {

class AboutDialog;
class MainWindow;
class ManualDialog;
class RuleCatalogueDialog;
class ShortcutsDialog;

/// The Help menu: the user manual (F1), the rule catalogue, the keyboard shortcuts and About.
/// Each dialog is made when first asked for and kept, beside the window (not modal).
class HelpMenu : public QObject
{
    Q_OBJECT
public:
    HelpMenu(MainWindow *window, QMenu *menu);

    void retranslateUi();
    /// Opens the rule catalogue at a rule (from a finding).
    void showRule(const QString &id);

    RuleCatalogueDialog *ruleCatalogue();
    ShortcutsDialog *shortcuts();
    ManualDialog *manual();
    AboutDialog *about();

private:
    MainWindow *m_window;
    QAction *m_manual;
    QAction *m_rules;
    QAction *m_shortcuts;
    QAction *m_about;
    QPointer<RuleCatalogueDialog> m_rulesDialog;
    QPointer<ShortcutsDialog> m_shortcutsDialog;
    QPointer<ManualDialog> m_manualDialog;
    QPointer<AboutDialog> m_aboutDialog;
};

} // namespace nianbao::ui
