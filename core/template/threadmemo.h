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
        Key k{owner, key.toString()};
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
    struct Key
    {
        const Owner *owner;
        QString text;
        bool operator==(const Key &o) const { return owner == o.owner && text == o.text; }
        friend size_t qHash(const Key &k, size_t seed) noexcept
        {
            return stringHash(k.text, seed ^ size_t(quintptr(k.owner)));
        }
    };
    qsizetype m_bound;
    QHash<Key, Value> m_values;
};

} // namespace nianbao
