#pragma once

#include "runsplitter.h"

#include <QList>

namespace nianbao {

class NormalizedText;
class Report;
class Template;

/// The numbers the report's prose states (the template's prose checks: "本年度共收到申请 25 件"),
/// kept as the report's prose facts; those that name one cell decide a run of digits.
class ProseReader
{
public:
    /// Every match of the template's prose patterns in the text, with its span in the original.
    static void read(const NormalizedText &norm, Report *report);
    /// Keeps the readings of each run that agree with the prose facts naming one of its cells,
    /// when some do.
    static void applyHints(const Report &report, QList<Slot> &slots);
};

} // namespace nianbao
