#pragma once

#include "report/report.h"

#include <QList>
#include <QString>

namespace nianbao {

class TextView;
struct TextReading;

/// One of the six parts of the report, as the official format names it.
struct PartDef
{
    int number = 0;
    QString title; // 二、主动公开政府信息情况
    QString titleEn;
};

/// Where a table is in the text: from its part's heading (or a little before its first value)
/// to the next part's heading (or a little after its last value). Compact positions of a TextView.
struct TableRegion
{
    QString table;
    qsizetype from = 0;
    qsizetype to = 0;
};

/// Reads what the text of a report says beside its tables: the headings of its six parts, the
/// statistics period, the date it is signed or published, the body and year its title names, the
/// fee in part 六, how each row of the official form is printed, and the numbers of its prose.
/// Read once, after the tables (the rows' spans tell where the tables are); the document checks
/// (DocumentChecks, ProseChecks, TextRepeat) use what it found.
class DocumentReader
{
public:
    /// A text longer than this is not read for the document checks (no report comes near it;
    /// the hostile files that do are read for their tables only).
    static constexpr qsizetype MaxChars = 2000000;

    /// reading: the extractor's of the report's text, when there is one (read again otherwise).
    static DocumentFacts read(const Report &report, const TextReading *reading = nullptr);
    static const QList<PartDef> &parts();
    /// The regions of the report's tables in the view.
    static QList<TableRegion> tableRegions(const Report &report, const TextView &view,
                                           const QList<SectionHeading> &headings);
    /// Letters only, digits and punctuation dropped: the form in which labels are compared.
    static QString letters(QStringView text);
};

} // namespace nianbao
