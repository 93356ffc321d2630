#include "template.h"

#include "cellids.h"

#include "i18n/language.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

int TableDef::rowIndex(QStringView k) const
{
    for (int i = 0; i < rows.size(); ++i)
        if (rows[i].key == k)
            return i;
    return -1;
}

const GroupDef *TableDef::group(QStringView label) const
{
    for (const GroupDef &g : groups)
        if (g.label == label)
            return &g;
    return nullptr;
}

int TableDef::columnIndex(QStringView k) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (columns[i].key == k)
            return i;
    return -1;
}

bool TableDef::rowActive(const RowDef &row, QStringView variant) const
{
    return row.variant.isEmpty() || row.variant == variant;
}

QString Template::matchKey(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar *o = out.data();
    qsizetype k = 0;
    for (QChar c : text)
        if (isKeyLetter(c))
            o[k++] = c;
    out.truncate(k);
    return out;
}

static QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

std::unique_ptr<Template> Template::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        if (error)
            *error = pe.errorString();
        return nullptr;
    }
    const QJsonObject o = doc.object();
    auto t = std::make_unique<Template>();
    t->m_name = o.value("name"_L1).toString();
    t->m_title = o.value("title"_L1).toString();
    t->m_markers = toStringList(o.value("markers"_L1));
    for (const QJsonValue &yv : o.value("year_checks"_L1).toArray()) {
        const QJsonObject yo = yv.toObject();
        YearCheckDef yd;
        yd.rule = yo.value("rule"_L1).toString();
        yd.table = yo.value("table"_L1).toString();
        yd.rows = toStringList(yo.value("rows"_L1));
        yd.previous = yo.value("previous"_L1).toString();
        yd.stock = yo.value("stock"_L1).toString();
        yd.added = yo.value("added"_L1).toString();
        yd.removed = yo.value("removed"_L1).toString();
        t->m_yearChecks.append(yd);
    }
    for (const QJsonValue &pv : o.value("prose"_L1).toArray()) {
        const QJsonObject po = pv.toObject();
        ProseCheckDef pd;
        pd.id = po.value("id"_L1).toString();
        pd.label = po.value("label"_L1).toString();
        pd.labelEn = po.value("label_en"_L1).toString();
        pd.patterns = toStringList(po.value("patterns"_L1));
        for (const QJsonValue &sv : po.value("sums"_L1).toArray())
            pd.sums.append(toStringList(sv));
        pd.decides = po.value("decides"_L1).toBool();
        t->m_prose.append(pd);
    }

    for (const QJsonValue &tv : o.value("tables"_L1).toArray()) {
        const QJsonObject to = tv.toObject();
        TableDef td;
        td.key = to.value("key"_L1).toString();
        td.title = to.value("title"_L1).toString();
        td.titleEn = to.value("title_en"_L1).toString();
        td.note = to.value("note"_L1).toString();
        td.noteEn = to.value("note_en"_L1).toString();
        td.startAnchors = toStringList(to.value("start"_L1));
        td.headingAnchors = toStringList(to.value("heading"_L1));
        td.afterAnchors = toStringList(to.value("after"_L1));
        td.endAnchors = toStringList(to.value("end"_L1));
        td.minRows = to.value("min_rows"_L1).toInt();
        td.variants = toStringList(to.value("variants"_L1));
        td.layout =
            to.value("layout"_L1).toString() == "single_row"_L1 ? TableLayout::SingleRow : TableLayout::Rows;
        for (const QJsonValue &cv : to.value("columns"_L1).toArray()) {
            const QJsonObject co = cv.toObject();
            ColumnDef cd;
            cd.key = co.value("key"_L1).toString();
            cd.label = co.value("label"_L1).toString();
            cd.labelEn = co.value("label_en"_L1).toString();
            cd.group = co.value("group"_L1).toString();
            cd.kind = co.value("kind"_L1).toString() == "decimal"_L1 ? ValueKind::Decimal : ValueKind::Count;
            cd.isSigned = co.value("signed"_L1).toBool();
            cd.isTotal = co.value("total"_L1).toBool();
            td.columns.append(cd);
        }
        for (const QJsonValue &rv : to.value("rows"_L1).toArray()) {
            const QJsonObject ro = rv.toObject();
            RowDef rd;
            rd.key = ro.value("key"_L1).toString();
            rd.label = ro.value("label"_L1).toString();
            rd.labelEn = ro.value("label_en"_L1).toString();
            for (const QString &a : toStringList(ro.value("aliases"_L1)))
                rd.aliases.append(matchKey(a));
            rd.group = ro.value("group"_L1).toString();
            if (to.value("group_names_rows"_L1).toBool())
                rd.qualifier = rd.group;
            rd.subgroup = ro.value("subgroup"_L1).toString();
            rd.section = ro.value("section"_L1).toString();
            rd.variant = ro.value("variant"_L1).toString();
            if (!rd.variant.isEmpty() && !td.variants.contains(rd.variant)) {
                if (error)
                    *error = u"unknown variant %1 in row %2"_s.arg(rd.variant, rd.key);
                return nullptr;
            }
            rd.isResult = ro.value("result"_L1).toBool();
            const QStringList cols = toStringList(ro.value("columns"_L1));
            if (cols.isEmpty()) {
                for (int i = 0; i < td.columns.size(); ++i)
                    rd.columns.append(i);
            } else {
                for (const QString &c : cols) {
                    const int ci = td.columnIndex(c);
                    if (ci < 0) {
                        if (error)
                            *error = u"unknown column %1 in row %2"_s.arg(c, rd.key);
                        return nullptr;
                    }
                    rd.columns.append(ci);
                }
            }
            td.rows.append(rd);
        }
        for (const QJsonValue &gv : to.value("groups"_L1).toArray()) {
            const QJsonObject go = gv.toObject();
            GroupDef gd;
            gd.label = go.value("label"_L1).toString();
            gd.labelEn = go.value("label_en"_L1).toString();
            for (const QString &a : toStringList(go.value("aliases"_L1)))
                gd.aliases.append(matchKey(a));
            gd.variant = go.value("variant"_L1).toString();
            if (!gd.variant.isEmpty() && !td.variants.contains(gd.variant)) {
                if (error)
                    *error = u"unknown variant %1 in group %2"_s.arg(gd.variant, gd.label);
                return nullptr;
            }
            td.groups.append(gd);
        }
        for (const QJsonValue &iv : to.value("identities"_L1).toArray()) {
            const QJsonObject io = iv.toObject();
            IdentityDef id;
            id.rule = io.value("rule"_L1).toString();
            id.per = io.value("per"_L1).toString() == "column"_L1 ? IdentityDef::Per::Column
                                                                  : IdentityDef::Per::Row;
            id.lhs = toStringList(io.value("lhs"_L1));
            id.rhs = toStringList(io.value("rhs"_L1));
            id.title = io.value("title"_L1).toString();
            id.titleEn = io.value("title_en"_L1).toString();
            id.rhsTitle = io.value("rhs_title"_L1).toString();
            id.rhsTitleEn = io.value("rhs_title_en"_L1).toString();
            td.identities.append(id);
        }
        for (const RowDef &r : std::as_const(td.rows)) {
            for (const ColumnDef &c : std::as_const(td.columns))
                td.keyGrid.append(cellKey(td, r, c));
            QStringList keys;
            for (int ci : r.columns)
                keys.append(cellKey(td, r, td.columns[ci]));
            td.rowKeys.append(keys);
        }
        t->m_tables.append(td);
    }
    if (t->m_tables.isEmpty()) {
        if (error)
            *error = u"template without tables"_s;
        return nullptr;
    }
    if (std::none_of(t->m_tables.cbegin(), t->m_tables.cend(),
                     [](const TableDef &td) { return td.minRows > 0; })) {
        // Without a table every report has, any text would be a report in the template.
        if (error)
            *error = u"template without a table every report has (min_rows)"_s;
        return nullptr;
    }
    for (const TableDef &td : std::as_const(t->m_tables)) {
        if (td.startAnchors.isEmpty()) {
            if (error)
                *error = u"table %1 without start anchors"_s.arg(td.key);
            return nullptr;
        }
    }
    return t;
}

static std::unique_ptr<Template> loadResource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("template resource %s is missing", qPrintable(path));
    QString error;
    auto t = Template::fromJson(f.readAll(), &error);
    if (!t)
        qFatal("template resource %s is invalid: %s", qPrintable(path), qPrintable(error));
    return t;
}

bool Template::isBuiltIn(const Template *t)
{
    return all().contains(t);
}

bool Template::isBuiltIn(const TableDef *t)
{
    for (const Template *tmpl : all())
        for (const TableDef &td : tmpl->tables())
            if (&td == t)
                return true;
    return false;
}

const QList<const Template *> &Template::all()
{
    // Every template resource, loaded once and kept for the program's life; the newest (by name,
    // a report year) first.
    static const std::vector<std::unique_ptr<Template>> owned = [] {
        std::vector<std::unique_ptr<Template>> out;
        const QDir dir(u":/nianbao/templates"_s);
        for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files))
            out.push_back(loadResource(dir.filePath(name)));
        if (out.empty())
            qFatal("no template resource");
        std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a->name() > b->name(); });
        // The keys numbered, and each row given the numbers of its keys.
        QList<const Template *> made;
        for (const auto &t : out)
            made.append(t.get());
        CellIds::number(made);
        for (const auto &t : out)
            for (TableDef &td : t->m_tables)
                for (const QStringList &keys : std::as_const(td.rowKeys)) {
                    QList<int> ids;
                    ids.reserve(keys.size());
                    for (const QString &k : keys)
                        ids.append(CellIds::find(k));
                    td.rowIds.append(ids);
                }
        return out;
    }();
    static const QList<const Template *> templates = [] {
        QList<const Template *> out;
        for (const auto &t : owned)
            out.append(t.get());
        return out;
    }();
    return templates;
}

const Template *Template::byName(QStringView name)
{
    for (const Template *t : all())
        if (t->name() == name)
            return t;
    return nullptr;
}

const TableDef *Template::table(QStringView key) const
{
    for (const TableDef &t : m_tables)
        if (t.key == key)
            return &t;
    return nullptr;
}

/// Where item is in list, when it is one of its elements (not a copy); −1 otherwise.
template <typename List, typename T> static qsizetype indexIn(const List &list, const T &item)
{
    const auto at = reinterpret_cast<std::uintptr_t>(&item);
    const auto first = reinterpret_cast<std::uintptr_t>(list.constData());
    if (at < first || at >= first + sizeof(item) * std::uintptr_t(list.size()))
        return -1;
    return qsizetype((at - first) / sizeof(item));
}

QString Template::cellKey(const TableDef &t, const RowDef &r, const ColumnDef &c)
{
    // A row and a column of the table itself: its key made when the template was read.
    const qsizetype ri = indexIn(t.rows, r), ci = indexIn(t.columns, c);
    if (ri >= 0 && ci >= 0 && t.keyGrid.size() == t.rows.size() * t.columns.size()) {
        const QString &k = t.keyGrid[ri * t.columns.size() + ci];
        // Compared without making a string: the keys may have changed in a copy of the table.
        const QStringView v(k);
        if (v.size() == t.key.size() + r.key.size() + c.key.size() + 2 && v.startsWith(t.key) &&
            v.mid(t.key.size() + 1, r.key.size()) == r.key && v.endsWith(c.key))
            return k;
    }
    return t.key + u'.' + r.key + u'.' + c.key;
}

QList<int> Template::rowIds(const TableDef &t, const RowDef &r) const
{
    const qsizetype ri = indexIn(m_tables, t) >= 0 ? indexIn(t.rows, r) : -1;
    if (ri >= 0 && t.rowIds.size() == t.rows.size())
        return t.rowIds[ri];
    QList<int> ids;
    for (int ci : r.columns)
        ids.append(CellIds::of(cellKey(t, r, t.columns[ci])));
    return ids;
}

QStringList Template::rowKeys(const TableDef &t, const RowDef &r) const
{
    // One of the template's own tables (they do not change once it is read), and one of its rows.
    const qsizetype ri = indexIn(m_tables, t) >= 0 ? indexIn(t.rows, r) : -1;
    if (ri >= 0 && t.rowKeys.size() == t.rows.size())
        return t.rowKeys[ri];
    QStringList keys;
    for (int ci : r.columns)
        keys.append(cellKey(t, r, t.columns[ci]));
    return keys;
}

Template::VariantKeys Template::keysOf(QStringView variant) const
{
    const QMutexLocker lock(&m_keysMutex);
    for (const VariantKeys &k : std::as_const(m_keysOfVariant))
        if (k.variant == variant)
            return k;
    VariantKeys made{variant.toString(), makeCellKeys(variant), {}};
    made.ids.reserve(made.keys.size());
    for (const QString &k : std::as_const(made.keys))
        made.ids.append(CellIds::of(k));
    if (m_keysOfVariant.size() < 8) // a variant read from a file may be anything: only a few are kept
        m_keysOfVariant.append(made);
    return made;
}

QStringList Template::cellKeys(QStringView variant) const
{
    return keysOf(variant).keys;
}

QList<int> Template::cellIds(QStringView variant) const
{
    return keysOf(variant).ids;
}

QStringList Template::makeCellKeys(QStringView variant) const
{
    QStringList out;
    for (const TableDef &t : m_tables) {
        const QStringView form =
            variant.isEmpty() && !t.variants.isEmpty() ? QStringView(t.variants.first()) : variant;
        for (const RowDef &r : t.rows)
            if (t.rowActive(r, form))
                for (int ci : r.columns)
                    out.append(cellKey(t, r, t.columns[ci]));
    }
    return out;
}

bool Template::splitKey(QStringView key, const TableDef **t, int *row, int *col) const
{
    const qsizetype a = key.indexOf(u'.');
    const qsizetype b = key.lastIndexOf(u'.');
    if (a <= 0 || b <= a)
        return false;
    const TableDef *td = table(key.left(a));
    if (!td)
        return false;
    const int r = td->rowIndex(key.mid(a + 1, b - a - 1));
    const int c = td->columnIndex(key.mid(b + 1));
    if (r < 0 || c < 0)
        return false;
    if (t)
        *t = td;
    if (row)
        *row = r;
    if (col)
        *col = c;
    return true;
}

QString Template::cellLabel(QStringView key) const
{
    const TableDef *t = nullptr;
    int r = -1, c = -1;
    if (!splitKey(key, &t, &r, &c))
        return {};
    const RowDef &row = t->rows[r];
    const ColumnDef &col = t->columns[c];
    if (Language::isEnglish())
        return row.labelEn + u" · "_s + col.labelEn;
    QString rowLabel = row.label;
    if (!row.subgroup.isEmpty())
        rowLabel = row.subgroup + rowLabel;
    if (!row.qualifier.isEmpty())
        rowLabel = row.qualifier + u'·' + rowLabel;
    return rowLabel + u" · "_s + col.label;
}

} // namespace nianbao
