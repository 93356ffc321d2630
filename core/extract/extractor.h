#pragma once

#include "io/sourcedocument.h"
#include "report/report.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace nianbao {

struct IdentityInstance;
struct TextReading;

/// Finds the three tables of a report in its text, matches labels to the template's rows, places
/// the values in columns (splitting digits that ran together by the identities) and remembers for
/// every cell the span of the original text it came from.
class Extractor
{
    Q_DECLARE_TR_FUNCTIONS(Extractor)
public:
    /// False, with a plain reason, when the text is not a template report.
    /// reading, when given, receives the normalised text and its items, for the document checks.
    static bool extract(const SourceDocument &doc, Report *report, QString *error,
                        std::shared_ptr<const TextReading> *reading = nullptr);
    /// The name of the template a text is written in: the one whose markers it holds most.
    static QString detectTemplate(QStringView normalizedText);
    /// The recognised values of a scan the recogniser doubts become uncertain with their readings;
    /// the identities then decide those that only one reading makes hold.
    static void weighRecognised(Report &report, const QList<IdentityInstance> &identities);
};

} // namespace nianbao
