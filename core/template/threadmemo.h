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
        std::pair<const Owner *, HashedString> k(owner, key.toString());
        const auto it = m_values.constFind(k);
        if (it != m_values.constEnd())
            return *it;
        if (m_values.size() >= m_bound)
            m_values.clear();
        const Value v = compute();
        m_values.insert(std::move(k), v);
        return v;
    }

private:
    qsizetype m_bound;
    QHash<std::pair<const Owner *, HashedString>, Value> m_values;
};

} // namespace nianbao
