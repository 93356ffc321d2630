#pragma once

#include <QStringView>

namespace nianbao {

class NormalizedText;
class Report;

/// The reporting body and the year of a report: from its title (a short line near the top naming
/// the annual report of information disclosure), else the year from the reporting period
/// ("2024年1月1日") and the body from the signature above the closing date.
class MetadataReader
{
public:
    static void read(const NormalizedText &norm, Report *report);
    /// Is line a closing date alone ("2025年1月20日"), as \s*20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*
    /// would match it whole?
    static bool isDateLine(QStringView line);
};

} // namespace nianbao
