// The Help menu of the review window, opened from the menu offscreen: the rule catalogue against
// RuleCatalogue, the shortcut list against the window's own actions, the manual with its
// screenshots, About with the version, the data folder and the licence.
#include "../core/testutil.h"
#include "filedialog.h"
#include "helpdialogs.h"
#include "i18n/language.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "rules/catalogue.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

class TestHelp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init()
    {
        QSettings().clear();
        Language::set(u"en"_s);
    }
    void theRuleCatalogueListsEveryRuleAndSearches();
    void theShortcutListIsTheWindowsActions();
    void theManualOpensWithF1AndShowsItsScreenshots();
    void aboutSaysVersionDataFolderAndLicence();

private:
    /// The Help menu's action of that name, triggered as a click in the menu does.
    static void openFromHelp(MainWindow &w, const QString &actionName);
};

void TestHelp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_help"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NIANBAO_VERSION));
}

void TestHelp::openFromHelp(MainWindow &w, const QString &actionName)
{
    auto *help = w.menuBar()->findChild<QMenu *>(u"menuHelp"_s);
    QVERIFY(help);
    QAction *found = nullptr;
    for (QAction *a : help->actions())
        if (a->objectName() == actionName)
            found = a;
    QVERIFY2(found, qPrintable(actionName));
    QVERIFY(!found->text().isEmpty());
    found->trigger();
}

void TestHelp::theRuleCatalogueListsEveryRuleAndSearches()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    openFromHelp(w, u"actionRuleCatalogue"_s);
    auto *dialog = w.findChild<RuleCatalogueDialog *>(u"ruleCatalogueDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *list = dialog->findChild<QTreeWidget *>(u"ruleList"_s);
    auto *detail = dialog->findChild<QTextBrowser *>(u"ruleDetail"_s);
    auto *search = dialog->findChild<QLineEdit *>(u"ruleSearch"_s);
    QVERIFY(list && detail && search);

    // every rule, in the catalogue's order, each in full when chosen
    const QList<RuleInfo> &rules = RuleCatalogue::rules();
    QCOMPARE(list->topLevelItemCount(), rules.size());
    for (int i = 0; i < rules.size(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        QCOMPARE(item->text(0), rules[i].id);
        QCOMPARE(item->text(1), rules[i].nameEn);
        QCOMPARE(item->text(2), rules[i].severity == Finding::Severity::Error ? u"Error"_s : u"Warning"_s);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
        QCOMPARE(list->currentItem(), item);
        const QString text = detail->toPlainText();
        QVERIFY2(text.contains(rules[i].id) && text.contains(rules[i].nameEn), qPrintable(text));
        QVERIFY2(text.contains(RuleCatalogue::checksText(rules[i])), qPrintable(rules[i].id));
        QVERIFY2(text.contains(rules[i].whyEn), qPrintable(rules[i].id));
        QVERIFY2(text.contains(rules[i].exampleEn), qPrintable(rules[i].id));
    }

    // typed search: an id, a word of what a rule checks, nothing
    QTest::keyClicks(search, u"t4."_s);
    QCOMPARE(dialog->visibleRules(), QStringList{u"T4.TOTAL"_s});
    QVERIFY(detail->toPlainText().contains(RuleCatalogue::find(u"T4.TOTAL")->checksEn));
    search->clear();
    search->insert(u"信息处理费"_s); // as an input method puts Chinese text in
    QStringList expected;
    for (const RuleInfo &r : rules)
        if (QStringList{r.checks, r.why, r.example, r.name, r.checksEn, r.whyEn, r.exampleEn}
                .join(u' ')
                .contains(u"信息处理费"_s))
            expected.append(r.id);
    QVERIFY(expected.contains(u"FEE.SECTION"_s));
    QCOMPARE(dialog->visibleRules(), expected);
    search->clear();
    QTest::keyClicks(search, u"zzqx"_s);
    QVERIFY(dialog->visibleRules().isEmpty());
    QVERIFY(detail->toPlainText().contains(u"No rule matches"_s));
    search->clear();
    QCOMPARE(dialog->visibleRules().size(), rules.size());

    // asked from a finding: the rule chosen, even when the search hid it
    QTest::keyClicks(search, u"T3.BALANCE"_s);
    QVERIFY(dialog->showRule(u"DATE.LATE"_s));
    QCOMPARE(list->currentItem()->text(0), u"DATE.LATE"_s);
    QVERIFY(search->text().isEmpty());
    QVERIFY(detail->toPlainText().contains(RuleCatalogue::find(u"DATE.LATE")->whyEn));

    // in Chinese the names and texts follow
    QCOMPARE(Language::set(u"zh_CN"_s), u"zh_CN"_s);
    QCOMPARE(list->topLevelItem(0)->text(1), rules[0].name);
    QCOMPARE(list->currentItem()->text(0), u"DATE.LATE"_s);
    QVERIFY(detail->toPlainText().contains(RuleCatalogue::find(u"DATE.LATE")->why));
    QVERIFY(detail->toPlainText().contains(RuleCatalogue::find(u"DATE.LATE")->example));
}

void TestHelp::theShortcutListIsTheWindowsActions()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    openFromHelp(w, u"actionShortcuts"_s);
    auto *dialog = w.findChild<ShortcutsDialog *>(u"shortcutsDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *list = dialog->findChild<QTreeWidget *>(u"shortcutList"_s);
    QVERIFY(list);
    auto rows = [list] {
        QHash<QString, QStringList> out; // command → keys, where
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            out.insert(list->topLevelItem(i)->text(0),
                       {list->topLevelItem(i)->text(1), list->topLevelItem(i)->text(2)});
        return out;
    };

    // every action of the window with a shortcut is listed once, with its keys
    QSet<QAction *> withKeys;
    for (QAction *a : w.findChildren<QAction *>())
        if (!a->shortcuts().isEmpty() && !a->isSeparator() &&
            !ShortcutsDialog::plainText(a->text()).isEmpty())
            withKeys.insert(a);
    QCOMPARE(list->topLevelItemCount(), withKeys.size());
    const QHash<QString, QStringList> listed = rows();
    for (QAction *a : std::as_const(withKeys)) {
        const QString command = ShortcutsDialog::plainText(a->text());
        QVERIFY2(listed.contains(command), qPrintable(command));
        QVERIFY2(listed.value(command).first().contains(a->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(command));
    }
    // no key is bound twice where both bindings are live: Qt would run neither ("ambiguous")
    QHash<QString, QString> windowWide; // key → command
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->shortcutContext() != Qt::WindowShortcut && a->shortcutContext() != Qt::ApplicationShortcut)
            continue;
        for (const QKeySequence &k : a->shortcuts()) {
            const QString key = k.toString(QKeySequence::PortableText);
            QVERIFY2(!windowWide.contains(key),
                     qPrintable(u"%1: %2 and %3"_s.arg(key, windowWide.value(key), a->objectName())));
            windowWide.insert(key, a->objectName());
        }
    }
    // the keys a reviewer asks about most
    QCOMPARE(listed.value(u"Accept Suggestion"_s).value(0), u"A"_s);
    QVERIFY2(listed.value(u"Accept Suggestion"_s).value(1).contains(u"Findings list"_s),
             qPrintable(listed.value(u"Accept Suggestion"_s).value(1)));
    QCOMPARE(listed.value(u"Next Finding"_s).value(0), u"F8"_s);
    QVERIFY(listed.value(u"Next Finding"_s).value(1).startsWith(u"Go"_s));
    QCOMPARE(listed.value(u"Confirm Finding"_s).value(0), u"C"_s);
    QVERIFY(listed.value(u"Open Reports"_s)
                .value(0)
                .contains(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));

    // a key changed is what the list says the next time it is opened
    auto *next = w.findChild<QAction *>(u"actionNextFinding"_s);
    next->setShortcut(QKeySequence(Qt::Key_F9));
    dialog->close();
    openFromHelp(w, u"actionShortcuts"_s);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(rows().value(u"Next Finding"_s).value(0), u"F9"_s);
    // and in Chinese the commands are the menus' words
    QCOMPARE(Language::set(u"zh_CN"_s), u"zh_CN"_s);
    QVERIFY(!rows().contains(u"Next Finding"_s));
    QCOMPARE(rows().value(ShortcutsDialog::plainText(next->text())).value(0), u"F9"_s);
}

void TestHelp::theManualOpensWithF1AndShowsItsScreenshots()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_F1);
    auto *dialog = w.findChild<ManualDialog *>(u"manualDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTextBrowser *browser = dialog->browser();
    const QString text = browser->toPlainText();
    QVERIFY2(text.startsWith(u"年报审校 使用手册"_s), qPrintable(text.left(40)));
    // it speaks of what the window does, and with its keys
    for (const QString &word : {u"采纳建议"_s, u"规则目录"_s, u"F8"_s, u"Ctrl+Z"_s, u"修改记录"_s})
        QVERIFY2(text.contains(word), qPrintable(word));
    // the manual file is the one in doc/, and each of its screenshots loads
    QCOMPARE(QString::fromUtf8(testutil::readBytes(u":/help/manual.zh.md"_s)),
             QString::fromUtf8(testutil::readBytes(testutil::dataPath(u"../../doc/manual.zh.md"_s))));
    int images = 0;
    for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (!f.isImageFormat())
                continue;
            const QString name = f.toImageFormat().name();
            const QImage image =
                browser->loadResource(QTextDocument::ImageResource, QUrl(name)).value<QImage>();
            QVERIFY2(!image.isNull(), qPrintable(name));
            QVERIFY(image.width() <= qMax(320, browser->viewport()->width() - 40));
            ++images;
        }
    QVERIFY(images >= 4);
    // the same manual is one of the README's
    const QString readme = QString::fromUtf8(testutil::readBytes(testutil::dataPath(u"../../README.md"_s)));
    QVERIFY(readme.contains(u"(doc/manual.zh.md)"_s));
}

void TestHelp::aboutSaysVersionDataFolderAndLicence()
{
    MainWindow w;
    const QString db = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                           .filePath(u"tst_help-%1.sqlite"_s.arg(QCoreApplication::applicationPid()));
    TextDialog::setNextText(u"审校员甲"_s);
    QVERIFY(w.setDatabase(db));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    openFromHelp(w, u"actionAbout"_s);
    auto *dialog = w.findChild<AboutDialog *>(u"aboutDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString text = dialog->findChild<QLabel *>(u"aboutText"_s)->text();
    QVERIFY2(text.contains(QStringLiteral(NIANBAO_VERSION)), qPrintable(text));
    QVERIFY(text.contains(QDir::toNativeSeparators(AboutDialog::dataFolder()).toHtmlEscaped()));
    QVERIFY(text.contains(QDir::toNativeSeparators(db).toHtmlEscaped()));
    QVERIFY(text.contains(u"GPL-3.0-or-later"_s));
    const QString licence = dialog->findChild<QTextBrowser *>(u"licenceText"_s)->toPlainText();
    QCOMPARE(licence.trimmed(),
             QString::fromUtf8(testutil::readBytes(testutil::dataPath(u"../../LICENSE"_s))).trimmed());
    QVERIFY(licence.contains(u"GNU GENERAL PUBLIC LICENSE"_s));
    dialog->close();
    w.close();
    QFile::remove(db);
}

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
