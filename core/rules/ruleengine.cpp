#include "ruleengine.h"

#include "ocr/scanreader.h"

#include "identities.h"

#include "checks/documentchecks.h"
#include "checks/prosechecks.h"
#include "checks/suggestions.h"
#include "checks/textview.h"
#include "i18n/language.h"

#include "io/limits.h"
#include "template/threadmemo.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QString Finding::text() const
{
    const bool inEnglish = Language::isEnglish() && !messageEn.isEmpty();
    const QString m = inEnglish ? messageEn : message;
    const QString h = inEnglish ? hintEn : hint;
    return h.isEmpty() ? m : m + (inEnglish ? u" — "_s : u"——"_s) + h;
}

QString RuleEngine::formatNumber(double v)
{
    if (!std::isfinite(v))
        return u"?"_s;
    if (std::floor(v) == v && std::abs(v) < 9.0e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 15);
}

bool RuleEngine::isTooLong(const Cell &cell)
{
    return cell.state == Cell::State::Text && (cell.fromRun || Limits::tooManyDigits(cell.text));
}

namespace {

/// A text a message is built of, in both languages.
struct Words
{
    QString zh;
    QString en;
};

/// A long number as a message shows it: its first digits and how many there are.
Words longNumber(const QString &text)
{
    const QString t = text.simplified();
    const int digits = Limits::numberDigits(t);
    const QString head = t.size() > 24 ? t.left(20) + u'…' : t;
    return {u"“%1”（%2 位）"_s.arg(head).arg(digits), u"\"%1\" (%2 digits)"_s.arg(head).arg(digits)};
}

/// Why an uncertain cell is undecided and what it may be, for its finding, the JSON and the
/// window's tooltip.
Words uncertainWords(const QString &name, const QString &nameEn, const Cell &c)
{
    // A long run may hold thousands of readings: the message names the first few.
    constexpr qsizetype shown = 12;
    QStringList vs;
    for (qsizetype i = 0; i < qMin(shown, c.candidates.size()); ++i)
        vs.append(RuleEngine::formatNumber(c.candidates[i]));
    QString may, mayEn;
    if (!vs.isEmpty()) {
        may = u"：可能是 %1"_s.arg(vs.join(u" / "_s));
        mayEn = u": %1"_s.arg(vs.join(u" / "_s));
        if (c.candidates.size() > shown) {
            may += u" / …（共 %1 种）"_s.arg(c.candidates.size());
            mayEn += u" / … (%1 in all)"_s.arg(c.candidates.size());
        }
    }
    // A value recognised from a scan is in doubt for its recognition, whatever else is.
    const Cell::Doubt doubt =
        c.recognised && c.doubt != Cell::Doubt::TooManySplits ? Cell::Doubt::Recognition : c.doubt;
    switch (doubt) {
    case Cell::Doubt::TooManySplits: {
        const QString run = QString::number(Limits::MaxRunSplits);
        const QString all = QString::number(Limits::MaxReportSplits);
        return {u"%1 的数字连在一起，拆分方式多于所能权衡的（每行至多 %2 种，每份报告至多 %3 种），无法确定"_s
                    .arg(name, run, all),
                u"%1 was read from digits that ran together in more ways than are weighed (%2 a run, "
                u"%3 a report) and is undecided"_s.arg(nameEn, run, all)};
    }
    case Cell::Doubt::LooseLabel:
        return {u"%1 所在行的名称与表样只大致相符，且勾稽关系不能印证，无法确定%2"_s.arg(name, may),
                u"%1 is in a row whose label matches the form's only loosely, and no identity confirms "
                u"it; undecided%2"_s.arg(nameEn, mayEn)};
    case Cell::Doubt::WrappedLine:
        return {u"%1 的数值与折行的项目名称不在同一行，归属不能确定%2"_s.arg(name, may),
                u"%1 was taken across a wrapped line of its label, and which row it belongs to is "
                u"undecided%2"_s.arg(nameEn, mayEn)};
    case Cell::Doubt::Grid:
        return {u"%1 所在表格的列数与表样不符，数值可能错列%2"_s.arg(name, may),
                u"%1 is in a table whose columns disagree with the form's, so the value may be in "
                u"the wrong column%2"_s.arg(nameEn, mayEn)};
    case Cell::Doubt::LostColumn:
        return {u"%1 所在行的数值少于表样的列数，缺的是哪一列不能确定%2"_s.arg(name, may),
                u"%1 is in a row with fewer values than the form has columns, and which one is "
                u"missing is undecided%2"_s.arg(nameEn, mayEn)};
    case Cell::Doubt::Recognition:
        return {u"%1 由扫描图像识别得到，可信度不足%2"_s.arg(name, may),
                u"%1 was recognised from a scan with too little confidence%2"_s.arg(nameEn, mayEn)};
    case Cell::Doubt::None:
    case Cell::Doubt::Split:
        break;
    }
    return {u"%1 的数字连在一起，无法确定%2"_s.arg(name, may),
            u"%1 was read from digits that ran together and is undecided%2"_s.arg(nameEn, mayEn)};
}

QString shortRowLabel(const QString &label)
{
    // （二）部分公开（区分处理的，只计这一情形，不计其他情形） → （二）部分公开
    const qsizetype p = label.indexOf(u'（', 2);
    if (p > 2 && label.endsWith(u'）'))
        return label.left(p);
    return label;
}

/// A row's short name in both languages: "行政诉讼·复议后起诉" / "Litigation after reconsideration".
Words rowNames(const RowDef &row)
{
    QString rl = shortRowLabel(row.label);
    if (!row.subgroup.isEmpty())
        rl = row.subgroup + rl;
    if (!row.qualifier.isEmpty())
        rl = row.qualifier + u'·' + rl;
    return {rl, row.labelEn};
}

Words composeCellNames(const Template &t, const QString &key);

/// A cell's short name in both languages; the key itself when the template has no such cell.
/// The names of the program's own templates are made once a thread, then looked up.
Words cellNames(const Template &t, const QString &key)
{
    thread_local ThreadMemo<Template, Words> remembered(4096);
    if (!Template::isBuiltIn(&t))
        return composeCellNames(t, key);
    return remembered.get(&t, key, [&] { return composeCellNames(t, key); });
}

Words composeCellNames(const Template &t, const QString &key)
{
    const TableDef *td = nullptr;
    int r = -1, c = -1;
    if (!t.splitKey(key, &td, &r, &c))
        return {key, key};
    const Words row = rowNames(td->rows[r]);
    const ColumnDef &col = td->columns[c];
    return {row.zh + u'·' + col.label, row.en + u" / "_s + col.labelEn};
}

} // namespace

QString RuleEngine::cellName(const Template &t, const QString &key)
{
    const Words n = cellNames(t, key);
    return Language::pick(n.zh, n.en);
}

QString RuleEngine::cellNameZh(const Template &t, const QString &key)
{
    return cellNames(t, key).zh;
}

QString RuleEngine::cellNameEn(const Template &t, const QString &key)
{
    return cellNames(t, key).en;
}

QString RuleEngine::rowName(const Template &t, const QString &cellKey)
{
    const TableDef *td = nullptr;
    int r = -1;
    if (!t.splitKey(cellKey, &td, &r, nullptr))
        return cellKey;
    const Words n = rowNames(td->rows[r]);
    return Language::pick(n.zh, n.en);
}

int RuleEngine::errorCount(const QList<Finding> &findings)
{
    int n = 0;
    for (const Finding &f : findings)
        n += f.isError() ? 1 : 0;
    return n;
}

int RuleEngine::warningCount(const QList<Finding> &findings)
{
    return int(findings.size()) - errorCount(findings);
}

namespace {

/// The name of a term inside an identity: the part that differs between its cells.
Words termNames(const IdentityInstance &id, const QString &key)
{
    const TableDef &t = *id.table;
    const qsizetype a = key.indexOf(u'.'), b = key.lastIndexOf(u'.');
    const QString rowKey = key.mid(a + 1, b - a - 1), colKey = key.mid(b + 1);
    if (id.def->per == IdentityDef::Per::Column) {
        const RowDef &r = t.rows[t.rowIndex(rowKey)];
        return {shortRowLabel(r.label), r.labelEn};
    }
    const ColumnDef &c = t.columns[t.columnIndex(colKey)];
    return {c.label, c.labelEn};
}

/// One side of an identity in words, in both languages: its terms with their values and sum, or
/// its title and sum when it has many terms.
Words side(const IdentityInstance &id, const QStringList &keys, const QHash<QString, double> &vals,
           const QSet<QString> &blank, const QString &title, const QString &titleEn)
{
    if (keys.size() > 6 && !title.isEmpty()) {
        double sum = 0;
        for (const QString &k : keys)
            sum += vals.value(k);
        const QString total = RuleEngine::formatNumber(sum);
        return {title + u' ' + total, titleEn + u' ' + total};
    }
    QStringList terms, termsEn;
    double sum = 0;
    for (const QString &k : keys) {
        const double v = vals.value(k);
        sum += v;
        const Words name = termNames(id, k);
        const QString value = RuleEngine::formatNumber(v);
        terms.append(name.zh + u' ' + (blank.contains(k) ? u"（空）"_s : value));
        termsEn.append(name.en + u' ' + (blank.contains(k) ? u"(blank)"_s : value));
    }
    if (keys.size() == 1)
        return {terms.first(), termsEn.first()};
    const QString total = u" = "_s + RuleEngine::formatNumber(sum);
    return {terms.join(u" + "_s) + total, termsEn.join(u" + "_s) + total};
}

} // namespace

namespace {

/// A document check's finding on a scan that may be the recogniser's doing: one saying a heading,
/// a row, a label or the fee's sentence is missing or altered (the recogniser drops and mangles
/// words the printed page has), or one quoting words it read with too little confidence.
bool restsOnDoubtfulWords(const Report &report, const Finding &f)
{
    if (f.rule.startsWith(u"TEMPLATE."_s) || f.rule == u"STRUCTURE.SECTION_MISSING"_s ||
        f.rule == u"STRUCTURE.SECTION_ORDER"_s || f.rule == u"FEE.SECTION"_s || !f.evidence.isValid())
        return true;
    const qsizetype from = f.evidence.start, to = from + std::max<qsizetype>(f.evidence.length, 1);
    return std::any_of(report.boxes.cbegin(), report.boxes.cend(), [&](const SourceBox &b) {
        return b.method == u"ocr"_s && b.start < to && b.start + b.length > from &&
               b.confidence < ScanReader::TrustedConfidence;
    });
}

} // namespace

QList<Finding> RuleEngine::check(const Report &report)
{
    QList<Finding> out;
    if (!report.tmpl)
        return out;
    const Template &t = *report.tmpl;
    const QStringList keys = report.cellKeys();
    const QList<int> ids = t.cellIds(report.variant);
    // The report's cells looked up once, in the order of keys: by number, a key of this
    // template only by itself.
    QList<const Cell *> cellOf(keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i)
        cellOf[i] = ids[i] >= 0 ? report.cells.at(ids[i]) : report.cell(keys[i]);

    // Identities.
    QList<Finding> balance;
    // The template's list, shared: looped over const, it is not copied.
    const QList<IdentityInstance> identities = expandIdentities(t, report.variant);
    for (const IdentityInstance &id : identities) {
        const QStringList cells = id.cells();
        // Summed from the cells first: most identities hold, and need nothing more.
        QVarLengthArray<const Cell *, 32> cellsRead;
        bool complete = true;
        double l = 0, r = 0;
        for (qsizetype i = 0; i < cells.size() && complete; ++i) {
            const int at = i < id.places.size() ? id.places[i] : -1;
            const Cell *c = at >= 0 ? cellOf[at] : report.cell(cells[i]);
            complete = c && c->state != Cell::State::Uncertain && !isTooLong(*c);
            if (complete) {
                (i < id.lhs.size() ? l : r) += c->identityValue();
                cellsRead.append(c);
            }
        }
        if (!complete || std::abs(l - r) < 1e-6)
            continue;
        QHash<QString, double> vals;
        QSet<QString> blank;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            vals.insert(cells[i], cellsRead[i]->identityValue());
            if (cellsRead[i]->state != Cell::State::Number)
                blank.insert(cells[i]);
        }
        Finding f;
        f.rule = id.def->rule;
        f.severity = Finding::Severity::Error;
        f.cells = cells;
        f.scope = id.scope;
        f.hasSides = true;
        f.lhs = l;
        f.rhs = r;
        f.difference = l - r;
        f.blankCells = QStringList(blank.begin(), blank.end());
        std::sort(f.blankCells.begin(), f.blankCells.end(),
                  [&](const QString &a, const QString &b) { return cells.indexOf(a) < cells.indexOf(b); });
        const QString diff = formatNumber(std::abs(l - r));
        const Words rhs = side(id, id.rhs, vals, blank, id.def->rhsTitle, id.def->rhsTitleEn);
        const Words lhs = side(id, id.lhs, vals, blank, QString(), QString());
        f.message = id.scopeLabel + u"："_s + rhs.zh + u"，而 "_s + lhs.zh + u"，相差 "_s + diff;
        f.messageEn = id.scopeLabelEn + u": "_s + rhs.en + u", but "_s + lhs.en + u", difference "_s + diff;
        if (!f.blankCells.isEmpty()) {
            QStringList names, namesEn;
            for (const QString &k : f.blankCells) {
                const Words n = cellNames(t, k);
                names.append(n.zh);
                namesEn.append(n.en);
            }
            f.message += u"（空白或非数字按 0 计：%1）"_s.arg(names.join(u"、"_s));
            f.messageEn += u" (blank or not a number, counted as 0: %1)"_s.arg(namesEn.join(u"; "_s));
        }
        if (f.rule == u"T3.BALANCE")
            balance.append(f);
        else
            out.append(f);
    }

    // One application booked in the wrong column: two applicant columns off by d and −d.
    for (int i = 0; i < balance.size(); ++i) {
        for (int j = i + 1; j < balance.size(); ++j) {
            Finding &a = balance[i];
            Finding &b = balance[j];
            const TableDef *bt = nullptr;
            if (a.cells.isEmpty() || !t.splitKey(a.cells.first(), &bt, nullptr, nullptr))
                continue;
            const int ia = bt->columnIndex(a.scope), ib = bt->columnIndex(b.scope);
            if (ia < 0 || ib < 0 || bt->columns[ia].isTotal || bt->columns[ib].isTotal)
                continue;
            if (std::abs(a.difference + b.difference) < 1e-6) {
                const QString ca = bt->columns[ia].label, cb = bt->columns[ib].label;
                const QString ea = bt->columns[ia].labelEn, eb = bt->columns[ib].labelEn;
                const QString n = formatNumber(std::abs(a.difference));
                const QString hint = u"可能有 %1 件申请记在了错误的列（%2 与 %3）"_s.arg(n, ca, cb);
                const QString hintEn =
                    u"likely %1 application(s) booked in the wrong column (%2 and %3)"_s.arg(n, ea, eb);
                a.hint = b.hint = hint;
                a.hintEn = b.hintEn = hintEn;
            }
        }
    }
    out = balance + out;

    // Values.
    for (qsizetype ki = 0; ki < keys.size(); ++ki) {
        const QString &k = keys[ki];
        const Cell *c = cellOf[ki];
        if (!c)
            continue;
        // Most cells break no rule of their value: ruled out before their names are made.
        if (!isTooLong(*c) && c->state != Cell::State::Text &&
            !(c->state == Cell::State::Number && (c->value < 0 || !c->isInteger())))
            continue;
        const TableDef *td = nullptr;
        int r = -1, ci = -1;
        t.splitKey(k, &td, &r, &ci);
        const ColumnDef &col = td->columns[ci];
        const Words names = cellNames(t, k);
        const QString &name = names.zh, &nameEn = names.en;
        Finding f;
        f.severity = Finding::Severity::Error;
        f.cells = {k};
        if (isTooLong(*c) && c->fromRun) {
            // The cells of the row all keep the one run of digits.
            int cells = 0;
            for (const Cell *oc : std::as_const(cellOf))
                cells += oc && oc->fromRun && oc->state == Cell::State::Text && oc->start == c->start ? 1 : 0;
            const QString digits = QString::number(Limits::numberDigits(c->text));
            const QString most = QString::number(Limits::MaxSplitDigits);
            f.rule = u"VALUE.TOO_LONG"_s;
            f.message =
                u"%1：本行的数字连在一起，共 %2 位，超过本行 %3 格（每格至多 %4 位）所能容纳，未读取"_s.arg(
                    name, digits, QString::number(cells), most);
            f.messageEn =
                u"%1: the row's digits ran together (%2 digits), more than its %3 cells can hold at %4 "
                u"digits each; not read"_s.arg(nameEn, digits, QString::number(cells), most);
        } else if (isTooLong(*c)) {
            f.rule = u"VALUE.TOO_LONG"_s;
            f.message = u"%1 的数字过长，不能作为数值读取（至多 %2 位）：%3"_s.arg(
                name, QString::number(Limits::MaxNumberDigits), longNumber(c->text).zh);
            f.messageEn = u"%1 is too long to be read as a number (at most %2 digits): %3"_s.arg(
                nameEn, QString::number(Limits::MaxNumberDigits), longNumber(c->text).en);
        } else if (c->state == Cell::State::Text) {
            f.rule = u"VALUE.NOT_NUMBER"_s;
            f.message = u"%1 不是数字：“%2”"_s.arg(name, c->text.trimmed());
            f.messageEn = u"%1 is not a number: \"%2\""_s.arg(nameEn, c->text.trimmed());
        } else if (c->state == Cell::State::Number && c->value < 0 && !col.isSigned) {
            f.rule = u"VALUE.NEGATIVE"_s;
            f.message = u"%1 为负数：%2"_s.arg(name, formatNumber(c->value));
            f.messageEn = u"%1 is negative: %2"_s.arg(nameEn, formatNumber(c->value));
        } else if (c->state == Cell::State::Number && col.kind == ValueKind::Count && !c->isInteger()) {
            f.rule = u"VALUE.NOT_INTEGER"_s;
            f.message = u"%1 不是整数：%2"_s.arg(name, formatNumber(c->value));
            f.messageEn = u"%1 is not a whole number: %2"_s.arg(nameEn, formatNumber(c->value));
        } else {
            continue;
        }
        out.append(f);
    }

    // Numbers of the prose against the tables (warnings: the prose may count 条 not 件, or cover
    // only the issuing office while the table covers the region).
    for (const ProseCheckDef &check : t.proseChecks()) {
        QList<double> stated;
        QStringList tooLong, tooLongEn; // numbers too long to hold: shown, never compared
        const ProseFact *firstFact = nullptr;
        for (const ProseFact &pf : report.prose) {
            if (pf.check != check.id)
                continue;
            if (!firstFact)
                firstFact = &pf;
            if (pf.tooLong) {
                const Words n = longNumber(report.text.mid(pf.start, pf.length));
                tooLong.append(n.zh);
                tooLongEn.append(n.en);
            } else if (!stated.contains(pf.value)) {
                stated.append(pf.value);
            }
        }
        if (stated.isEmpty() && tooLong.isEmpty())
            continue;
        QList<double> sums;
        QStringList cells;
        bool complete = true;
        for (const QStringList &sum : check.sums) {
            double v = 0;
            for (const QString &k : sum) {
                const Cell *c = report.cell(k);
                if (!c || c->state != Cell::State::Number)
                    complete = false;
                else
                    v += c->value;
                if (!cells.contains(k))
                    cells.append(k);
            }
            if (!sums.contains(v))
                sums.append(v);
        }
        if (!complete)
            continue;
        bool agrees = false;
        for (double s : stated)
            agrees = agrees || sums.contains(s);
        if (agrees)
            continue;
        QStringList st, stEn, tb;
        for (double s : stated)
            st.append(formatNumber(s));
        stEn = st + tooLongEn;
        st += tooLong;
        for (double s : sums)
            tb.append(formatNumber(s));
        Finding f;
        f.rule = u"PROSE.MISMATCH"_s;
        f.severity = Finding::Severity::Warning;
        f.cells = cells;
        for (const ProseFact &pf : report.prose)
            if (pf.check == check.id && !pf.tooLong && !sums.contains(pf.value)) {
                firstFact = &pf;
                break;
            }
        if (firstFact)
            f.evidence = sentenceAround(report.text, firstFact->start, firstFact->length);
        f.message = u"正文所述%1为 %2，表格为 %3；正文可能以“条”计或只涉及本机关，请核对"_s.arg(
            check.label, st.join(u"、"_s), tb.join(u" 或 "_s));
        f.messageEn = u"The text states %1 as %2, the tables give %3; the text may count items differently "
                      u"or cover only the issuing office — please check"_s.arg(
                          check.labelEn, stEn.join(u", "_s), tb.join(u" or "_s));
        out.append(f);
    }

    // Cells that are missing, blank or undecided.
    for (qsizetype ki = 0; ki < keys.size(); ++ki) {
        const QString &k = keys[ki];
        const Cell *c = cellOf[ki];
        if (c && c->state != Cell::State::Blank && c->state != Cell::State::Uncertain)
            continue; // read
        const Words names = cellNames(t, k);
        const QString &name = names.zh, &nameEn = names.en;
        Finding f;
        f.severity = Finding::Severity::Warning;
        f.cells = {k};
        if (!c) {
            f.rule = u"CELL.MISSING"_s;
            f.message = u"%1 未找到"_s.arg(name);
            f.messageEn = u"%1 was not found"_s.arg(nameEn);
        } else if (c->state == Cell::State::Blank) {
            f.rule = u"CELL.MISSING"_s;
            f.message = u"%1 为空"_s.arg(name);
            f.messageEn = u"%1 is blank"_s.arg(nameEn);
        } else if (c->state == Cell::State::Uncertain) {
            f.rule = u"CELL.UNCERTAIN"_s;
            const Words why = uncertainWords(name, nameEn, *c);
            f.message = why.zh;
            f.messageEn = why.en;
        } else {
            continue;
        }
        // A cell not found, or digits the reader could not split, is the reading's doubt; a cell
        // the report left blank is the report's.
        f.about = c && c->state == Cell::State::Blank ? Finding::About::Report : Finding::About::Reading;
        out.append(f);
    }

    // The report as a document, and the numbers of its prose beyond the template's.
    const qsizetype firstDocumentFinding = out.size();
    out += DocumentChecks::check(report);
    out += ProseChecks::check(report);
    // On a scan they rest on recognised words: the reviewer confirms them against the page.
    if (report.isRecognised())
        for (qsizetype i = firstDocumentFinding; i < out.size(); ++i)
            if (restsOnDoubtfulWords(report, out[i]))
                out[i].about = Finding::About::Reading;

    // An identity that fails over values split from digits that ran together may be the split's
    // fault rather than the report's; so may a value too long to hold that came from such a run.
    for (Finding &f : out) {
        if (f.about == Finding::About::Reading || f.rule.startsWith(u"CELL."))
            continue;
        for (const QString &k : std::as_const(f.cells)) {
            const Cell *c = report.cell(k);
            if (c && c->fromRun && (f.hasSides || f.rule == u"VALUE.TOO_LONG")) {
                f.about = Finding::About::Reading;
                break;
            }
        }
    }

    // Where the wrong cells probably are, and what they should be.
    Suggestions::propose(report, &out);
    return out;
}

QString RuleEngine::uncertainText(const Template &t, const QString &key, const Cell &cell, bool english)
{
    const Words w = uncertainWords(cellNameZh(t, key), cellNameEn(t, key), cell);
    return english ? w.en : w.zh;
}

} // namespace nianbao
