#pragma once

#include <QList>
#include <QSharedData>
#include <QSharedDataPointer>

#include <initializer_list>
#include <iterator>
#include <utility>

namespace ntl {

// The dataset's events, each held in a shared box of its own. Copying the list copies one
// pointer per event (about 0.6 ms at 100,000 events, docs/performance.md), and changing one
// event copies that event only, so a Document's edit never copies every event and a
// snapshot taken before it stays as it was. Reads look like a QList<Event>'s.
template <typename Item> class SharedItemList {
    struct Box : QSharedData {
        explicit Box(Item value)
            : item(std::move(value)) {}
        Item item;
    };
    using Boxes = QList<QSharedDataPointer<Box>>;

public:
    SharedItemList() = default;
    // A list spelled out, as tests and generators build one: `events = {a, b}`.
    SharedItemList(std::initializer_list<Item> items) {
        m_boxes.reserve(qsizetype(items.size()));
        for (const Item &item : items)
            append(item);
    }

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Item;
        using difference_type = qsizetype;
        using pointer = const Item *;
        using reference = const Item &;

        const_iterator() = default;
        explicit const_iterator(typename Boxes::const_iterator it)
            : m_it(it) {}
        reference operator*() const { return (*m_it)->item; }
        pointer operator->() const { return &(*m_it)->item; }
        reference operator[](difference_type n) const { return m_it[n]->item; }
        const_iterator &operator++() {
            ++m_it;
            return *this;
        }
        const_iterator operator++(int) { return const_iterator(m_it++); }
        const_iterator &operator--() {
            --m_it;
            return *this;
        }
        const_iterator operator--(int) { return const_iterator(m_it--); }
        const_iterator &operator+=(difference_type n) {
            m_it += n;
            return *this;
        }
        const_iterator &operator-=(difference_type n) {
            m_it -= n;
            return *this;
        }
        const_iterator operator+(difference_type n) const { return const_iterator(m_it + n); }
        const_iterator operator-(difference_type n) const { return const_iterator(m_it - n); }
        difference_type operator-(const const_iterator &other) const { return m_it - other.m_it; }
        bool operator==(const const_iterator &other) const { return m_it == other.m_it; }
        bool operator!=(const const_iterator &other) const { return m_it != other.m_it; }
        bool operator<(const const_iterator &other) const { return m_it < other.m_it; }

    private:
        typename Boxes::const_iterator m_it;
    };
    using value_type = Item;
    using size_type = qsizetype;

    qsizetype size() const { return m_boxes.size(); }
    qsizetype count() const { return m_boxes.size(); }
    bool isEmpty() const { return m_boxes.isEmpty(); }
    const Item &at(qsizetype i) const { return m_boxes.at(i)->item; }
    const Item &operator[](qsizetype i) const { return at(i); }
    const Item &first() const { return at(0); }
    const Item &last() const { return at(size() - 1); }
    const_iterator begin() const { return const_iterator(m_boxes.cbegin()); }
    const_iterator end() const { return const_iterator(m_boxes.cend()); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

    // Writable access copies the list's pointers and this one item if they are shared.
    Item &operator[](qsizetype i) { return m_boxes[i]->item; }
    void reserve(qsizetype n) { m_boxes.reserve(n); }
    void clear() { m_boxes.clear(); }
    void append(Item item) { m_boxes.append(QSharedDataPointer<Box>(new Box(std::move(item)))); }
    void insert(qsizetype i, Item item) {
        m_boxes.insert(i, QSharedDataPointer<Box>(new Box(std::move(item))));
    }
    void replace(qsizetype i, Item item) {
        m_boxes[i] = QSharedDataPointer<Box>(new Box(std::move(item)));
    }
    void removeAt(qsizetype i) { m_boxes.removeAt(i); }

    // Whether two lists hold the very same boxes (a copy not yet changed), for tests.
    bool sharesItemWith(const SharedItemList &other, qsizetype i) const {
        return m_boxes.at(i).constData() == other.m_boxes.at(i).constData();
    }

private:
    Boxes m_boxes;
};

} // namespace ntl
