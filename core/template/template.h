#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

namespace nianbao {

enum class ValueKind { Count, Decimal };

struct ColumnDef
{
    QString key;
    QString label;
    QString labelEn;
    QString group; // a header spanning several columns (法人或其他组织)
    ValueKind kind = ValueKind::Count;
    bool isSigned = false; // may be negative (T2019 本年增/减)
    bool isTotal = false;  // the sum of the other columns (总计)
};

struct RowDef
{
    QString key;
    QString label;
    QString labelEn;
    QStringList aliases;   // matching keys, letters only
    QString group;         // group label spanning this row (三、本年度办理结果)
    QString qualifier;     // the group when it is part of the row's name (行政诉讼·复议后起诉)
    QString subgroup;      // （三）不予公开
    QString section;       // T2 section (第二十条第（一）项)
    QString variant;       // "" = always, else one of TableDef::variants (the （六） of T2021)
    bool isResult = false; // part of the sum of results
    QList<int> columns;    // indices into TableDef::columns; all columns when empty in the file
};

struct GroupDef
{
    QString label;
    QString labelEn;
    QStringList aliases;
    QString variant;
};

struct IdentityDef
{
    enum class Per { Row, Column };
    QString rule;
    Per per = Per::Row;
    QStringList lhs; // row keys (per column) or column keys (per row); "@result" = every result row
    QStringList rhs;
    QString title;
    QString titleEn;
    QString rhsTitle; // names the right side when it has many cells
    QString rhsTitleEn;
};

/// A number the report's prose states, to compare with the tables (and to decide digit runs).
struct ProseCheckDef
{
    QString id;
    QString label;
    QString labelEn;
    QStringList patterns;    // regular expressions; capture 1 is the number
    QList<QStringList> sums; // the prose agrees when it equals the sum of one of these
    bool decides = false;    // may decide a digit run of its cell
};

/// A comparison with the same body's report of the year before: this year's row against last
/// year's (YEAR.CARRYOVER: 上年结转 against 结转下年度, per column), or a stock against last year's
/// stock plus what was added less what was removed (YEAR.IN_FORCE).
struct YearCheckDef
{
    QString rule;
    QString table;
    QStringList rows; // rows of this year's report
    QString previous; // CARRYOVER: the row of last year's report
    QString stock;    // IN_FORCE: the columns of the stock, of what was added and removed
    QString added;
    QString removed;
};

enum class TableLayout { Rows, SingleRow };

struct TableDef
{
    QString key; // t2, t3, t4
    QString title;
    QString titleEn;
    QString note; // printed in the form's corner (the 勾稽关系 of table 3)
    QString noteEn;
    // Where the table is in a report's text (anchors are compared with the text without its
    // whitespace). The tables are looked for in form order, each from the start of the last one
    // found: first its after anchor when it has one (the table follows it: table 4 follows
    // 结转下年度, the last row of table 3), then its start anchors, else its heading. It ends at
    // its first end anchor, or where the next table found starts, or with the text.
    QStringList startAnchors;
    QStringList headingAnchors;
    QStringList afterAnchors;
    QStringList endAnchors;
    /// Rows of this table that a report in the template must have: a text without them is not
    /// such a report. 0: the table may be missing. A table that must be there and is not found
    /// after the one before it is looked for in the whole text.
    int minRows = 0;
    /// The forms the table comes in (the two （六） of T2021), the first the usual one. The rows
    /// read decide: the one form their rows name, else the first. Rows and groups of no form are
    /// in every form.
    QStringList variants;
    TableLayout layout = TableLayout::Rows;
    QList<ColumnDef> columns;
    QList<RowDef> rows;
    QStringList keyGrid;        // every cell's key, row by row, made when the template is read (cellKey)
    QList<QStringList> rowKeys; // each row's cell keys, in its columns' order (Template::rowKeys)
    QList<QList<int>> rowIds;   // their numbers (CellIds): the program's own templates only
    QList<GroupDef> groups;
    QList<IdentityDef> identities;

    int rowIndex(QStringView key) const;
    /// The group of that label (a row's group or subgroup, a column's group); null when none.
    const GroupDef *group(QStringView label) const;
    int columnIndex(QStringView key) const;
    bool rowActive(const RowDef &row, QStringView variant) const;
};

/// A report template (T2021, T2019) read from a resource file: rows, columns, labels,
/// aliases and identities. The extractor and the rule engine are generic over it.
class Template
{
public:
    /// Every template the program knows (the resource files of templates/), newest first.
    static const QList<const Template *> &all();
    /// The newest template: the layout a mixed batch is laid out in.
    static const Template *latest() { return all().first(); }
    static const Template *byName(QStringView name);
    /// Is it one of all() (or one of their tables)? Those never change and live as long as the
    /// program, so what is computed from them may be kept; a template made elsewhere (a test's)
    /// may not.
    static bool isBuiltIn(const Template *t);
    static bool isBuiltIn(const TableDef *t);
    static const Template *t2021() { return byName(u"2021"); }
    static const Template *t2019() { return byName(u"2019"); }
    static std::unique_ptr<Template> fromJson(const QByteArray &json, QString *error);

    QString name() const { return m_name; }
    QString title() const { return m_title; }
    const QList<TableDef> &tables() const { return m_tables; }
    const TableDef *table(QStringView key) const;
    QStringList markers() const { return m_markers; }
    /// Numbers of the prose to compare with the tables.
    const QList<ProseCheckDef> &proseChecks() const { return m_prose; }
    /// Comparisons with last year's report of the same body.
    const QList<YearCheckDef> &yearChecks() const { return m_yearChecks; }

    /// Every cell key of the template in a form of its tables (one of TableDef::variants, the
    /// （六） of T2021), in form order; without one, each table in its usual form.
    QStringList cellKeys(QStringView variant = {}) const;
    /// The numbers (CellIds) of cellKeys(variant), in the same order (−1 for a key that only this
    /// template has).
    QList<int> cellIds(QStringView variant = {}) const;
    static QString cellKey(const TableDef &t, const RowDef &r, const ColumnDef &c);
    /// The cell keys of a row of t, in the order of its columns: a row of one of this template's
    /// own tables has them made when the template was read (no string is made or compared);
    /// any other is made with cellKey.
    QStringList rowKeys(const TableDef &t, const RowDef &r) const;
    /// The numbers (CellIds) of rowKeys(t, r), in the same order (−1 for a key no template of
    /// the program has).
    QList<int> rowIds(const TableDef &t, const RowDef &r) const;
    /// "（一）予以公开 · 自然人" style label of a cell key, in the language in use
    /// (nianbao::Language); empty when the key is unknown.
    QString cellLabel(QStringView key) const;
    bool splitKey(QStringView key, const TableDef **t, int *row, int *col) const;

    /// Letters only: the form in which labels are compared.
    static QString matchKey(QStringView text);
    /// Is c one of the characters matchKey keeps: a letter (CJK ideographs and ASCII letters told
    /// without Unicode's table)?
    static bool isKeyLetter(QChar c)
    {
        const char16_t u = c.unicode();
        if (u >= 0x4E00 && u <= 0x9FEF)
            return true;
        if (u < 0x80)
            return (u | 0x20) >= u'a' && (u | 0x20) <= u'z';
        // The punctuation a normalised report keeps (、。《》【】“”—…), which holds no letter: told
        // without Unicode's table.
        if ((u >= 0x2000 && u <= 0x206F) || (u >= 0x3000 && u <= 0x3004) || (u >= 0x3008 && u <= 0x3020))
            return false;
        return c.isLetter();
    }

private:
    QString m_name;
    QString m_title;
    QStringList m_markers;
    QList<TableDef> m_tables;
    QList<ProseCheckDef> m_prose;
    QList<YearCheckDef> m_yearChecks;
    /// cellKeys of each variant asked for (a few at most), made on the first call from any thread
    /// and kept.
    mutable QMutex m_keysMutex;
    struct VariantKeys
    {
        QString variant;
        QStringList keys;
        QList<int> ids;
    };
    mutable QList<VariantKeys> m_keysOfVariant;
    QStringList makeCellKeys(QStringView variant) const;
    VariantKeys keysOf(QStringView variant) const;
};

} // namespace nianbao
