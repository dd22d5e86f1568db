#pragma once

#include <QList>
#include <QSharedData>
#include <QSharedDataPointer>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <utility>

namespace ntl {

// The dataset's events, each held in a shared box of its own, the boxes in blocks of about
// 512 that snapshots share. Copying the list copies one pointer to the block table; changing,
// inserting or removing one event copies the table (a pointer per block: ~200 at 100,000
// events) and the one block it falls in, never a pointer per event, so a Document's edit costs
// the same at 100,000 events as at 1,000 and a snapshot taken before it stays as it was
// (docs/performance.md). Reads look like a QList<Event>'s; an index is found by a binary
// search over the blocks' ends, and iterators walk block by block.
template <typename Item> class SharedItemList {
    struct Box : QSharedData {
        explicit Box(Item value)
            : item(std::move(value)) {}
        Item item;
    };
    using BoxPointer = QSharedDataPointer<Box>;
    struct Block : QSharedData {
        QList<BoxPointer> boxes;
    };
    using BlockPointer = QSharedDataPointer<Block>;

public:
    // A block is filled to this many boxes by appends, and split in two when an insertion
    // takes it past twice as many; an emptied block is dropped.
    static constexpr qsizetype blockSize = 512;

    SharedItemList() = default;
    // A list spelled out, as tests and generators build one: `events = {a, b}`.
    SharedItemList(std::initializer_list<Item> items) {
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
        const_iterator(const SharedItemList *list, qsizetype index)
            : m_list(list)
            , m_index(index) {
            locate();
        }
        reference operator*() const { return m_boxes[m_index - m_start]->item; }
        pointer operator->() const { return &**this; }
        reference operator[](difference_type n) const { return m_list->at(m_index + n); }
        const_iterator &operator++() {
            if (++m_index >= m_end)
                locate();
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator was = *this;
            ++*this;
            return was;
        }
        const_iterator &operator--() {
            if (--m_index < m_start)
                locate();
            return *this;
        }
        const_iterator operator--(int) {
            const_iterator was = *this;
            --*this;
            return was;
        }
        const_iterator &operator+=(difference_type n) {
            m_index += n;
            if (m_index < m_start || m_index >= m_end)
                locate();
            return *this;
        }
        const_iterator &operator-=(difference_type n) { return *this += -n; }
        const_iterator operator+(difference_type n) const {
            const_iterator moved = *this;
            return moved += n;
        }
        const_iterator operator-(difference_type n) const { return *this + -n; }
        difference_type operator-(const const_iterator &other) const {
            return m_index - other.m_index;
        }
        bool operator==(const const_iterator &other) const { return m_index == other.m_index; }
        bool operator!=(const const_iterator &other) const { return m_index != other.m_index; }
        bool operator<(const const_iterator &other) const { return m_index < other.m_index; }
        bool operator>(const const_iterator &other) const { return m_index > other.m_index; }
        bool operator<=(const const_iterator &other) const { return m_index <= other.m_index; }
        bool operator>=(const const_iterator &other) const { return m_index >= other.m_index; }
        friend const_iterator operator+(difference_type n, const const_iterator &it) {
            return it + n;
        }

    private:
        // The block holding m_index (none past the end).
        void locate() {
            if (!m_list || m_index < 0 || m_index >= m_list->size()) {
                m_start = m_end = m_index;
                m_boxes = nullptr;
                return;
            }
            const qsizetype block = m_list->blockOf(m_index);
            m_start = m_list->blockStart(block);
            m_end = m_list->m_ends.at(block);
            m_boxes = m_list->m_blocks.at(block)->boxes.constData();
        }

        const SharedItemList *m_list = nullptr;
        qsizetype m_index = 0;
        qsizetype m_start = 0; // the index range of the block m_boxes points into
        qsizetype m_end = 0;
        const BoxPointer *m_boxes = nullptr;
    };
    using value_type = Item;
    using size_type = qsizetype;

    qsizetype size() const { return m_ends.isEmpty() ? 0 : m_ends.last(); }
    qsizetype count() const { return size(); }
    bool isEmpty() const { return size() == 0; }
    const Item &at(qsizetype i) const {
        Q_ASSERT(i >= 0 && i < size());
        const qsizetype block = blockOf(i);
        return m_blocks.at(block)->boxes.at(i - blockStart(block))->item;
    }
    const Item &operator[](qsizetype i) const { return at(i); }
    const Item &first() const { return at(0); }
    const Item &last() const { return at(size() - 1); }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

    // Writable access copies the block table, the item's block and the item if shared.
    Item &operator[](qsizetype i) {
        Q_ASSERT(i >= 0 && i < size());
        const qsizetype block = blockOf(i);
        return writableBoxes(block)[i - blockStart(block)]->item;
    }
    void reserve(qsizetype n) { m_blocks.reserve(n / blockSize + 1); }
    void clear() {
        m_blocks.clear();
        m_ends.clear();
    }
    void append(Item item) {
        if (m_blocks.isEmpty() || m_blocks.last()->boxes.size() >= blockSize) {
            m_blocks.append(BlockPointer(new Block));
            m_ends.append(size());
        }
        writableBoxes(m_blocks.size() - 1).append(BoxPointer(new Box(std::move(item))));
        ++m_ends.last();
    }
    void insert(qsizetype i, Item item) {
        Q_ASSERT(i >= 0 && i <= size());
        if (i == size()) {
            append(std::move(item));
            return;
        }
        const qsizetype block = blockOf(i);
        QList<BoxPointer> &boxes = writableBoxes(block);
        boxes.insert(i - blockStart(block), BoxPointer(new Box(std::move(item))));
        for (qsizetype b = block; b < m_ends.size(); ++b)
            ++m_ends[b];
        if (boxes.size() > 2 * blockSize)
            split(block);
    }
    void replace(qsizetype i, Item item) {
        Q_ASSERT(i >= 0 && i < size());
        const qsizetype block = blockOf(i);
        writableBoxes(block)[i - blockStart(block)] = BoxPointer(new Box(std::move(item)));
    }
    void removeAt(qsizetype i) {
        Q_ASSERT(i >= 0 && i < size());
        const qsizetype block = blockOf(i);
        QList<BoxPointer> &boxes = writableBoxes(block);
        boxes.removeAt(i - blockStart(block));
        for (qsizetype b = block; b < m_ends.size(); ++b)
            --m_ends[b];
        if (boxes.isEmpty()) {
            m_blocks.removeAt(block);
            m_ends.removeAt(block);
        }
    }

    // Whether two lists hold the very same box at `i` (a copy not yet changed there), for tests.
    bool sharesItemWith(const SharedItemList &other, qsizetype i) const {
        return &at(i) == &other.at(i);
    }
    // Whether two lists share the block holding `i`, for tests of what an edit copies.
    bool sharesBlockWith(const SharedItemList &other, qsizetype i) const {
        return m_blocks.at(blockOf(i)).constData() ==
               other.m_blocks.at(other.blockOf(i)).constData();
    }
    qsizetype blockCount() const { return m_blocks.size(); }

private:
    // The block holding index i (0 <= i < size()).
    qsizetype blockOf(qsizetype i) const {
        return std::upper_bound(m_ends.cbegin(), m_ends.cend(), i) - m_ends.cbegin();
    }
    qsizetype blockStart(qsizetype block) const { return block == 0 ? 0 : m_ends.at(block - 1); }
    // The block's boxes, copied first if another list shares the block.
    QList<BoxPointer> &writableBoxes(qsizetype block) { return m_blocks[block]->boxes; }
    void split(qsizetype block) {
        QList<BoxPointer> &boxes = writableBoxes(block);
        const qsizetype half = boxes.size() / 2;
        BlockPointer second(new Block);
        second->boxes = boxes.mid(half);
        boxes.resize(half);
        m_blocks.insert(block + 1, second);
        m_ends.insert(block, blockStart(block) + half);
    }

    QList<BlockPointer> m_blocks;
    QList<qsizetype> m_ends; // m_ends[b]: the index just past block b
};

} // namespace ntl
