#include "helpmenu.h"

#include "helpdialogs.h"
#include "mainwindow.h"
#include "session/reviewsession.h"

#include <QAction>
#include <QMenu>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

namespace {

void present(QDialog *dialog)
{
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace

HelpMenu::HelpMenu(MainWindow *window, QMenu *menu) : QObject(window), m_window(window)
{
    setObjectName(u"helpMenu"_s);
    auto make = [window](const char *name, const QKeySequence &key) {
        auto *a = new QAction(window);
        a->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        window->addAction(a);
        return a;
    };
    m_manual = make("actionManual", QKeySequence::HelpContents);
    connect(m_manual, &QAction::triggered, this, [this] { present(manual()); });
    m_rules = make("actionRuleCatalogue", QKeySequence(u"Ctrl+F1"_s));
    connect(m_rules, &QAction::triggered, this, [this] { present(ruleCatalogue()); });
    m_shortcuts = make("actionShortcuts", QKeySequence(u"Ctrl+/"_s));
    connect(m_shortcuts, &QAction::triggered, this, [this] {
        shortcuts()->refresh(); // the keys as they are now
        present(shortcuts());
    });
    m_about = make("actionAbout", {});
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        if (m_aboutDialog)
            m_aboutDialog->deleteLater(); // the database may have changed
        m_aboutDialog = nullptr;
        present(about());
    });
    menu->addActions({m_manual, m_rules, m_shortcuts});
    menu->addSeparator();
    menu->addAction(m_about);
}

void HelpMenu::retranslateUi()
{
    m_manual->setText(tr("User &Manual"));
    m_rules->setText(tr("&Rule Catalogue"));
    m_rules->setToolTip(tr("Every rule the checker applies: what it checks, why, an example"));
    m_shortcuts->setText(tr("&Keyboard Shortcuts"));
    m_about->setText(tr("&About Nianbao"));
}

void HelpMenu::showRule(const QString &id)
{
    ruleCatalogue()->showRule(id);
    present(ruleCatalogue());
}

RuleCatalogueDialog *HelpMenu::ruleCatalogue()
{
    if (!m_rulesDialog)
        m_rulesDialog = new RuleCatalogueDialog(m_window);
    return m_rulesDialog;
}

ShortcutsDialog *HelpMenu::shortcuts()
{
    if (!m_shortcutsDialog)
        m_shortcutsDialog = new ShortcutsDialog(m_window, m_window);
    return m_shortcutsDialog;
}

ManualDialog *HelpMenu::manual()
{
    if (!m_manualDialog)
        m_manualDialog = new ManualDialog(m_window);
    return m_manualDialog;
}

AboutDialog *HelpMenu::about()
{
    if (!m_aboutDialog) {
        const StoreState state = m_window->session()->storeState();
        m_aboutDialog = new AboutDialog(state.open ? state.location : QString(), m_window);
    }
    return m_aboutDialog;
}

} // namespace nianbao::ui
