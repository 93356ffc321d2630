// What a template's data decides: where its tables are, which must be there, the forms a table
// comes in. A template year is a resource file: this suite carries a third one, data/templates/
// t2099.json (the 2021 form with other table keys, anchors, forms and markers), among the
// templates the program knows, and reads a report written in it.
#include "testutil.h"

#include "extract/compactindex.h"
#include "extract/extractor.h"
#include "extract/tablelocator.h"
#include "io/sourcedocument.h"
#include "report/report.h"
#include "rules/identities.h"
#include "rules/ruleengine.h"
#include "template/template.h"

#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Three tables: a optional, found by its heading when its start is missing; b that every report
/// has; c after b's last row, ending at its end anchor.
const char *const threeTables = R"({
 "name": "x",
 "tables": [
  {"key": "a", "start": ["甲表"], "heading": ["甲部分"], "rows": []},
  {"key": "b", "start": ["乙表"], "min_rows": 1, "rows": []},
  {"key": "c", "start": ["丙表"], "after": ["乙末行"], "end": ["丙止"], "layout": "single_row", "rows": []}
 ]
})";

/// The parts found, as "key:text of the part".
QStringList parts(const QString &text)
{
    QString error;
    const std::unique_ptr<Template> t = Template::fromJson(QByteArray(threeTables), &error);
    if (!t)
        return {u"template: "_s + error};
    const CompactIndex index(text);
    QList<TablePart> found;
    if (!TableLocator(index, text.size()).locate(*t, &found))
        return {u"not found"_s};
    QStringList out;
    for (const TablePart &p : std::as_const(found))
        out << p.table->key + u':' + text.mid(p.start, p.end - p.start);
    return out;
}

/// A report in the template tmpl, every table written from its data: the values are the cells'
/// places in the form; rows of other forms than variant are left out.
QString render(const Template &tmpl, const QString &variant, QHash<QString, double> *values)
{
    QStringList out{u"某某局2099年政府信息公开工作年度报告"_s, u"一、总体情况"_s};
    int n = 0;
    auto value = [&](const TableDef &t, const RowDef &r, int c) {
        const double v = t.columns[c].kind == ValueKind::Decimal ? ++n + 0.5 : ++n;
        values->insert(Template::cellKey(t, r, t.columns[c]), v);
        return QString::number(v);
    };
    for (const TableDef &t : tmpl.tables()) {
        out << t.title << t.startAnchors.first();
        QStringList heads;
        for (const ColumnDef &c : t.columns)
            heads << c.label;
        out << heads.join(u" | "_s);
        if (t.layout == TableLayout::SingleRow) {
            QStringList vals;
            for (const RowDef &r : t.rows)
                for (int c : r.columns)
                    vals << value(t, r, c);
            out << vals.join(u" | "_s);
            continue;
        }
        QString subgroup;
        for (const RowDef &r : t.rows) {
            if (!t.rowActive(r, variant))
                continue;
            QStringList row;
            if (!r.subgroup.isEmpty() && r.subgroup != subgroup)
                row << r.subgroup; // the group's label in the cell before its first row
            subgroup = r.subgroup;
            row << r.label;
            for (int c : r.columns)
                row << value(t, r, c);
            out << row.join(u" | "_s);
        }
    }
    out << u"五、工作计划"_s << u"2100年将继续改进，计划新增 3 项。"_s;
    return out.join(u'\n');
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void locatesTables_data();
    void locatesTables();
    void refusesTemplatesThatCannotBeRead_data();
    void refusesTemplatesThatCannotBeRead();
    void readsAReportInAThirdTemplateYear_data();
    void readsAReportInAThirdTemplateYear();
    void refusesATextWithoutTheRowsEveryReportHas();
    void readsTheOtherYearsAsBefore();
    void cellKeysAreTheTablesRowsAndColumns();
    void rowKeysAreTheRowsCellKeys();
    void cellKeysHashApartAndFindTheirCells();
    void cellsByNumberAndByKeyAgree();
    void keyLettersAreUnicodesLetters();
    void identitiesKnowWhereTheirCellsAre();
};

void TestTemplates::locatesTables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("each table ends where the next starts, the last at its end anchor")
        << u"前言甲表1乙表2乙末行丙表3丙止后记"_s
        << QStringList{u"a:甲表1"_s, u"b:乙表2乙末行"_s, u"c:丙表3"_s};
    QTest::newRow("a table is looked for after its after anchor")
        << u"甲表1乙表丙表2乙末行丙表3"_s << QStringList{u"a:甲表1"_s, u"b:乙表丙表2乙末行"_s, u"c:丙表3"_s};
    QTest::newRow("without its after anchor, after the table before it")
        << u"乙表1丙表2"_s << QStringList{u"b:乙表1"_s, u"c:丙表2"_s};
    QTest::newRow("a table without its end anchor ends with the text")
        << u"乙表1乙末行丙表2"_s << QStringList{u"b:乙表1乙末行"_s, u"c:丙表2"_s};
    QTest::newRow("a table missing its start anchor is found by its heading")
        << u"甲部分1乙表2"_s << QStringList{u"a:甲部分1"_s, u"b:乙表2"_s};
    QTest::newRow("an optional table may be missing") << u"乙表1"_s << QStringList{u"b:乙表1"_s};
    QTest::newRow("a table that must be there is looked for before the one that should precede it")
        << u"乙表1甲表2"_s << QStringList{u"b:乙表1甲表2"_s};
    QTest::newRow("without the table every report has, none")
        << u"甲表1丙表2丙止"_s << QStringList{u"not found"_s};
}

void TestTemplates::locatesTables()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(parts(text), expected);
}

void TestTemplates::refusesTemplatesThatCannotBeRead_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("no table every report has")
        << QByteArray(R"({"name": "x", "tables": [{"key": "a", "start": ["甲"], "rows": []}]})")
        << u"template without a table every report has (min_rows)"_s;
    QTest::newRow("a table without start anchors")
        << QByteArray(R"({"name": "x", "tables": [{"key": "a", "min_rows": 1, "rows": []}]})")
        << u"table a without start anchors"_s;
    QTest::newRow("a row of a form the table does not have")
        << QByteArray(R"({"name": "x", "tables": [{"key": "a", "start": ["甲"], "min_rows": 1,
                          "variants": ["one"], "rows": [{"key": "r", "variant": "two"}]}]})")
        << u"unknown variant two in row r"_s;
    QTest::newRow("a group of a form the table does not have")
        << QByteArray(R"({"name": "x", "tables": [{"key": "a", "start": ["甲"], "min_rows": 1,
                          "rows": [], "groups": [{"label": "组", "variant": "one"}]}]})")
        << u"unknown variant one in group 组"_s;
}

void TestTemplates::refusesTemplatesThatCannotBeRead()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!Template::fromJson(json, &got));
    QCOMPARE(got, error);
}

void TestTemplates::readsAReportInAThirdTemplateYear_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("with the sub-items of a form") << u"detailed"_s;
    QTest::newRow("in the other form") << u"merged"_s;
}

void TestTemplates::readsAReportInAThirdTemplateYear()
{
    QFETCH(QString, variant);
    const Template *tmpl = Template::byName(u"2099");
    QVERIFY(tmpl);
    QCOMPARE(Template::latest(), tmpl);
    QHash<QString, double> values;
    SourceDocument doc;
    doc.path = u"report-2099.txt"_s;
    doc.text = render(*tmpl, variant, &values);
    // None of the start anchors of table 3 of the other years.
    QVERIFY(!doc.text.contains(u"申请人情况"_s) && !doc.text.contains(u"勾稽关系"_s));

    Report report;
    QString error;
    QVERIFY2(Extractor::extract(doc, &report, &error), qPrintable(error));
    QCOMPARE(report.tmpl, tmpl);
    QCOMPARE(report.variant, variant);
    QCOMPARE(report.cellKeys().size(), values.size());
    QStringList wrong;
    for (const QString &key : report.cellKeys()) {
        const Cell *c = report.cell(key);
        if (!c || c->state != Cell::State::Number || c->value != values.value(key, -1))
            wrong << key;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u", "_s)));
    // The template's identities are checked on its own cells (the values are no real report's).
    bool balance = false;
    for (const Finding &f : RuleEngine::check(report))
        balance = balance || f.rule == u"T3.BALANCE"_s;
    QVERIFY(balance);
}

void TestTemplates::refusesATextWithoutTheRowsEveryReportHas()
{
    const Template *tmpl = Template::byName(u"2099");
    QVERIFY(tmpl);
    QHash<QString, double> values;
    QStringList lines = render(*tmpl, u"detailed"_s, &values).split(u'\n');
    // Only two rows of the table of applications are left.
    const TableDef *requests = tmpl->table(u"requests");
    QVERIFY(requests && requests->minRows == 3);
    lines.removeIf([&](const QString &l) {
        for (const RowDef &r : requests->rows)
            if (l.contains(r.label) && r.key != u"new_received" && r.key != u"carried_over")
                return true;
        return false;
    });
    SourceDocument doc;
    doc.text = lines.join(u'\n');
    Report report;
    QString error;
    QVERIFY(!Extractor::extract(doc, &report, &error));
    QCOMPARE(error,
             u"No standard table was found: this is not a report in the 2019, 2021 or 2099 template."_s);
}

void TestTemplates::readsTheOtherYearsAsBefore()
{
    const QJsonObject expected =
        testutil::readJson(testutil::dataPath(u"corpus/expected/pingtan_2022.txt.json"_s));
    const ReadResult r = ReportReader::read(testutil::dataPath(u"corpus/real/pingtan_2022.txt"_s));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.tmpl, Template::t2021());
    const QJsonObject cells = expected.value("cells"_L1).toObject();
    QVERIFY(!cells.isEmpty());
    for (auto it = cells.begin(); it != cells.end(); ++it) {
        const Cell *c = r.report.cell(it.key());
        QVERIFY2(c && c->state == Cell::State::Number && c->value == it.value().toDouble(),
                 qPrintable(it.key()));
    }
}

void TestTemplates::identitiesKnowWhereTheirCellsAre()
{
    // Each identity's cells by their place in the variant's cell keys: the rules read a report's
    // cells once, by those places.
    int placed = 0;
    for (const Template *t : Template::all()) {
        QStringList variants{QString()};
        for (const TableDef &td : t->tables())
            variants += td.variants;
        for (const QString &v : std::as_const(variants)) {
            const QStringList keys = t->cellKeys(v);
            for (const IdentityInstance &id : expandIdentities(*t, v)) {
                QCOMPARE(id.places.size(), id.both.size());
                for (qsizetype i = 0; i < id.both.size(); ++i) {
                    if (id.places[i] < 0) {
                        QVERIFY(!keys.contains(id.both[i]));
                    } else {
                        QCOMPARE(keys.at(id.places[i]), id.both[i]);
                        ++placed;
                    }
                }
            }
        }
    }
    QVERIFY(placed > 500);
}

QTEST_GUILESS_MAIN(TestTemplates)
void TestTemplates::cellKeysAreTheTablesRowsAndColumns()
{
    // Every cell of the program's templates, by the key made when the template was read; and a
    // copy of a table whose row is renamed gets the new name, never the key remembered.
    int cells = 0;
    for (const Template *t : Template::all()) {
        for (const TableDef &td : t->tables()) {
            for (const RowDef &r : td.rows) {
                for (const ColumnDef &c : td.columns) {
                    QCOMPARE(Template::cellKey(td, r, c), td.key + u'.' + r.key + u'.' + c.key);
                    ++cells;
                }
            }
        }
    }
    QVERIFY(cells > 300);
    TableDef copy = Template::all().first()->tables().first();
    const QString before = Template::cellKey(copy, copy.rows.first(), copy.columns.first());
    QString renamed = copy.rows.first().key;
    renamed[0] = renamed[0] == u'x' ? u'y' : u'x'; // the same length
    copy.rows.first().key = renamed;
    const QString after = Template::cellKey(copy, copy.rows.first(), copy.columns.first());
    QCOMPARE(after, copy.key + u'.' + renamed + u'.' + copy.columns.first().key);
    QVERIFY(after != before);
    // A row that is not the table's own.
    const RowDef other = copy.rows.last();
    QCOMPARE(Template::cellKey(copy, other, copy.columns.first()),
             copy.key + u'.' + other.key + u'.' + copy.columns.first().key);
}

void TestTemplates::rowKeysAreTheRowsCellKeys()
{
    // A row of a template's own table: its cells' keys in its columns' order, as cellKey makes
    // them. A copy of a table, whose row is renamed, gets the new name; so does a row of another
    // template's table, asked of the wrong template.
    int rows = 0;
    for (const Template *t : Template::all()) {
        for (const TableDef &td : t->tables()) {
            for (const RowDef &r : td.rows) {
                QStringList want;
                for (int ci : r.columns)
                    want.append(td.key + u'.' + r.key + u'.' + td.columns[ci].key);
                QCOMPARE(t->rowKeys(td, r), want);
                ++rows;
            }
        }
    }
    QVERIFY(rows > 40);
    const Template *first = Template::all().first();
    TableDef copy = first->tables().first();
    QString renamed = copy.rows.first().key;
    renamed[0] = renamed[0] == u'x' ? u'y' : u'x';
    copy.rows.first().key = renamed;
    const QStringList keys = first->rowKeys(copy, copy.rows.first());
    QVERIFY(!keys.isEmpty());
    for (const QString &k : keys)
        QVERIFY2(k.startsWith(copy.key + u'.' + renamed + u'.'), qPrintable(k));
    const Template *second = Template::all().last();
    QVERIFY(second != first);
    const TableDef &theirs = second->tables().first();
    QCOMPARE(first->rowKeys(theirs, theirs.rows.first()), second->rowKeys(theirs, theirs.rows.first()));
}

void TestTemplates::cellKeysHashApartAndFindTheirCells()
{
    // Every cell key of every template and form: no two share a hash, the hash follows the
    // table's seed, and a report's cells keyed by them give each its own cell back.
    QSet<QString> keys;
    for (const Template *t : Template::all()) {
        QStringList variants;
        for (const TableDef &td : t->tables())
            variants += td.variants;
        variants.append(Report().variant);
        for (const QString &v : std::as_const(variants))
            for (const QString &k : t->cellKeys(v))
                keys.insert(k);
    }
    QVERIFY(keys.size() > 300);
    for (const size_t seed : {size_t(0), size_t(0x9e3779b97f4a7c15ull)}) {
        QSet<size_t> hashes;
        for (const QString &k : std::as_const(keys))
            hashes.insert(qHash(CellKey(k), seed));
        QCOMPARE(hashes.size(), keys.size());
    }
    int moved = 0;
    for (const QString &k : std::as_const(keys))
        moved += qHash(CellKey(k), 1) != qHash(CellKey(k), 2) ? 1 : 0;
    QCOMPARE(moved, keys.size());
    CellTable cells;
    double v = 0;
    for (const QString &k : std::as_const(keys))
        cells.insert(k, Cell::number(v++));
    QCOMPARE(cells.size(), keys.size());
    QSet<double> seen;
    for (const QString &k : std::as_const(keys)) {
        const auto it = cells.constFind(k);
        QVERIFY2(it != cells.constEnd() && it.key().toString() == k, qPrintable(k));
        seen.insert(it->value);
    }
    QCOMPARE(seen.size(), keys.size());
    QVERIFY(!cells.contains(u"t3.no_such_row.c1"_s));
}

void TestTemplates::cellsByNumberAndByKeyAgree()
{
    // Every key of the program's templates has a number of its own that gives the key back; a
    // template's numbers follow its keys; a report's cells found by number are those found by key,
    // through inserts and removals of known keys and of keys no template has.
    QSet<int> numbers;
    QSet<QString> allKeys;
    for (const Template *t : Template::all()) {
        QStringList variants;
        for (const TableDef &td : t->tables())
            variants += td.variants;
        variants.append(Report().variant);
        for (const QString &v : std::as_const(variants)) {
            const QStringList keys = t->cellKeys(v);
            const QList<int> ids = t->cellIds(v);
            QCOMPARE(ids.size(), keys.size());
            for (qsizetype i = 0; i < keys.size(); ++i) {
                QVERIFY2(ids[i] >= 0 && ids[i] < CellIds::count(), qPrintable(keys[i]));
                QCOMPARE(ids[i], CellIds::of(keys[i]));
                QCOMPARE(CellIds::key(ids[i]), keys[i]);
                numbers.insert(ids[i]);
                allKeys.insert(keys[i]);
            }
        }
    }
    QCOMPARE(numbers.size(), allKeys.size());
    int rows = 0;
    for (const Template *t : Template::all())
        for (const TableDef &td : t->tables())
            for (const RowDef &row : td.rows) {
                const QStringList keys = t->rowKeys(td, row);
                const QList<int> ids = t->rowIds(td, row);
                QCOMPARE(ids.size(), keys.size());
                for (qsizetype i = 0; i < keys.size(); ++i)
                    QCOMPARE(CellIds::key(ids[i]), keys[i]);
                ++rows;
            }
    QVERIFY(rows > 50);
    QCOMPARE(CellIds::of(u"t3.no_such_row.c1"), -1);
    QCOMPARE(CellIds::of(u""), -1);

    const Template *t = Template::all().first();
    const QStringList known = t->cellKeys();
    QVERIFY(known.size() > 20);
    const QStringList other = {u"t9.r1.c1"_s, u"tx.extra"_s, u"t3.no_such_row.c1"_s};
    CellTable cells;
    QHash<QString, double> want;
    double v = 0;
    for (qsizetype i = 0; i < 20; ++i) {
        cells.insert(known[i], Cell::number(v));
        want.insert(known[i], v++);
        if (i < other.size()) {
            cells.insert(other[i], Cell::number(v));
            want.insert(other[i], v++);
        }
    }
    cells.insert(known[3], Cell::number(100)); // a second insert replaces the cell
    want[known[3]] = 100;
    const CellTable before = cells;
    // removed from the middle, the start and the end, a known and an unknown key
    for (const QString &k : {known[5], known[0], other[1], known[19]}) {
        QCOMPARE(cells.remove(k), 1);
        want.remove(k);
    }
    QCOMPARE(cells.remove(known[5]), 0);
    cells[known[25]].value = 7; // inserted blank, then written
    want.insert(known[25], 7);
    // put blank where it is kept and written there: a new key, a key that had a cell (made blank
    // before it is written), and a key no template has
    cells.putBlank(known[26], CellIds::of(known[26])).value = 8;
    want.insert(known[26], 8);
    Cell &again = cells.putBlank(known[3], CellIds::of(known[3]));
    QCOMPARE(again.state, Cell::State::Blank);
    QCOMPARE(again.value, 0.0);
    again.value = 9;
    want[known[3]] = 9;
    cells.putBlank(other[2], CellIds::of(other[2])).value = 10;
    want[other[2]] = 10;
    QCOMPARE(cells.size(), want.size());
    QHash<QString, int> visits;
    for (auto it = cells.cbegin(); it != cells.cend(); ++it) {
        ++visits[it.key().toString()];
        QCOMPARE(it->value, want.value(it.key().toString(), -1));
    }
    QCOMPARE(visits.size(), want.size());
    for (auto it = visits.cbegin(); it != visits.cend(); ++it)
        QCOMPARE(it.value(), 1);
    for (const QString &k : known.mid(0, 30)) {
        const Cell *byKey = cells.get(k);
        QCOMPARE(cells.at(CellIds::of(k)), byKey);
        QCOMPARE(byKey != nullptr, want.contains(k));
        QCOMPARE(cells.contains(k), want.contains(k));
        if (byKey)
            QCOMPARE(byKey->value, want.value(k));
    }
    for (const QString &k : other) {
        QCOMPARE(cells.contains(k), want.contains(k));
        QCOMPARE(cells.value(k, Cell::number(-1)).value, want.value(k, -1));
    }
    QCOMPARE(cells.at(-1), nullptr);
    QCOMPARE(cells.at(CellIds::count()), nullptr);
    // the copy taken before is as it was
    QCOMPARE(before.size(), 23);
    QCOMPARE(before.get(known[5])->value, 8);
    QCOMPARE(before.get(known[3])->value, 100);
    QVERIFY(before.contains(other[1]));
    QVERIFY(!before.contains(known[25]));
}

void TestTemplates::keyLettersAreUnicodesLetters()
{
    // The letters a label's key keeps, told in part without Unicode's table: every unit of the
    // BMP as that table says (the ideographs of the form and ASCII's letters, else QChar::isLetter).
    int letters = 0;
    for (char32_t u = 0; u <= 0xFFFF; ++u) {
        const QChar c{char16_t(u)};
        const bool want = (u >= 0x4E00 && u <= 0x9FEF) ||
                          (u < 0x80 ? ((u | 0x20) >= u'a' && (u | 0x20) <= u'z') : c.isLetter());
        QVERIFY2(Template::isKeyLetter(c) == want, qPrintable(QString::number(uint(u), 16)));
        letters += want;
    }
    QVERIFY(letters > 40000);
}

#include "tst_templates.moc"
