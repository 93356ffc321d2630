#pragma once

// What every fuzz target shares: the input as bytes, and what the command line does with a
// document once a reader has made it (extract the tables, check them, write the JSON).
#include "extract/extractor.h"
#include "io/sourcedocument.h"
#include "json/reportjson.h"
#include "rules/ruleengine.h"

#include <QByteArray>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace nianbao::fuzz {

/// The input as a reader gets it from a file: a copy, with the terminating NUL that QByteArray
/// keeps after its data.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Warnings of Qt and of the libraries would drown libFuzzer's own output; fatal messages still
/// abort (Qt aborts after the handler), which the fuzzer reports as a crash.
inline void quiet()
{
    static const bool installed = [] {
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
        return true;
    }();
    Q_UNUSED(installed);
}

/// Extract, check and write the JSON of one document, as `nianbao-cli extract --json` does.
inline void extractAndCheck(const SourceDocument &doc)
{
    Report report;
    QString error;
    if (!Extractor::extract(doc, &report, &error))
        return;
    const QList<Finding> findings = RuleEngine::check(report);
    const QByteArray json = ReportJson::serialize(ReportJson::toJson(report, findings));
    Q_UNUSED(json);
}

} // namespace nianbao::fuzz
