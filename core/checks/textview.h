#pragma once

#include "extract/compactindex.h"
#include "report/documentfacts.h"
#include "text/normalizer.h"
#include "text/patternset.h"

#include <QList>
#include <QString>

namespace nianbao {

/// The report's text as the document checks read it: normalised (NFKC, Traditional→Simplified)
/// and without whitespace, so that a phrase wrapped over lines of a PDF is still one phrase; every
/// position maps back to the original text, whose spans the findings give.
class TextView
{
public:
    explicit TextView(const QString &original);
    /// The view of a text already normalised (the extractor's reading of the same text).
    TextView(const QString &original, const NormalizedText &normalized);
    /// ... and its compact text, made by the extractor too.
    TextView(const QString &original, const NormalizedText &normalized, const CompactIndex &compact);

    const QString &original() const { return m_original; }
    const NormalizedText &normalized() const { return m_norm; }
    const QString &compact() const { return m_compact; }
    /// How a pattern set may take compact(): unchecked again when the normalized text is known to
    /// be well-formed UTF-16 (spaces dropped, a pair of surrogates stays a pair), else checked.
    PatternSet::Subject compactSubject() const
    {
        return m_norm.isWellFormed() ? PatternSet::Subject::WellFormed : PatternSet::Subject::Unchecked;
    }
    qsizetype size() const { return m_compact.size(); }

    /// Normalised position of a compact position (the end of the text for size()).
    qsizetype toNormalized(qsizetype compactPos) const;
    /// The first compact position at or after a normalised position.
    qsizetype fromNormalized(qsizetype normalizedPos) const;
    /// The first compact position whose original character starts at or after originalPos.
    qsizetype fromOriginal(qsizetype originalPos) const;
    /// The original span (and its text) of the compact range [from, to).
    TextSpan span(qsizetype from, qsizetype to) const;
    TextSpan spanOfNormalized(qsizetype from, qsizetype to) const;
    /// Is there a line break or a space before this compact position (or the text's start)?
    bool spaceBefore(qsizetype compactPos) const;
    bool lineBreakBefore(qsizetype compactPos) const;
    /// The sentence around a compact position: [from, to), ended by 。！？； or a break between
    /// paragraphs, at most 300 characters either side.
    std::pair<qsizetype, qsizetype> sentenceAt(qsizetype compactPos) const;

private:
    void index();

    QString m_original;
    NormalizedText m_norm;
    QString m_compact;
    QList<int> m_pos; // compact → normalised (the text is at most Limits::MaxNormalizedChars long)
};

/// The original span (and text) of a sentence around an original position, for findings whose
/// evidence is the sentence a number of the prose is in.
TextSpan sentenceAround(const QString &original, qsizetype start, qsizetype length);

} // namespace nianbao
