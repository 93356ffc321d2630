#pragma once

#include "documentreader.h"

namespace nianbao {

class Tokenizer;

/// How the rows of the official form are printed in a report: each row's label as the form has
/// it, reworded (typos included) or absent, and rows of numbers the form does not have. The labels
/// are compared with the form's own (not the extractor's tolerant aliases), whatever the layout:
/// a label wrapped over lines, or split by a group label printed one character per line, is the
/// form's label; a character replaced or lost is a changed label.
class FormReader
{
public:
    /// tokens: the items of view's normalised text when they are known (cut again otherwise).
    static void read(const Report &report, const TextView &view, const QList<TableRegion> &regions,
                     DocumentFacts *facts, const Tokenizer *tokens = nullptr);
    /// The letters of a row's label as the form prints it, without its number ("（一）", "1.").
    static QString formLabel(const RowDef &row);
    /// The variant of （六） the official form has: "subitems" when a template knows both.
    static QString formVariant(const TableDef &table);
    /// Longest common subsequence of two strings.
    static int lcs(QStringView a, QStringView b);
};

} // namespace nianbao
