#pragma once

#include "text/stringhash.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace nianbao {

class Template;

/// Every cell key of the program's own templates (Template::all()), each with a number of its own:
/// its place in one list, made once. A report keeps its cells in an array by these numbers
/// (CellTable), and what the templates know of a cell (a row's keys, an identity's cells) is known
/// by number as well, so the cells of a report are found without hashing a key.
class CellIds
{
public:
    /// The number of key, or −1 when no template of the program has it (a test's own template, a
    /// key read from a file).
    static int of(QStringView key);
    /// The key of number id (0 ≤ id < count()).
    static const QString &key(int id);
    /// The same, as the key of a table (CellKey): one that lives as long as the program, so a
    /// table that holds the number of a key need not hold the key.
    static const HashedString &cellKey(int id);
    static int count();

private:
    friend class Template;
    /// Numbers the keys of templates, in their order: done once, by Template::all() as it makes
    /// the program's templates (so that their rows know their numbers from the start).
    static void number(const QList<const Template *> &templates);
    /// of(key), with the numbers made (number()).
    static int find(QStringView key);
};

} // namespace nianbao
