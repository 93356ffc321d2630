// The checks of the report as a document (report-format §7): real corpus files rewritten inside
// the test to break exactly one thing, and silence on the files as published.
#include "testutil.h"

#include "checks/documentchecks.h"
#include "review/review.h"
#include "rules/catalogue.h"
#include "session/reviewsession.h"

#include "extract/metadatareader.h"
#include "text/normalizer.h"
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

/// A rewrite of a file's text: every occurrence of `from` becomes `to` (an empty `to` removes it).
struct Rewrite
{
    QString from;
    QString to;
};

bool isDocumentRule(const QString &rule)
{
    return rule.startsWith(u"STRUCTURE."_s) || rule.startsWith(u"TEMPLATE."_s) || rule == u"DATE.LATE"_s ||
           rule == u"FEE.SECTION"_s || rule == u"TEXT.REPEATED"_s;
}

QStringList documentRules(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        if (isDocumentRule(f.rule))
            out.append(f.rule);
    out.sort();
    return out;
}

} // namespace

Q_DECLARE_METATYPE(QList<Rewrite>)

class TestChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void publishedFilesHaveOnlyTheirOwnFindings_data();
    void publishedFilesHaveOnlyTheirOwnFindings();
    void oneThingBrokenIsFound_data();
    void oneThingBrokenIsFound();
    void aCopyOfLastYearsReportIsFound();
    void bodyAndYearAreThoseTheReportNames_data();
    void bodyAndYearAreThoseTheReportNames();
    void bodyAndYearAtTheEdgesOfTheText();
    void bodyKindIsTakenFromTheName_data();
    void bodyKindIsTakenFromTheName();
    void catalogueHasEveryRuleTheReadmeLists();

private:
    QString write(const QString &name, const QString &text);
    QTemporaryDir m_dir;
};

void TestChecks::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestChecks::write(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(text.toUtf8());
    return path;
}

void TestChecks::publishedFilesHaveOnlyTheirOwnFindings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("rules");
    QTest::newRow("a street office's report is silent")
        << u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s << QStringList();
    QTest::newRow("a district office's tab-separated report is silent")
        << u"corpus/seeds/001_bff1b9e23c617db0.txt"_s << QStringList();
    QTest::newRow("a township's period printed to 12月3日 is its one finding")
        << u"corpus/seeds/002_f891356e150a22f8.txt"_s << QStringList{u"STRUCTURE.PERIOD"_s};
    QTest::newRow("a Traditional-character report is silent")
        << u"corpus/seeds/003_2ee7e895fb2dacb9.txt"_s << QStringList();
    QTest::newRow("a 2021 report printing (六) as one row lacks the form's sub-items")
        << u"corpus/seeds/004_c7d8b163796d4c79.txt"_s << QStringList{u"TEMPLATE.ROW_MISSING"_s};
    QTest::newRow("a clean web page is silent") << u"corpus/real/hangzhou_style_2025.html"_s << QStringList();
    QTest::newRow("hongze 2023: the typo 其他法律行政止公开 and (六) as one row")
        << u"corpus/real/hongze_2023.pdf"_s
        << QStringList{u"TEMPLATE.LABEL_CHANGED"_s, u"TEMPLATE.ROW_MISSING"_s};
    QTest::newRow("hongze 2024: the same form")
        << u"corpus/real/hongze_2024.pdf"_s
        << QStringList{u"TEMPLATE.LABEL_CHANGED"_s, u"TEMPLATE.ROW_MISSING"_s};
    QTest::newRow("a city government's PDF with vertical group labels is silent")
        << u"corpus/real/huaian_2024.pdf"_s << QStringList();
    QTest::newRow("a scraped page whose digits ran together is silent")
        << u"corpus/real/pingtan_2022.txt"_s << QStringList();
    // Its parts 二–六 are numbered 一–五 after a first series of its own, without the heading of
    // 存在的主要问题及改进情况, and its table prints 规范性文件 for 行政规范性文件.
    QTest::newRow("shanghai kewei: parts renumbered, one heading absent, one label reworded")
        << u"corpus/real/shanghai_kewei_2024.md"_s
        << QStringList{u"STRUCTURE.SECTION_MISSING"_s, u"STRUCTURE.SECTION_ORDER"_s,
                       u"TEMPLATE.LABEL_CHANGED"_s};
}

void TestChecks::publishedFilesHaveOnlyTheirOwnFindings()
{
    QFETCH(QString, file);
    QFETCH(QStringList, rules);
    const ReadResult r = ReportReader::read(testutil::dataPath(file));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.report.document.read);
    QCOMPARE(documentRules(r.findings), rules);
    for (const Finding &f : r.findings) {
        if (!isDocumentRule(f.rule))
            continue;
        QVERIFY(!f.isError());
        // The evidence is the source's own characters at its span.
        QVERIFY2(f.evidence.isValid(), qPrintable(f.rule));
        QCOMPARE(r.report.text.mid(f.evidence.start, f.evidence.length), f.evidence.text);
    }
}

void TestChecks::oneThingBrokenIsFound_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<Rewrite>>("rewrites");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("evidence"); // in the finding's evidence
    QTest::addColumn<QString>("message");  // in its Chinese message

    const QString street = u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s;
    QTest::newRow("a part removed") << street
                                    << QList<Rewrite>{{u"五、存在的主要问题及改进情况\n"_s, QString()}}
                                    << u"STRUCTURE.SECTION_MISSING"_s << u"六、其他需要报告的事项"_s
                                    << u"存在的主要问题及改进情况"_s;
    QTest::newRow("two parts swapped")
        << street
        << QList<Rewrite>{{u"五、存在的主要问题及改进情况"_s, u"@@"_s},
                          {u"四、政府信息公开行政复议、行政诉讼情况"_s, u"五、存在的主要问题及改进情况"_s},
                          {u"@@"_s, u"四、政府信息公开行政复议、行政诉讼情况"_s}}
        << u"STRUCTURE.SECTION_ORDER"_s << u"四、政府信息公开行政复议"_s << u"之后"_s;
    QTest::newRow("signed after the township's deadline of 31 January")
        << street << QList<Rewrite>{{u"2024年1月9日"_s, u"2024年2月9日"_s}} << u"DATE.LATE"_s
        << u"2024年2月9日"_s << u"乡镇、街道"_s;
    QTest::newRow("a row of the form deleted")
        << street << QList<Rewrite>{{u"3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n"_s, QString()}}
        << u"TEMPLATE.ROW_MISSING"_s << QString() << u"要求提供公开出版物"_s;
    QTest::newRow("a row's label reworded")
        << street << QList<Rewrite>{{u"2.重复申请 |"_s, u"2.多次申请 |"_s}} << u"TEMPLATE.LABEL_CHANGED"_s
        << u"多次申请"_s << u"重复申请"_s;
    QTest::newRow("a row the form does not have added")
        << street
        << QList<Rewrite>{{u"(七)总计 |"_s,
                           u"(八)移送有关机关 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | ||\n(七)总计 |"_s}}
        << u"TEMPLATE.ROW_ADDED"_s << u"移送有关机关"_s << u"移送有关机关"_s;
    QTest::newRow("the fee sentence removed")
        << street << QList<Rewrite>{{u"(一)2023年未收取信息处理费。\n"_s, QString()}} << u"FEE.SECTION"_s
        << u"六、其他需要报告的事项"_s << u"信息处理费"_s;
    const QString kewei = u"corpus/real/shanghai_kewei_2024.md"_s;
    QTest::newRow("the period mistyped")
        << kewei
        << QList<Rewrite>{{u"为 2024 年 1 月 1 日至 12 月 31 日"_s, u"为 2024 年 1 月 1 日至 12 月 30 日"_s}}
        << u"STRUCTURE.PERIOD"_s << u"12 月 30 日"_s << u"2024年12月31日"_s;
    QTest::newRow("the period of another year")
        << kewei
        << QList<Rewrite>{{u"为 2024 年 1 月 1 日至 12 月 31 日"_s, u"为 2023 年 1 月 1 日至 12 月 31 日"_s}}
        << u"STRUCTURE.PERIOD"_s << u"2023 年 1 月 1 日"_s << u"2024"_s;
    QTest::newRow("the prose's count of applications denied against table 3")
        << kewei << QList<Rewrite>{{u"不予公开答复 2"_s, u"不予公开答复 5"_s}} << u"PROSE.MISMATCH"_s
        << u"不予公开答复"_s << u"不予公开"_s;
}

void TestChecks::oneThingBrokenIsFound()
{
    QFETCH(QString, file);
    QFETCH(QList<Rewrite>, rewrites);
    QFETCH(QString, rule);
    QFETCH(QString, evidence);
    QFETCH(QString, message);
    const QString original = QString::fromUtf8(testutil::readBytes(testutil::dataPath(file)));
    QVERIFY(!original.isEmpty());
    QString text = original;
    for (const Rewrite &rw : rewrites) {
        QVERIFY2(text.contains(rw.from), qPrintable(rw.from));
        text.replace(rw.from, rw.to);
    }
    const ReadResult before = ReportReader::read(testutil::dataPath(file));
    const ReadResult after = ReportReader::read(write(QFileInfo(file).fileName(), text));
    QVERIFY(before.ok && after.ok);
    int was = 0;
    for (const Finding &f : before.findings)
        was += f.rule == rule ? 1 : 0;
    QList<const Finding *> found;
    for (const Finding &f : after.findings)
        if (f.rule == rule)
            found.append(&f);
    QVERIFY2(found.size() > was, qPrintable(rule));
    const Finding &f = *found.last();
    QVERIFY(!f.isError());
    QCOMPARE(f.aboutName(), u"report"_s);
    QVERIFY2(f.message.contains(message), qPrintable(f.message));
    QVERIFY(!f.messageEn.isEmpty());
    QVERIFY(f.evidence.isValid());
    QCOMPARE(after.report.text.mid(f.evidence.start, f.evidence.length), f.evidence.text);
    if (!evidence.isEmpty())
        QVERIFY2(f.evidence.text.contains(evidence), qPrintable(f.evidence.text));
    // Only the one thing broken: no other document finding appears.
    QStringList others = documentRules(after.findings), earlier = documentRules(before.findings);
    others.removeAll(rule);
    earlier.removeAll(rule);
    if (rule == u"TEMPLATE.ROW_MISSING"_s || rule == u"TEMPLATE.LABEL_CHANGED"_s ||
        rule == u"TEMPLATE.ROW_ADDED"_s)
        for (const QString &r : {u"TEMPLATE.ROW_MISSING"_s, u"TEMPLATE.LABEL_CHANGED"_s})
            others.removeAll(r), earlier.removeAll(r);
    QCOMPARE(others, earlier);
}

void TestChecks::aCopyOfLastYearsReportIsFound()
{
    const QString text = QString::fromUtf8(
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s)));
    QString last = text;
    last.replace(u"2024年1月9日"_s, u"2023年1月9日"_s).replace(u"2023"_s, u"2022"_s);
    const QString lastPath = write(u"last.txt"_s, last), nowPath = write(u"now.txt"_s, text);
    {
        // read as the window and nianbao-cli read them: one session, the checks across reports
        ReviewSession session;
        session.read({lastPath, nowPath});
        session.waitForLoaded();
        QCOMPARE(session.count(), 2);
        QVERIFY(session.review(0) && session.review(1));
        QCOMPARE(session.review(0)->report().year, u"2022"_s);
        QCOMPARE(session.review(1)->report().year, u"2023"_s);
        QVERIFY(documentRules(session.review(1)->findings()).contains(u"TEXT.REPEATED"_s));
        QVERIFY(!documentRules(session.review(0)->findings()).contains(u"TEXT.REPEATED"_s));
    }

    // Last year's report with its prose rewritten is no copy.
    QString rewritten = last;
    const qsizetype from = rewritten.indexOf(u"一、总体情况"_s), to = rewritten.indexOf(u"二、主动公开"_s);
    QVERIFY(from > 0 && to > from);
    const qsizetype p5 = rewritten.indexOf(u"五、存在的主要问题"_s),
                    p6 = rewritten.indexOf(u"六、其他需要报告"_s);
    QString prose;
    for (int i = 0; i < 40; ++i)
        prose += u"第%1项工作另有安排，内容与本年不同，详见附表说明。\n"_s.arg(i + 1);
    rewritten = rewritten.left(p5) + u"五、存在的主要问题及改进情况\n"_s + prose + rewritten.mid(p6);
    rewritten = rewritten.left(from) + u"一、总体情况\n"_s + prose + rewritten.mid(to);
    ReviewSession session;
    session.read({write(u"last2.txt"_s, rewritten), nowPath});
    session.waitForLoaded();
    QVERIFY(session.review(1));
    QVERIFY(!documentRules(session.review(1)->findings()).contains(u"TEXT.REPEATED"_s));
}

void TestChecks::bodyAndYearAreThoseTheReportNames_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("year");
    QTest::newRow("the title: body before the year")
        << u"corpus/seeds/001_bff1b9e23c617db0.txt"_s << u"卫东区人民政府办公室"_s << u"2023"_s;
    QTest::newRow("the title: the year first, 年度报告 on the next line")
        << u"corpus/real/shanghai_kewei_2024.md"_s << u"上海市科委"_s << u"2024"_s;
    QTest::newRow("the signature above the closing date")
        << u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s << u"鞍山市铁东区新兴街道办事处"_s << u"2023"_s;
    QTest::newRow("the report quoted in the first sentence, the page's title about something else")
        << u"corpus/seeds/002_f891356e150a22f8.txt"_s << u"西吉县硝河乡乡人民政府"_s << u"2023"_s;
    QTest::newRow("现将…工作报告如下 in the first sentence, no title")
        << u"corpus/seeds/004_c7d8b163796d4c79.txt"_s << u"铁岭市营商环境建设局"_s << u"2023"_s;
    QTest::newRow("a PDF's title over two lines")
        << u"corpus/real/hongze_2023.pdf"_s << u"洪泽区人民政府"_s << u"2023"_s;
    QTest::newRow("the same district the next year, naming its city")
        << u"corpus/real/hongze_2024.pdf"_s << u"淮安市洪泽区人民政府"_s << u"2024"_s;
    QTest::newRow("a city government's PDF")
        << u"corpus/real/huaian_2024.pdf"_s << u"淮安市人民政府"_s << u"2024"_s;
    QTest::newRow("a page with 标题 and an empty 发布机构")
        << u"corpus/real/pingtan_2022.txt"_s << u"平潭综合实验区"_s << u"2022"_s;
    QTest::newRow("a report that names no body (我镇) keeps none")
        << u"corpus/seeds/003_2ee7e895fb2dacb9.txt"_s << QString() << QString();
}

void TestChecks::bodyAndYearAtTheEdgesOfTheText()
{
    const auto read = [](const QString &text) {
        Report r;
        MetadataReader::read(NormalizedText(text), &r);
        return std::pair{r.unit, r.year};
    };
    // The title as the only line, without a line break after it.
    QCOMPARE(read(u"某某县人民政府2023年政府信息公开工作年度报告"_s),
             std::pair(u"某某县人民政府"_s, u"2023"_s));
    // The signature at the very end, without a line break, and a text that opens with blank lines.
    QCOMPARE(read(u"\n\n统计期限为2022年1月1日至12月31日。\n正文。\n某某镇人民政府\n2023年1月20日"_s),
             std::pair(u"某某镇人民政府"_s, u"2022"_s));
    // The signature on the first line of all: the line before the date is the first one.
    QCOMPARE(read(u"某某街道办事处\n2023年1月5日\n"_s), std::pair(u"某某街道办事处"_s, QString()));
    // Only blank lines, or nothing.
    QCOMPARE(read(u"\n \n\n"_s), std::pair(QString(), QString()));
    QCOMPARE(read(QString()), std::pair(QString(), QString()));
}

void TestChecks::bodyAndYearAreThoseTheReportNames()
{
    QFETCH(QString, file);
    QFETCH(QString, unit);
    QFETCH(QString, year);
    const ReadResult r = ReportReader::read(testutil::dataPath(file));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.unit, unit);
    QCOMPARE(r.report.year, year);
    // The body is the report's own words, found in its text.
    if (!unit.isEmpty())
        QVERIFY(r.report.text.contains(unit) || r.report.document.body == unit);
}

void TestChecks::bodyKindIsTakenFromTheName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::newRow("a city bureau") << u"鞍山市营商环境建设局"_s << int(BodyKind::Department);
    QTest::newRow("a government's office") << u"卫东区人民政府办公室"_s << int(BodyKind::Department);
    QTest::newRow("a district government") << u"淮安市洪泽区人民政府"_s << int(BodyKind::Government);
    QTest::newRow("a development zone's committee") << u"苏州工业园区管委会"_s << int(BodyKind::Government);
    QTest::newRow("a street office") << u"鞍山市铁东区新兴街道办事处"_s << int(BodyKind::Township);
    QTest::newRow("a township government") << u"西吉县硝河乡人民政府"_s << int(BodyKind::Township);
    QTest::newRow("nothing to go by") << u"年度报告"_s << int(BodyKind::Unknown);
}

void TestChecks::bodyKindIsTakenFromTheName()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    QCOMPARE(int(DocumentChecks::bodyKind(name)), kind);
}

void TestChecks::catalogueHasEveryRuleTheReadmeLists()
{
    const QString readme = QString::fromUtf8(testutil::readBytes(testutil::dataPath(u"../../README.md"_s)));
    const qsizetype start = readme.indexOf(u"### Rule catalogue"_s);
    QVERIFY(start >= 0);
    const qsizetype end = readme.indexOf(u"\n#"_s, start + 5);
    const QString section = readme.mid(start, end - start);
    static const QRegularExpression row(u"^\\| `([A-Z0-9_.]+)` \\| ([^|]+) \\| (error|warning) \\|"_s,
                                        QRegularExpression::MultilineOption);
    QStringList listed;
    for (auto it = row.globalMatch(section); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        listed.append(m.captured(1));
        const RuleInfo *info = RuleCatalogue::find(m.captured(1));
        QVERIFY2(info, qPrintable(m.captured(1)));
        QCOMPARE(m.captured(2), info->name);
        QCOMPARE(m.captured(3), info->severity == Finding::Severity::Error ? u"error"_s : u"warning"_s);
    }
    QStringList known;
    for (const RuleInfo &r : RuleCatalogue::rules()) {
        known.append(r.id);
        QVERIFY(!r.name.isEmpty() && !r.nameEn.isEmpty() && !r.checks.isEmpty() && !r.checksEn.isEmpty() &&
                !r.why.isEmpty() && !r.whyEn.isEmpty() && !r.example.isEmpty() && !r.exampleEn.isEmpty());
    }
    QCOMPARE(listed, known);
    // every word of the table is the catalogue's: the README holds markdownTable() verbatim
    const QString table = RuleCatalogue::markdownTable();
    const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        QVERIFY2(section.contains(u'\n' + line + u'\n'), qPrintable(u"README lacks: "_s + line));
    QVERIFY2(section.contains(table), "the README's rule table is not RuleCatalogue::markdownTable()");
}

QTEST_GUILESS_MAIN(TestChecks)
#include "tst_checks.moc"
