#pragma once

#include "compactindex.h"
#include "text/normalizer.h"
#include "tokenizer.h"

#include <QStringView>

namespace nianbao {

/// A report's text as the reader sees it: normalised once, and its items. The extractor makes it;
/// the document checks read the same one instead of normalising and cutting the text again.
struct TextReading
{
    explicit TextReading(QStringView original)
        : normalized(original), tokens(normalized.text()), compact(normalized.text())
    {}
    TextReading(const TextReading &) = delete;
    TextReading &operator=(const TextReading &) = delete;

    NormalizedText normalized;
    Tokenizer tokens;     // of normalized.text(), which it refers to
    CompactIndex compact; // normalized.text() without whitespace
};

} // namespace nianbao
