#include "helpdialogs.h"

#include "i18n/language.h"
#include "rules/catalogue.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

namespace {

/// A dialog's buttons: Close.
QDialogButtonBox *closeButtons(QDialog *dialog)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

QString severityText(const RuleInfo &r)
{
    return r.severity == Finding::Severity::Error ? RuleCatalogueDialog::tr("Error")
                                                  : RuleCatalogueDialog::tr("Warning");
}

/// Shows the manual's screenshots no wider than the page.
class ManualBrowser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        const QVariant v = QTextBrowser::loadResource(type, name);
        if (type != QTextDocument::ImageResource)
            return v;
        QImage image;
        if (v.canConvert<QByteArray>())
            image.loadFromData(v.toByteArray());
        else
            image = v.value<QImage>();
        const int room = qMax(320, viewport()->width() - 40);
        if (!image.isNull() && image.width() > room)
            return image.scaledToWidth(room, Qt::SmoothTransformation);
        return image.isNull() ? v : QVariant(image);
    }
};

} // namespace

// ---- the rule catalogue ---------------------------------------------------------------------

RuleCatalogueDialog::RuleCatalogueDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"ruleCatalogueDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"ruleSearch"_s);
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_list = new QTreeWidget(split);
    m_list->setObjectName(u"ruleList"_s);
    m_list->setColumnCount(3);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_detail = new QTextBrowser(split);
    m_detail->setObjectName(u"ruleDetail"_s);
    split->addWidget(m_list);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    layout->addWidget(closeButtons(this));
    connect(m_search, &QLineEdit::textChanged, this, &RuleCatalogueDialog::filter);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RuleCatalogueDialog::showDetail);
    connect(Language::instance(), &Language::changed, this, &RuleCatalogueDialog::retranslateUi);
    resize(fontMetrics().horizontalAdvance(u'M') * 90, fontMetrics().height() * 34);
    retranslateUi();
}

void RuleCatalogueDialog::retranslateUi()
{
    setWindowTitle(tr("Rule Catalogue"));
    m_search->setPlaceholderText(tr("Search the rules: id, name, what they check"));
    m_list->setHeaderLabels({tr("Rule"), tr("Name"), tr("Severity")});
    const QString chosen = m_list->currentItem() ? m_list->currentItem()->text(0) : QString();
    fill();
    if (!chosen.isEmpty())
        showRule(chosen);
}

void RuleCatalogueDialog::fill()
{
    m_list->clear();
    for (const RuleInfo &r : RuleCatalogue::rules()) {
        auto *item = new QTreeWidgetItem(m_list, {r.id, Language::pick(r.name, r.nameEn), severityText(r)});
        item->setToolTip(1, RuleCatalogue::checksText(r));
    }
    for (int c = 0; c < m_list->columnCount(); ++c)
        m_list->resizeColumnToContents(c);
    filter(m_search->text());
}

void RuleCatalogueDialog::filter(const QString &text)
{
    const QString needle = text.trimmed();
    QTreeWidgetItem *firstShown = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const RuleInfo *r = RuleCatalogue::find(item->text(0));
        bool match = needle.isEmpty();
        if (!match && r)
            for (const QString &s : {r->id, r->name, r->nameEn, r->checks, r->checksEn, r->why, r->whyEn,
                                     r->example, r->exampleEn})
                match |= s.contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !firstShown)
            firstShown = item;
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstShown);
    showDetail();
}

void RuleCatalogueDialog::showDetail()
{
    QTreeWidgetItem *item = m_list->currentItem();
    const RuleInfo *r = item && !item->isHidden() ? RuleCatalogue::find(item->text(0)) : nullptr;
    if (!r) {
        m_detail->setHtml(u"<p>%1</p>"_s.arg(tr("No rule matches the search.").toHtmlEscaped()));
        return;
    }
    auto para = [](const QString &title, const QString &text) {
        return u"<p><b>%1</b><br>%2</p>"_s.arg(title.toHtmlEscaped(), text.toHtmlEscaped());
    };
    m_detail->setHtml(u"<h3><code>%1</code> %2</h3>"_s.arg(
                          r->id.toHtmlEscaped(), Language::pick(r->name, r->nameEn).toHtmlEscaped()) +
                      para(tr("Severity"), severityText(*r)) +
                      para(tr("What it checks"), RuleCatalogue::checksText(*r)) +
                      para(tr("Why it matters"), Language::pick(r->why, r->whyEn)) +
                      para(tr("Example"), Language::pick(r->example, r->exampleEn)));
}

bool RuleCatalogueDialog::showRule(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(0) != id)
            continue;
        if (item->isHidden())
            m_search->clear();
        m_list->setCurrentItem(item);
        m_list->scrollToItem(item);
        showDetail();
        return true;
    }
    return false;
}

QStringList RuleCatalogueDialog::visibleRules() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (!m_list->topLevelItem(i)->isHidden())
            out.append(m_list->topLevelItem(i)->text(0));
    return out;
}

// ---- the shortcuts ---------------------------------------------------------------------------

ShortcutsDialog::ShortcutsDialog(QMainWindow *window, QWidget *parent) : QDialog(parent), m_window(window)
{
    setObjectName(u"shortcutsDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"shortcutList"_s);
    m_list->setColumnCount(3);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    layout->addWidget(m_list, 1);
    layout->addWidget(closeButtons(this));
    resize(fontMetrics().horizontalAdvance(u'M') * 64, fontMetrics().height() * 36);
    connect(Language::instance(), &Language::changed, this, &ShortcutsDialog::refresh);
    refresh();
}

QString ShortcutsDialog::plainText(const QString &text)
{
    static const QRegularExpression accel(u"\\(&[^)]\\)"_s); // 打开(&O)
    QString s = text;
    s.remove(accel);
    s.replace(u"&&"_s, u"\x01"_s);
    s.remove(u'&');
    s.replace(u'\x01', u'&');
    s = s.trimmed();
    if (s.endsWith(u"…"_s))
        s.chop(1);
    else if (s.endsWith(u"..."_s))
        s.chop(3);
    return s.trimmed();
}

namespace {

QString keysText(const QAction *a)
{
    QStringList keys;
    for (const QKeySequence &k : a->shortcuts())
        keys.append(k.toString(QKeySequence::NativeText));
    return keys.join(u"  /  "_s);
}

/// Where a shortcut of a pane works: the panes the action is added to.
QString panesOf(const QAction *a)
{
    QStringList panes;
    for (const QObject *o : a->associatedObjects()) {
        const auto *w = qobject_cast<const QWidget *>(o);
        if (!w || qobject_cast<const QMenu *>(w) || qobject_cast<const QMainWindow *>(w))
            continue;
        const QString name = w->objectName();
        QString pane;
        if (name == u"findingsView"_s)
            pane = ShortcutsDialog::tr("Findings list");
        else if (name == u"reportQueue"_s)
            pane = ShortcutsDialog::tr("Reports list");
        else if (name == u"correctionsView"_s)
            pane = ShortcutsDialog::tr("Corrections");
        else if (name == u"tables"_s || name.startsWith(u"table_"_s))
            pane = ShortcutsDialog::tr("Tables");
        else if (!w->accessibleName().isEmpty())
            pane = w->accessibleName();
        if (!pane.isEmpty() && !panes.contains(pane))
            panes.append(pane);
    }
    return panes.join(u", "_s);
}

void fromMenu(const QMenu *menu, const QString &path, QSet<const QAction *> *seen,
              QList<ShortcutsDialog::Entry> *out)
{
    for (const QAction *a : menu->actions()) {
        if (a->menu()) {
            fromMenu(a->menu(), path + u" ▸ "_s + ShortcutsDialog::plainText(a->menu()->title()), seen, out);
            continue;
        }
        if (a->isSeparator() || a->shortcuts().isEmpty() || seen->contains(a))
            continue;
        seen->insert(a);
        QString where = path;
        if (a->shortcutContext() != Qt::WindowShortcut && a->shortcutContext() != Qt::ApplicationShortcut) {
            const QString panes = panesOf(a);
            if (!panes.isEmpty())
                where = ShortcutsDialog::tr("%1 (in the %2)", "a menu, and the panes where its key works")
                            .arg(path, panes);
        }
        out->append({ShortcutsDialog::plainText(a->text()), keysText(a), where, a});
    }
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries(const QMainWindow *window)
{
    QList<Entry> out;
    QSet<const QAction *> seen;
    // the menus first, in their order
    for (const QAction *a : window->menuBar()->actions())
        if (a->menu())
            fromMenu(a->menu(), plainText(a->menu()->title()), &seen, &out);
    // then the keys of a pane only
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (seen.contains(a) || a->isSeparator() || a->shortcuts().isEmpty() ||
            plainText(a->text()).isEmpty())
            continue;
        seen.insert(a);
        out.append({plainText(a->text()), keysText(a), panesOf(a), a});
    }
    return out;
}

void ShortcutsDialog::refresh()
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list->setHeaderLabels({tr("Command"), tr("Shortcut"), tr("Where")});
    m_list->clear();
    for (const Entry &e : entries(m_window)) {
        auto *item = new QTreeWidgetItem(m_list, {e.command, e.keys, e.where});
        item->setToolTip(0, plainText(e.action->toolTip()));
    }
    for (int c = 0; c < m_list->columnCount(); ++c)
        m_list->resizeColumnToContents(c);
}

// ---- the manual ------------------------------------------------------------------------------

ManualDialog::ManualDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"manualDialog"_s);
    setWindowTitle(tr("User Manual"));
    auto *layout = new QVBoxLayout(this);
    m_browser = new ManualBrowser(this);
    m_browser->setObjectName(u"manualBrowser"_s);
    m_browser->setOpenExternalLinks(true);
    layout->addWidget(m_browser, 1);
    layout->addWidget(closeButtons(this));
    resize(fontMetrics().horizontalAdvance(u'M') * 72, fontMetrics().height() * 40);
    m_browser->setSource(QUrl(source()), QTextDocument::MarkdownResource);
}

QString ManualDialog::source()
{
    return u"qrc:/help/manual.zh.md"_s;
}

// ---- about -----------------------------------------------------------------------------------

QString AboutDialog::dataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

AboutDialog::AboutDialog(const QString &databaseLocation, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Nianbao"));
    auto *layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(u"aboutText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    const QString folder = QDir::toNativeSeparators(dataFolder());
    const QString database = databaseLocation.isEmpty() ? tr("none: corrections are not kept")
                                                        : QDir::toNativeSeparators(databaseLocation);
    m_text->setText(
        u"<h2>%1 %2</h2><p>%3</p><p><b>%4</b> <a href=\"%5\">%6</a><br><b>%7</b> %8</p><p><b>%9</b> %10</p>"
        u"<p>%11</p>"_s.arg(tr("Nianbao").toHtmlEscaped(), QApplication::applicationVersion().toHtmlEscaped(),
                            tr("Review of government information-disclosure annual reports: the source "
                               "beside its three tables, checked live against the form's identities.")
                                .toHtmlEscaped(),
                            tr("Data folder:").toHtmlEscaped(), QUrl::fromLocalFile(dataFolder()).toString(),
                            folder.toHtmlEscaped(), tr("Review database:").toHtmlEscaped(),
                            database.toHtmlEscaped(), tr("Licence:").toHtmlEscaped(),
                            tr("GNU General Public License, version 3 or later (GPL-3.0-or-later). It comes "
                               "with no warranty; the full text follows.")
                                .toHtmlEscaped(),
                            tr("Built with Qt %1.").arg(QString::fromLatin1(qVersion())).toHtmlEscaped()));
    layout->addWidget(m_text);
    m_licence = new QTextBrowser(this);
    m_licence->setObjectName(u"licenceText"_s);
    QFile licence(u":/help/LICENSE"_s);
    if (licence.open(QIODevice::ReadOnly))
        m_licence->setPlainText(QString::fromUtf8(licence.readAll()));
    m_licence->setLineWrapMode(QTextEdit::NoWrap);
    layout->addWidget(m_licence, 1);
    layout->addWidget(closeButtons(this));
    resize(fontMetrics().horizontalAdvance(u'M') * 62, fontMetrics().height() * 32);
}

} // namespace nianbao::ui
