#pragma once

#include <QList>
#include <QString>

namespace nianbao {

/// A piece of the report's text: what it says and where it is in Report::text (QString UTF-16
/// positions of the original characters, as cells' spans are).
struct TextSpan
{
    QString text;
    qsizetype start = -1;
    qsizetype length = 0;

    bool isValid() const { return start >= 0; }
};

/// The heading of one of the report's six parts (一、总体情况 … 六、其他需要报告的事项).
struct SectionHeading
{
    int part = 0;   // 1…6: which part its title names
    int number = 0; // the numeral printed before it (一 = 1), 0 when none
    TextSpan span;
};

/// A date the report gives: the date line it is signed with, or the page's 发布时间.
struct StatedDate
{
    int year = 0;
    int month = 0;
    int day = 0;
    TextSpan span;

    bool isValid() const { return year > 0; }
};

/// The statistics period the report states ("统计期限自2023年1月1日起至2023年12月31日止").
struct StatedPeriod
{
    int fromYear = 0, fromMonth = 0, fromDay = 0;
    int toYear = 0, toMonth = 0, toDay = 0; // toYear 0: not repeated ("至12月31日")
    TextSpan span;

    bool isValid() const { return fromYear > 0; }
};

/// How one row of the official form is printed in the report.
struct FormRow
{
    enum class Label {
        Exact,   // the form's label, whatever the layout (wrapped, split by a vertical group label)
        Changed, // the row is there, its label reworded or mistyped (or not printed at all)
        Absent,  // neither the label nor the row's values are there
    };
    QString table; // t2, t3, t4
    QString row;   // the row's key
    Label label = Label::Exact;
    bool labelPrinted = true; // Changed: false when no label like it is printed at all
    TextSpan span;            // where the label is (or the reworded label; or the row's first value)
};

/// A number the prose states about a table: "行政复议351件", "其中结果维持72件", "予以公开1362件，占43.6%".
struct StatedNumber
{
    QString subject;      // what it counts: one of ProseChecks' subjects
    double value = 0;     // the count, or the percentage
    bool percent = false; // a share of the results, in %
    int decimals = 0;     // of a percentage as printed
    TextSpan number;      // the number as printed
    TextSpan sentence;    // the sentence it is in
};

/// What the report's text says beside its tables, read once when the report is read (the text
/// does not change while it is reviewed) and checked with every re-check.
struct DocumentFacts
{
    bool read = false;              // false for a report made without its text being read
    QList<SectionHeading> headings; // in text order
    StatedPeriod period;
    StatedDate signedOn;       // the date line at the end
    StatedDate publishedOn;    // a web page's 发布时间
    QString body;              // the reporting body as the text names it
    int year = 0;              // the report year its title (or else its period) gives
    int titleYear = 0;         // the year of its title alone
    int proseYear = 0;         // the year its prose speaks of most
    bool feeStated = false;    // part 六 says whether 信息处理费 was charged
    TextSpan feeStatement;     // the sentence that says it
    QList<FormRow> rows;       // every row of the official form, in form order
    QList<TextSpan> addedRows; // rows of numbers in a table whose label is no row of the form
    QList<StatedNumber> numbers;
    QList<TextSpan> prose; // the text outside the tables, sentence by sentence (TEXT.REPEATED)

    const SectionHeading *heading(int part) const
    {
        for (const SectionHeading &h : headings)
            if (h.part == part)
                return &h;
        return nullptr;
    }
};

} // namespace nianbao
