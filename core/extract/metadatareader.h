#pragma once

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
};

} // namespace nianbao
