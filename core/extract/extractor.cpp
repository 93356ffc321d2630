#include "extractor.h"

#include "cellplacer.h"
#include "compactindex.h"
#include "io/limits.h"
#include "metadatareader.h"
#include "ocr/scanreader.h"
#include "prosereader.h"
#include "rules/identities.h"
#include "runsplitter.h"
#include "tablelocator.h"
#include "tablereader.h"
#include "text/normalizer.h"
#include "text/textsearch.h"
#include "textreading.h"
#include "tokenizer.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

/// Why a text is not read: the tables every report has were not found.
QString notATemplateReport()
{
    // The templates known, oldest first: "2019 or 2021".
    QStringList names;
    for (const Template *t : Template::all())
        names.prepend(t->name());
    const QString last = names.takeLast();
    const QString known =
        names.isEmpty() ? last
                        : Extractor::tr("%1 or %2", "the names of templates")
                              .arg(names.join(Extractor::tr(", ", "between the names of templates")), last);
    return Extractor::tr("No standard table was found: this is not a report in the %1 template.").arg(known);
}

/// One extraction: the text's matching view, its items and anchors, and the report it fills.
class Extraction
{
public:
    Extraction(const SourceDocument &doc, Report *report)
        : m_doc(doc), m_reading(std::make_shared<TextReading>(doc.text)), m_norm(m_reading->normalized),
          m_tok(m_reading->tokens), m_index(m_reading->compact), m_report(report),
          m_placer(doc, m_norm, m_tok, report), m_tables(m_tok, m_placer, report)
    {}

    bool extract(QString *error);
    std::shared_ptr<const TextReading> reading() const { return m_reading; }

private:
    const SourceDocument &m_doc;
    std::shared_ptr<TextReading> m_reading;
    const NormalizedText &m_norm;
    const Tokenizer &m_tok;
    const CompactIndex &m_index;
    Report *m_report;
    CellPlacer m_placer;
    TableReader m_tables;
};

bool Extraction::extract(QString *error)
{
    QString limit = m_doc.text.size() > Limits::MaxTextChars ? Limits::textTooLong()
                    : !m_norm.isComplete()                   ? Limits::normalizedTooLong()
                                                             : m_tok.error();
    if (!limit.isEmpty()) {
        if (error)
            *error = limit;
        return false;
    }
    const Template *tmpl = Template::byName(Extractor::detectTemplate(m_index.compact()));
    m_report->tmpl = tmpl;
    m_report->source = m_doc.path;
    m_report->format = m_doc.format;
    m_report->encoding = m_doc.encoding;
    m_report->encodingNote = m_doc.encodingNote;
    m_report->text = m_doc.text;
    m_report->boxes = m_doc.boxes;
    m_report->pages = m_doc.pages;
    m_report->cells.clear();
    m_report->variant = Report().variant; // until the rows of a table with forms name one
    m_report->cells.reserve(tmpl->cellKeys(m_report->variant).size());

    QList<TablePart> parts;
    if (!TableLocator(m_index, m_norm.size()).locate(*tmpl, &parts)) {
        if (error)
            *error = notATemplateReport();
        return false;
    }
    for (const TablePart &p : std::as_const(parts)) {
        if (p.table->layout == TableLayout::SingleRow)
            m_tables.readSingleRow(*p.table, p.start, p.end);
        else
            m_tables.readRows(*p.table, p.start, p.end);
    }
    for (const TableDef &t : tmpl->tables()) {
        if (m_tables.matchedRows(t) < t.minRows) {
            if (error)
                *error = notATemplateReport();
            return false;
        }
    }

    // Decide digit runs: first the hints of the prose, then the identities with the cells read
    // so far (the runs' cells are made after).
    ProseReader::read(m_norm, m_report);
    ProseReader::applyHints(*m_report, m_placer.slots());
    const QList<IdentityInstance> identities = expandIdentities(*tmpl, m_report->variant);
    RunSplitter::solve(m_placer.slots(), m_report->cells, identities);
    m_placer.materialize();
    m_placer.placeLostColumns(identities);
    m_placer.confirm(identities);
    Extractor::weighRecognised(*m_report, identities);
    MetadataReader::read(m_norm, m_report);
    return true;
}

} // namespace

void Extractor::weighRecognised(Report &report, const QList<IdentityInstance> &identities)
{
    // A recognised value the recogniser doubts (low confidence, or readings that disagree) is
    // uncertain with its readings as candidates, never a plain number.
    if (!report.isRecognised())
        return;
    QStringList doubtful;
    for (auto it = report.cells.begin(); it != report.cells.end(); ++it) {
        Cell &c = it.value();
        const SourceBox *b = report.boxAt(c.start);
        if (!b || b->method != u"ocr"_s || c.state == Cell::State::Uncertain)
            continue;
        if (b->confidence >= ScanReader::TrustedConfidence && b->candidates.size() <= 1)
            continue;
        QList<double> values;
        if (c.state == Cell::State::Number)
            values.append(c.value);
        for (const QString &t : b->candidates) {
            bool ok = false;
            const double v = t.toDouble(&ok);
            if (ok && !values.contains(v))
                values.append(v);
        }
        if (values.isEmpty())
            continue; // a doubtful text such as "/" stays text; the reviewer sees its box marked
        c.state = Cell::State::Uncertain;
        c.candidates = values;
        c.recognised = true;
        doubtful.append(it.key());
    }
    // The identities decide a doubtful value when exactly one of its readings makes hold every
    // identity it is in whose other cells are sure (at least one such identity).
    bool changed = true;
    for (int round = 0; changed && round < 4; ++round) {
        changed = false;
        for (const QString &key : std::as_const(doubtful)) {
            Cell &c = report.cells[key];
            if (c.state != Cell::State::Uncertain)
                continue;
            // The identities it is in whose other cells are all sure.
            QList<const IdentityInstance *> mine;
            for (const IdentityInstance &id : identities) {
                const QStringList cells = id.cells();
                if (!cells.contains(key))
                    continue;
                bool othersSure = true;
                for (const QString &k : cells)
                    if (k != key && (!report.cell(k) || report.cell(k)->state == Cell::State::Uncertain))
                        othersSure = false;
                if (othersSure)
                    mine.append(&id);
            }
            if (mine.isEmpty())
                continue;
            QList<double> holding;
            for (double v : std::as_const(c.candidates)) {
                bool all = true;
                for (const IdentityInstance *id : std::as_const(mine)) {
                    double l = 0, r = 0;
                    for (const QString &k : id->lhs)
                        l += k == key ? v : report.cell(k)->identityValue();
                    for (const QString &k : id->rhs)
                        r += k == key ? v : report.cell(k)->identityValue();
                    all = all && std::abs(l - r) < 1e-6;
                }
                if (all)
                    holding.append(v);
            }
            if (holding.size() == 1) {
                c.state = Cell::State::Number;
                c.value = holding.first();
                c.candidates.clear();
                changed = true;
            }
        }
    }
}

QString Extractor::detectTemplate(QStringView compactText)
{
    // The template whose markers the text holds most; on a tie the newest.
    const Template *best = Template::latest();
    int bestScore = -1;
    for (const Template *t : Template::all()) {
        // A template with no more markers than the best has found cannot win (a tie goes to the
        // one before): its markers are not looked for.
        if (t->markers().size() <= bestScore)
            continue;
        int score = 0;
        for (const QString &m : t->markers())
            if (findText(compactText, m) >= 0)
                ++score;
        if (score > bestScore) {
            best = t;
            bestScore = score;
        }
    }
    return best->name();
}

bool Extractor::extract(const SourceDocument &doc, Report *report, QString *error,
                        std::shared_ptr<const TextReading> *reading)
{
    Extraction run(doc, report);
    const bool ok = run.extract(error);
    if (reading)
        *reading = run.reading();
    return ok;
}

} // namespace nianbao
