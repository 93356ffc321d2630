// The window's models over a Review: the form layouts, QAbstractItemModelTester, roles.
#include "../core/testutil.h"
#include "findingsmodel.h"
#include "i18n/language.h"
#include "palette.h"
#include "report/formlayout.h"
#include "reportqueuemodel.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "session/reviewsession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

ReadResult readSeed(const QString &name)
{
    return ReportReader::read(testutil::dataPath(u"corpus/seeds/"_s + name));
}

const FormLayout::Span *spanAt(const FormLayout &f, int row, int column)
{
    for (const FormLayout::Span &s : f.spans())
        if (s.row == row && s.column == column)
            return &s;
    return nullptr;
}

QPoint findLabel(const FormLayout &f, const QString &text)
{
    for (int r = 0; r < f.rowCount(); ++r)
        for (int c = 0; c < f.columnCount(); ++c)
            if (f.at(r, c).text == text)
                return QPoint(c, r);
    return QPoint(-1, -1);
}

} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formLayout_data();
    void formLayout();
    void tableModelPassesTester_data();
    void tableModelPassesTester();
    void failingCellsCarrySeverity();
    void findingsAndQueueModelsPassTester();
};

void TestUiModels::formLayout_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("values");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("labelRowSpan");
    QTest::addColumn<int>("labelColumnSpan");
    QTest::newRow("table 3 with sub-items: （三）不予公开 spans its eight rows")
        << u"t3"_s << u"subitems"_s << 175 << u"（三）不予公开"_s << 8 << 1;
    QTest::newRow("table 3 with sub-items: 三、本年度办理结果 spans the twenty-two result rows")
        << u"t3"_s << u"subitems"_s << 175 << u"三、本年度办理结果"_s << 22 << 1;
    QTest::newRow("table 3 with （六） as one row: the results span twenty rows")
        << u"t3"_s << u"one_row"_s << 161 << u"三、本年度办理结果"_s << 20 << 1;
    QTest::newRow("table 3: 法人或其他组织 spans its five columns")
        << u"t3"_s << u"subitems"_s << 175 << u"法人或其他组织"_s << 1 << 5;
    QTest::newRow("table 3: 申请人情况 spans the seven columns")
        << u"t3"_s << u"subitems"_s << 175 << u"申请人情况"_s << 1 << 7;
    QTest::newRow("table 4: 行政诉讼 spans ten of the fifteen cells")
        << u"t4"_s << u"subitems"_s << 15 << u"行政诉讼"_s << 1 << 10;
    QTest::newRow("table 4: 行政复议 spans its five cells in one header row, as the form prints it")
        << u"t4"_s << u"subitems"_s << 15 << u"行政复议"_s << 1 << 5;
    QTest::newRow("table 4: the column labels under 行政复议 span the two header rows below it")
        << u"t4"_s << u"subitems"_s << 15 << u"结果维持"_s << 2 << 1;
    QTest::newRow("table 3: the 勾稽关系 note fills the corner over the three label columns")
        << u"t3"_s << u"subitems"_s << 175
        << u"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"_s << 3 << 3;
    QTest::newRow("table 2: each section title spans the form's width")
        << u"t2"_s << u"subitems"_s << 10 << u"第二十条第（一）项"_s << 1 << 4;
}

void TestUiModels::formLayout()
{
    QFETCH(QString, table);
    QFETCH(QString, variant);
    QFETCH(int, values);
    QFETCH(QString, label);
    QFETCH(int, labelRowSpan);
    QFETCH(int, labelColumnSpan);
    const TableDef *t = Template::t2021()->table(table);
    QVERIFY(t);
    const FormLayout f = FormLayout::build(*t, variant);
    QCOMPARE(f.keys().size(), values);
    // Every template cell of the table is in the grid once, at a value slot.
    QStringList expected;
    for (const QString &k : Template::t2021()->cellKeys(variant))
        if (k.startsWith(table + u'.'))
            expected.append(k);
    const QStringList keys = f.keys();
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()), QSet<QString>(expected.begin(), expected.end()));
    for (const QString &k : expected) {
        const QPoint p = f.position(k);
        QCOMPARE(f.at(p.y(), p.x()).kind, FormLayout::Kind::Value);
        QCOMPARE(f.at(p.y(), p.x()).key, k);
    }
    const QPoint at = findLabel(f, label);
    QVERIFY2(at.x() >= 0, qPrintable(label));
    const FormLayout::Span *s = spanAt(f, at.y(), at.x());
    QCOMPARE(s ? s->rowSpan : 1, labelRowSpan);
    QCOMPARE(s ? s->columnSpan : 1, labelColumnSpan);
    // Spans never overlap.
    QSet<quint64> covered;
    for (const FormLayout::Span &sp : f.spans())
        for (int r = sp.row; r < sp.row + sp.rowSpan; ++r)
            for (int c = sp.column; c < sp.column + sp.columnSpan; ++c) {
                QVERIFY(r < f.rowCount() && c < f.columnCount());
                const quint64 id = (quint64(r) << 32) | quint64(c);
                QVERIFY(!covered.contains(id));
                covered.insert(id);
            }
}

void TestUiModels::tableModelPassesTester_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("table");
    for (const QString &seed : {u"001_bff1b9e23c617db0.txt"_s, u"004_c7d8b163796d4c79.txt"_s})
        for (const QString &table : {u"t2"_s, u"t3"_s, u"t4"_s})
            QTest::newRow(qPrintable(
                u"seed %1, table %2, through edits, undo and a new report"_s.arg(seed.left(3), table)))
                << seed << table;
}

void TestUiModels::tableModelPassesTester()
{
    QFETCH(QString, seed);
    QFETCH(QString, table);
    const ReadResult rr = readSeed(seed);
    QVERIFY(rr.ok);
    Review review(rr.report, rr.findings);
    ReportTableModel model(table);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReview(&review);
    QVERIFY(model.rowCount() > 1);
    const QString key = model.layout().keys().first();
    const QModelIndex idx = model.indexOf(key);
    QVERIFY(idx.isValid());
    QCOMPARE(model.keyAt(idx), key);
    QVERIFY(model.flags(idx) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(idx, u"777"_s));
    QCOMPARE(model.data(idx).toString(), u"777"_s);
    QVERIFY(model.data(idx, ReportTableModel::CorrectedRole).toBool());
    QVERIFY(model.data(idx, Qt::ToolTipRole).toString().contains(rr.report.cell(key)->displayText()));
    QVERIFY(changed.size() >= 1);
    QSignalSpy rejected(&model, &ReportTableModel::editRejected);
    QVERIFY(!model.setData(idx, u"abc"_s));
    QCOMPARE(rejected.size(), 1);
    review.undoStack()->undo();
    QCOMPARE(model.data(idx).toString(), rr.report.cell(key)->displayText());
    QVERIFY(!model.data(idx, ReportTableModel::CorrectedRole).toBool());

    Review other(readSeed(u"000_cfbc7d1a3e19f347.txt"_s).report, {});
    model.setReview(&other);
    model.setReview(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestUiModels::failingCellsCarrySeverity()
{
    const ReadResult rr = readSeed(u"001_bff1b9e23c617db0.txt"_s);
    Review review(rr.report, rr.findings);
    ReportTableModel model(u"t3"_s);
    model.setReview(&review);
    const QString edited = u"t3.granted.legal_service"_s;
    QVERIFY(model.setData(model.indexOf(edited), u"10"_s));
    QStringList red;
    for (const Finding &f : review.findings())
        if (f.isError())
            red += f.cells;
    QVERIFY(red.contains(edited));
    for (const QString &k : model.layout().keys()) {
        const QModelIndex i = model.indexOf(k);
        const bool isRed = red.contains(k);
        QCOMPARE(i.data(ReportTableModel::SeverityRole).toInt() == ReportTableModel::ErrorFinding, isRed);
        if (isRed)
            QCOMPARE(i.data(Qt::BackgroundRole).value<QColor>(), Palette::errorBackground());
    }
}

void TestUiModels::findingsAndQueueModelsPassTester()
{
    ReviewSession session;
    ReportQueueModel queue(&session);
    QAbstractItemModelTester qt(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ReadResult seed = readSeed(u"001_bff1b9e23c617db0.txt"_s);
    QCOMPARE(seed.errors(), 0);
    QVERIFY(seed.warnings() > 0); // the prose counts applications differently from the table
    const int row = session.add(seed);
    ReadResult bad;
    bad.path = u"/nowhere/report.pdf"_s;
    bad.error = u"The file does not exist."_s;
    session.add(bad);
    QCOMPARE(queue.rowCount(), 2);
    QCOMPARE(queue.state(1), ReportQueueModel::Unreadable);
    QVERIFY(queue.index(1).data(Qt::DisplayRole).toString().contains(bad.error));
    Review *review = queue.review(row);
    QVERIFY(review);
    QCOMPARE(queue.state(row), ReportQueueModel::Warnings);

    FindingsModel findings;
    QAbstractItemModelTester ft(&findings, QAbstractItemModelTester::FailureReportingMode::QtTest);
    findings.setReview(review);
    const int before = findings.rowCount();
    QSignalSpy queueChanged(&queue, &QAbstractItemModel::dataChanged);
    QVERIFY(review->setCellText(u"t3.new_received.total"_s, u"54"_s));
    QCOMPARE(findings.rowCount(), before + 2); // its row total and its column balance
    QCOMPARE(queue.state(row), ReportQueueModel::Errors);
    QVERIFY(queueChanged.size() >= 1);
    QCOMPARE(findings.index(0, FindingsModel::SeverityColumn).data(FindingsModel::IsErrorRole).toBool(),
             true);
    QVERIFY(findings.index(0, 0)
                .data(FindingsModel::CellsRole)
                .toStringList()
                .contains(u"t3.new_received.total"_s));
    QSignalSpy reworded(&findings, &QAbstractItemModel::dataChanged);
    Language::set(u"en"_s);
    QCOMPARE(reworded.size(), 1);
    QVERIFY(findings.index(0, FindingsModel::MessageColumn)
                .data()
                .toString()
                .startsWith(review->findings()[0].messageEn));
    Language::set(u"zh_CN"_s);
    QCOMPARE(reworded.size(), 2);
    QVERIFY(findings.index(0, FindingsModel::MessageColumn)
                .data()
                .toString()
                .startsWith(review->findings()[0].message));
    review->setStatus(ReviewStatus::Reviewed);
    QCOMPARE(queue.state(row), ReportQueueModel::Reviewed);
    session.close(row);
    QCOMPARE(queue.rowCount(), 1);
    QCOMPARE(findings.rowCount(), 0); // the review is gone with its row
}

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
