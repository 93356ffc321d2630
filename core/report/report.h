#pragma once

#include "celltable.h"
#include "documentfacts.h"
#include "io/sourcedocument.h"
#include "template/template.h"
#include "text/stringhash.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace nianbao {

/// A template cell as read from the source. A cell that was not found is not in the report.
struct Cell
{
    enum class State {
        Number,    // a number (0 is a number)
        Blank,     // present but empty: never silently 0
        Text,      // not a number: "/", "—", "无", "不适用" (kept as read)
        Uncertain, // a digit run whose split the identities do not decide
    };

    State state = State::Blank;
    double value = 0.0;   // State::Number
    QString text;         // the characters read, as in the source
    QString note;         // an annotation kept beside a number: "含自然失效29件"
    qsizetype start = -1; // span in Report::text (the original characters)
    qsizetype length = 0;
    bool fromRun = false;     // decoded from digits that ran together
    bool recognised = false;  // read from a scan by the recogniser, which doubted it
    QList<double> candidates; // State::Uncertain: the values the cell may have
    /// Why a cell is uncertain: the reader's evidence for it was too weak to give a value.
    enum class Doubt {
        None,
        Split,         // digits ran together and the identities do not decide the split
        TooManySplits, // digits ran together in more ways than are weighed
        LooseLabel,    // the row's label was matched only loosely, and no identity confirms it
        WrappedLine,   // the value was taken across a wrapped line of the label
        Grid,          // the table's columns disagree with the form's
        LostColumn,    // the row has fewer values than cells: where the gap is is not known
        Recognition,   // recognised from an image with too little confidence
    };
    Doubt doubt = Doubt::None;

    bool isNumber() const { return state == State::Number; }
    bool isInteger() const;
    /// The value an identity uses: a number, or 0 for a blank or a text cell.
    double identityValue() const { return state == State::Number ? value : 0.0; }
    QString displayText() const;
    /// "number", "blank", "text", "uncertain": the state as files and databases spell it.
    static QString stateName(State s);
    static State stateFromName(QStringView name);
    /// "split", "too_many_splits", "loose_label", "wrapped_line", "grid", "lost_column",
    /// "recognition": the doubt as files spell it ("" for none).
    static QString doubtName(Doubt d);
    static Doubt doubtFromName(QStringView name);
    /// An uncertain cell: the values it may have (sorted, once each) and why it is in doubt.
    static Cell uncertain(QList<double> candidates, Doubt why);
    static Cell number(double v, QString text = {});
    static Cell blank();
    static Cell textual(QString text);
};

/// The cells of a report by their keys, in an array by the templates' numbers of the keys.
using CellTable = CellTableOf<Cell>;

/// A number stated in the report's prose ("全年收到政府信息公开申请34件").
struct ProseFact
{
    QString check; // ProseCheckDef::id
    double value = 0;
    bool tooLong = false; // more digits than Limits::MaxNumberDigits: no value, never compared
    qsizetype start = -1; // span of the number in Report::text
    qsizetype length = 0;
};

/// One report: the template, the cells read from the source (raw text, value, span, state) and
/// what is known of the source. The one model both the window and the command line use.
class Report
{
public:
    const Template *tmpl = nullptr;
    QString source;                               // the path as given
    QString format;                               // text, html, docx, pdf
    QString encoding;                             // UTF-8, GB18030, Big5, UTF-16LE …
    QString encodingNote;                         // set when the encoding was a guess
    QString text;                                 // the text shown to the reviewer (original characters)
    QString variant = QStringLiteral("subitems"); // （六） with sub-items, or "one_row"
    QString unit;                                 // the reporting body, when it can be read
    QString year;                                 // the report year, when it can be read
    CellTable cells;
    QList<ProseFact> prose; // numbers of the prose, for the cross-checks
    DocumentFacts document; // headings, period, dates, the form's rows as printed (DocumentReader)
    QList<SourceBox> boxes; // a PDF's cells on their pages, sorted by start (SourceDocument::boxes)
    QList<QSizeF> pages;    // a PDF's page sizes in points

    QString templateName() const { return tmpl ? tmpl->name() : QStringLiteral("unknown"); }
    bool has(const QString &key) const { return cells.contains(key); }
    const Cell *cell(const QString &key) const;
    /// Template cell keys of this report's variant, in form order.
    QStringList cellKeys() const;
    QStringList uncertainKeys() const;
    /// The key of the cell whose span covers position pos of the text, if any.
    QString cellAt(qsizetype pos) const;
    /// Where on its page position pos of the text was read, or null (not a PDF, or not in a cell).
    const SourceBox *boxAt(qsizetype pos) const;
    /// Was (some of) the report read from a scan by the recogniser (a box of method "ocr")?
    bool isRecognised() const;
    /// Where the cell key was read on its page, or null.
    const SourceBox *boxOf(const QString &key) const;
    /// The pages (1-based, ascending, once each) the cells were read from, and the page of text
    /// position pos when given (a finding's evidence).
    QList<int> pagesOf(const QStringList &keys, qsizetype pos = -1) const;
};

} // namespace nianbao
