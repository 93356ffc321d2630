#pragma once

#include "template/cellids.h"
#include "text/stringhash.h"

#include <QHash>
#include <QList>
#include <QString>

namespace nianbao {

struct Cell;

/// A cell's key ("t3.r12.c4") as the key of a report's cells.
using CellKey = HashedString;

/// The cells of a report by their keys, kept in one array: a key of the program's templates finds
/// its cell by its number (CellIds), through a table of places as long as there are such keys,
/// not by a hashed string; any other key (a test template's, one read from a file) through a hash
/// of its own. Used as a QHash<CellKey, Cell> is (insert, value, find, iterators with key() and
/// value()), shared until written like one; the order of iteration is the order of insertion,
/// changed only by remove().
template <typename CellT> class CellTableOf
{
    struct Entry
    {
        Entry() = default;
        Entry(CellKey &&k, int i, CellT &&c) : key(std::move(k)), id(i), cell(std::move(c)) {}
        Entry(CellKey &&k, int i, const CellT &c) : key(std::move(k)), id(i), cell(c) {}
        Entry(CellKey &&k, int i) : key(std::move(k)), id(i) {}
        CellKey key; // only a key CellIds does not number: the others are CellIds::cellKey(id)
        int id = -1;
        CellT cell;
    };

public:
    template <bool Const> class Iterator
    {
        using EntryPtr = std::conditional_t<Const, const Entry *, Entry *>;
        using CellRef = std::conditional_t<Const, const CellT &, CellT &>;
        using CellPtr = std::conditional_t<Const, const CellT *, CellT *>;

    public:
        Iterator() = default;
        explicit Iterator(EntryPtr e) : m_e(e) {}
        operator Iterator<true>() const { return Iterator<true>(m_e); }
        const CellKey &key() const { return m_e->id >= 0 ? CellIds::cellKey(m_e->id) : m_e->key; }
        CellRef value() const { return m_e->cell; }
        CellRef operator*() const { return m_e->cell; }
        CellPtr operator->() const { return &m_e->cell; }
        Iterator &operator++()
        {
            ++m_e;
            return *this;
        }
        bool operator==(const Iterator &o) const { return m_e == o.m_e; }
        bool operator!=(const Iterator &o) const { return m_e != o.m_e; }

    private:
        EntryPtr m_e = nullptr;
    };
    using iterator = Iterator<false>;
    using const_iterator = Iterator<true>;

    qsizetype size() const { return m_entries.size(); }
    qsizetype count() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    void reserve(qsizetype n) { m_entries.reserve(n); }
    void clear()
    {
        m_entries.clear();
        m_place.clear();
        m_otherPlace.clear();
    }
    bool isSharedWith(const CellTableOf &o) const { return m_entries.isSharedWith(o.m_entries); }

    /// The cell of number id (CellIds), or null.
    const CellT *at(int id) const
    {
        const int p = id >= 0 && id < m_place.size() ? m_place[id] : -1;
        return p >= 0 ? &m_entries[p].cell : nullptr;
    }
    const CellT *get(QStringView key) const
    {
        const int p = placeOf(key, CellIds::of(key));
        return p >= 0 ? &m_entries[p].cell : nullptr;
    }
    bool contains(QStringView key) const { return placeOf(key, CellIds::of(key)) >= 0; }
    CellT value(QStringView key, const CellT &otherwise = CellT()) const
    {
        const CellT *c = get(key);
        return c ? *c : otherwise;
    }

    iterator insert(const QString &key, const CellT &cell) { return put(key, CellIds::of(key), cell); }
    iterator insert(const QString &key, CellT &&cell) { return put(key, CellIds::of(key), std::move(cell)); }
    /// insert(key, cell) where the number of key is known (id = CellIds::of(key)).
    iterator insert(const QString &key, int id, CellT &&cell)
    {
        Q_ASSERT(id == CellIds::of(key));
        return put(key, id, std::move(cell));
    }
    /// A blank cell put at key (id = CellIds::of(key)), for its fields to be written where it is
    /// kept: insert(key, id, cell) without a cell made to be moved in. A cell that was there is
    /// made blank.
    CellT &putBlank(const QString &key, int id)
    {
        Q_ASSERT(id == CellIds::of(key));
        if (id >= 0) {
            // A numbered key's place read and written where it is, once.
            if (m_place.isEmpty())
                m_place.fill(-1, CellIds::count());
            int &place = m_place[id];
            if (place >= 0)
                return m_entries[place].cell = CellT();
            place = int(m_entries.size());
            return m_entries.emplaceBack(CellKey(), id).cell;
        }
        const int p = placeOf(key, id);
        if (p >= 0)
            return m_entries[p].cell = CellT();
        setPlace(key, id, int(m_entries.size()));
        return m_entries.emplaceBack(CellKey(key), id).cell;
    }
    /// The cell of key, inserted blank when there is none.
    CellT &operator[](const QString &key)
    {
        const int id = CellIds::of(key);
        const int p = placeOf(key, id);
        return p >= 0 ? m_entries[p].cell : put(key, id, CellT()).value();
    }
    /// Removes the cell of key (the last cell takes its place); 1 if there was one, else 0.
    qsizetype remove(QStringView key)
    {
        const int id = CellIds::of(key);
        const int p = placeOf(key, id);
        if (p < 0)
            return 0;
        setPlace(m_entries[p].key, id, -1);
        const int last = int(m_entries.size() - 1);
        if (p != last) {
            m_entries[p] = std::move(m_entries[last]);
            setPlace(m_entries[p].key, m_entries[p].id, p);
        }
        m_entries.removeLast();
        return 1;
    }

    iterator begin() { return iterator(m_entries.data()); }
    iterator end() { return iterator(m_entries.data() + m_entries.size()); }
    const_iterator begin() const { return const_iterator(m_entries.constData()); }
    const_iterator end() const { return const_iterator(m_entries.constData() + m_entries.size()); }
    const_iterator constBegin() const { return begin(); }
    const_iterator constEnd() const { return end(); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }
    iterator find(QStringView key)
    {
        const int p = placeOf(key, CellIds::of(key));
        return p >= 0 ? iterator(m_entries.data() + p) : end();
    }
    const_iterator find(QStringView key) const { return constFind(key); }
    const_iterator constFind(QStringView key) const
    {
        const int p = placeOf(key, CellIds::of(key));
        return p >= 0 ? const_iterator(m_entries.constData() + p) : end();
    }
    QStringList keys() const
    {
        QStringList out;
        out.reserve(m_entries.size());
        for (const Entry &e : m_entries)
            out.append(e.id >= 0 ? CellIds::key(e.id) : e.key.toString());
        return out;
    }

private:
    QList<Entry> m_entries;
    QList<int> m_place;               // by CellIds number: the entry, −1 when none
    QHash<CellKey, int> m_otherPlace; // keys CellIds does not know

    int placeOf(QStringView key, int id) const
    {
        if (id >= 0)
            return id < m_place.size() ? m_place[id] : -1;
        if (m_otherPlace.isEmpty())
            return -1;
        return m_otherPlace.value(key.toString(), -1);
    }
    void setPlace(const QString &key, int id, int p)
    {
        if (id >= 0) {
            if (m_place.isEmpty())
                m_place.fill(-1, CellIds::count());
            m_place[id] = p;
        } else if (p < 0) {
            m_otherPlace.remove(key);
        } else {
            m_otherPlace.insert(key, p);
        }
    }
    template <typename C> iterator put(const QString &key, int id, C &&cell)
    {
        const int p = placeOf(key, id);
        if (p >= 0) {
            m_entries[p].cell = std::forward<C>(cell);
            return iterator(m_entries.data() + p);
        }
        setPlace(key, id, int(m_entries.size()));
        // (A numbered key is not kept: no count of its string's owners to raise and lower.)
        return iterator(
            &m_entries.emplaceBack(id >= 0 ? CellKey() : CellKey(key), id, std::forward<C>(cell)));
    }
};

} // namespace nianbao
