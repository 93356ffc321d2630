// The reader is general: the same tables written in every text layout reports arrive in read the
// same cells. The values are those of hand-checked reports; the layouts are generated here.
#include "testutil.h"

#include "json/reportjson.h"
#include "template/template.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

enum class Layout {
    Pipes,
    RaggedTabs,
    CellPerLine,
    WideSpaces,
    Markdown,
    DigitRuns,
    Traditional,
    PageBreaks
};

QString value(const QJsonObject &cells, const QString &key)
{
    const QJsonValue v = cells.value(key);
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == qint64(d) ? QString::number(qint64(d)) : QString::number(d, 'g', 15);
    }
    return v.isString() ? v.toString() : QString();
}

QString render(const QJsonObject &cells, const QString &variant, Layout layout)
{
    const Template *t = Template::t2021();
    QStringList out;
    out << u"某某市2025年政府信息公开工作年度报告"_s << u"一、总体情况"_s
        << u"全年收到申请若干件，均已办结。"_s;
    auto emit = [&](const QString &label, const QStringList &vals, const QString &group) {
        QStringList cellsOut;
        if (!group.isEmpty())
            cellsOut << group;
        cellsOut << label;
        switch (layout) {
        case Layout::Pipes:
            out << (cellsOut + vals).join(u" | "_s) + u" |"_s;
            break;
        case Layout::PageBreaks:
            // Page numbers and running heads between the rows of a table split over pages.
            out << (cellsOut + vals).join(u" | "_s) + u" |"_s;
            if (out.size() % 7 == 0)
                out << u"- %1 -"_s.arg(out.size() / 7) << u"第 %1 页 共 12 页"_s.arg(out.size() / 7);
            break;
        case Layout::Markdown:
            out << u"| "_s + (cellsOut + vals).join(u" | "_s) + u" |"_s;
            break;
        case Layout::RaggedTabs:
            out << (cellsOut + QStringList{QString()} + vals).join(u'\t');
            break;
        case Layout::WideSpaces:
            out << (cellsOut + vals).join(u"    "_s);
            break;
        case Layout::CellPerLine:
            for (const QString &c : cellsOut + vals)
                out << c << QString();
            break;
        case Layout::DigitRuns:
            out << cellsOut.join(u' ') + u' ' + vals.join(QString());
            break;
        case Layout::Traditional:
            out << (cellsOut + vals).join(u" | "_s);
            break;
        }
    };
    for (const TableDef &td : t->tables()) {
        if (td.key == u"t2") {
            out << u"二、主动公开政府信息情况"_s;
            QString section;
            for (const RowDef &r : td.rows) {
                if (r.section != section) {
                    section = r.section;
                    out << section;
                    QStringList heads{u"信息内容"_s};
                    for (int c : r.columns)
                        heads << td.columns[c].label;
                    out << heads.join(layout == Layout::Pipes ? u" | "_s : u" "_s);
                }
                QStringList vals;
                for (int c : r.columns)
                    vals << value(cells, Template::cellKey(td, r, td.columns[c]));
                emit(r.label, vals, QString());
            }
        } else if (td.key == u"t3") {
            out << u"三、收到和处理政府信息公开申请情况"_s
                << u"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"_s
                << u"申请人情况"_s << u"自然人 法人或其他组织 总计"_s
                << u"商业企业 科研机构 社会公益组织 法律服务机构 其他"_s;
            QString group;
            for (const RowDef &r : td.rows) {
                if (!td.rowActive(r, variant))
                    continue;
                QStringList vals;
                for (int c : r.columns)
                    vals << value(cells, Template::cellKey(td, r, td.columns[c]));
                QString g;
                if (!r.subgroup.isEmpty() && r.subgroup != group)
                    g = r.subgroup;
                group = r.subgroup;
                emit(r.label, vals, g);
            }
        } else {
            out << u"四、政府信息公开行政复议、行政诉讼情况"_s << u"行政复议 行政诉讼"_s
                << u"结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉"_s;
            QStringList vals;
            for (const RowDef &r : td.rows)
                for (int c : r.columns)
                    vals << value(cells, Template::cellKey(td, r, td.columns[c]));
            if (layout == Layout::CellPerLine) {
                for (const QString &v : vals)
                    out << v << QString();
            } else {
                out << vals.join(layout == Layout::RaggedTabs ? u"\t"_s : u" "_s);
            }
        }
    }
    out << u"五、存在的主要问题及改进情况"_s << u"2026年将继续改进。"_s << u"六、其他需要报告的事项"_s;
    QString text = out.join(u'\n');
    if (layout == Layout::DigitRuns)
        text.replace(u'\n', u' ');
    if (layout == Layout::Traditional) {
        static const QList<std::pair<QString, QString>> t2t = {
            {u"开"_s, u"開"_s}, {u"规"_s, u"規"_s}, {u"处"_s, u"處"_s}, {u"计"_s, u"計"_s},
            {u"总"_s, u"總"_s}, {u"请"_s, u"請"_s}, {u"结"_s, u"結"_s}, {u"转"_s, u"轉"_s},
            {u"办"_s, u"辦"_s}, {u"属"_s, u"屬"_s}, {u"国"_s, u"國"_s}, {u"务"_s, u"務"_s},
            {u"补"_s, u"補"_s}, {u"关"_s, u"關"_s}, {u"现"_s, u"現"_s}, {u"数"_s, u"數"_s},
            {u"费"_s, u"費"_s}, {u"复"_s, u"複"_s}, {u"诉"_s, u"訴"_s}, {u"讼"_s, u"訟"_s}};
        for (const auto &[s, tr] : t2t)
            text.replace(s, tr);
        for (QChar &c : text)
            if (c >= u'0' && c <= u'9')
                c = QChar(0xFF10 + (c.unicode() - u'0'));
    }
    return text;
}

} // namespace

Q_DECLARE_METATYPE(Layout)

class TestLayouts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryLayout_data();
    void readsEveryLayout();
};

void TestLayouts::readsEveryLayout_data()
{
    QTest::addColumn<QString>("expected");
    QTest::addColumn<Layout>("layout");
    const QList<std::pair<const char *, Layout>> layouts = {{"pipes", Layout::Pipes},
                                                            {"ragged tabs", Layout::RaggedTabs},
                                                            {"one cell per line", Layout::CellPerLine},
                                                            {"wide spaces", Layout::WideSpaces},
                                                            {"markdown", Layout::Markdown},
                                                            {"digit runs", Layout::DigitRuns},
                                                            {"Traditional full-width", Layout::Traditional},
                                                            {"pipes over pages", Layout::PageBreaks}};
    for (const char *file :
         {"hangzhou_style_2025.html", "huaian_2024.pdf", "hongze_2023.pdf", "pingtan_2022.txt"})
        for (const auto &[name, layout] : layouts)
            QTest::newRow(qPrintable(QString::fromLatin1(file).section(u'.', 0, 0) + u" in "_s +
                                     QLatin1StringView(name)))
                << testutil::dataPath(u"corpus/expected/"_s + QLatin1StringView(file) + u".json"_s) << layout;
}

void TestLayouts::readsEveryLayout()
{
    QFETCH(QString, expected);
    QFETCH(Layout, layout);
    const QJsonObject exp = testutil::readJson(expected);
    const QJsonObject cells = exp.value("cells"_L1).toObject();
    const QString variant = cells.contains("t3.other.total"_L1) ? u"one_row"_s : u"subitems"_s;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.txt"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(render(cells, variant, layout).toUtf8());
    f.close();

    const ReadResult r = ReportReader::read(path);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.variant, variant);
    const QJsonObject got = ReportJson::toJson(r.report, r.findings).value("cells"_L1).toObject();
    const QStringList uncertain = r.report.uncertainKeys();
    QStringList wrong;
    for (auto it = cells.begin(); it != cells.end(); ++it) {
        if (uncertain.contains(it.key())) {
            // Only digits that ran together may stay undecided, and never as a guess.
            QVERIFY2(layout == Layout::DigitRuns, qPrintable(it.key()));
            QVERIFY(r.report.cell(it.key())->candidates.contains(it.value().toDouble()));
            continue;
        }
        if (got.value(it.key()) != it.value())
            wrong << it.key() + u'=' + got.value(it.key()).toVariant().toString();
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u", "_s)));
    if (layout != Layout::DigitRuns)
        QVERIFY(uncertain.isEmpty());
}

QTEST_GUILESS_MAIN(TestLayouts)
#include "tst_layouts.moc"
