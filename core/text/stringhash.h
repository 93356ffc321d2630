#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

#include <cstddef>

namespace nianbao {

/// A hash of a short string for the program's own tables (cell keys, labels met before): FNV-1a
/// over the UTF-16 units from the table's seed, the high half folded in at the end. Qt's seeded
/// hash of a QString runs rounds of AES, which on some processors cost as much as the rest of a
/// report's reading; this is a multiply per character. The seed is the table's own (random for
/// each process), so a file cannot choose strings that collide.
inline size_t stringHash(QStringView s, size_t seed) noexcept
{
    quint64 h = 0xcbf29ce484222325ull ^ seed;
    for (const QChar c : s)
        h = (h ^ c.unicode()) * 0x100000001b3ull;
    return size_t(h ^ (h >> 32));
}

/// A QString as the key of such a table: hashed by stringHash, not by Qt's hash of a QString.
/// Made from a QString and read as one, so a table keyed by it is used as one keyed by QString.
class HashedString
{
public:
    HashedString() = default;
    HashedString(const QString &s) : m_s(s) {}
    HashedString(QString &&s) noexcept : m_s(std::move(s)) {}
    operator const QString &() const { return m_s; }
    const QString &toString() const { return m_s; }
    bool operator==(const HashedString &o) const { return m_s == o.m_s; }
    bool operator<(const HashedString &o) const { return m_s < o.m_s; }

private:
    QString m_s;
};

inline size_t qHash(const HashedString &s, size_t seed) noexcept
{
    return stringHash(s.toString(), seed);
}

} // namespace nianbao
