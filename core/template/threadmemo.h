#pragma once

#include "text/stringhash.h"

#include <QHash>
#include <QString>
#include <QStringView>

#include <utility>

namespace nianbao {

/// What is computed again and again from one of the program's own templates (which never change)
/// and a string: kept per thread, up to a bound (then forgotten all at once), and looked up. Made
/// thread_local where it is used; the owner must be the program's own (Template::isBuiltIn).
template <typename Owner, typename Value> class ThreadMemo
{
public:
    explicit ThreadMemo(qsizetype bound) : m_bound(bound) {}

    template <typename Compute> Value get(const Owner *owner, QStringView key, Compute compute)
    {
        // Looked up by a string over the caller's characters (no copy, no allocation); a copy is
        // made only to be kept.
        const std::pair<const Owner *, HashedString> probe(owner,
                                                           QString::fromRawData(key.data(), key.size()));
        const auto it = m_values.constFind(probe);
        if (it != m_values.constEnd())
            return *it;
        if (m_values.size() >= m_bound)
            m_values.clear();
        const Value v = compute();
        m_values.insert(std::pair<const Owner *, HashedString>(owner, key.toString()), v);
        return v;
    }

private:
    qsizetype m_bound;
    QHash<std::pair<const Owner *, HashedString>, Value> m_values;
};

} // namespace nianbao
