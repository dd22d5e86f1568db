#include "searchindex.h"

#include <QSet>

#include <algorithm>

namespace ntl {

namespace {
template <typename T>
void release(std::vector<T> &vector)
{
    std::vector<T>().swap(vector);
}
} // namespace

quint32 SearchIndex::hashOf(QStringView token, size_t seed) {
    // 64-bit FNV-1a, then the process's random seed mixed in by MurmurHash3's finaliser:
    // without a seed a dataset could pick tokens that all fall in one run of the table, and
    // which slots collide now depends on a seed nobody knows. (Qt's qHash of a string view
    // made building the index of 100,000 events forty times slower.)
    quint64 hash = 14695981039346656037ull;
    for (const QChar c : token) {
        hash ^= c.unicode();
        hash *= 1099511628211ull;
    }
    hash ^= quint64(seed);
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdull;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ull;
    hash ^= hash >> 33;
    return quint32(hash ^ (hash >> 32));
}

void SearchIndex::startRow()
{
    m_rowTokenStarts.push_back(quint32(m_rowTokens.size()));
    ++m_rowCount;
}

void SearchIndex::addText(QStringView text)
{
    // Most text is ASCII: fold it here; anything else goes through QString's own folding.
    m_foldBuffer.resize(text.size());
    QChar *folded = m_foldBuffer.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            addFoldedText(text.toString().toCaseFolded());
            return;
        }
        folded[i] = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c);
    }
    addFoldedText(QStringView(m_foldBuffer.constData(), text.size()));
}

void SearchIndex::addFoldedText(QStringView folded)
{
    // Hash every token of the text first and prefetch its slot: the table is larger than the
    // caches, and waiting for one slot at a time is most of the building time.
    m_pending.clear();
    const std::size_t mask = m_slots.empty() ? 0 : m_slots.size() - 1;
    const qsizetype size = folded.size();
    qsizetype i = 0;
    while (i < size) {
        while (i < size && isSpace(folded[i]))
            ++i;
        const qsizetype start = i;
        while (i < size && !isSpace(folded[i]))
            ++i;
        if (i == start)
            break;
        const QStringView token = folded.mid(start, i - start);
        const quint32 hash = hashOf(token, m_seed);
#if defined(__GNUC__)
        if (mask != 0)
            __builtin_prefetch(&m_slots[hash & mask]);
#endif
        m_pending.push_back({token, hash});
    }
    for (const PendingToken &token : m_pending) {
        Slot &slot = slotOf(token.text, token.hash);
        if (slot.lastRow != quint32(m_rowCount)) { // rows count from 1 here
            slot.lastRow = quint32(m_rowCount);
            m_rowTokens.push_back(slot.id - 1);
        }
    }
}

SearchIndex::Slot &SearchIndex::slotOf(QStringView token, quint32 hash)
{
    if (m_slots.empty())
        m_slots.resize(1 << 12);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        ++m_probes;
        Slot &slot = m_slots[i];
        if (slot.id == 0)
            break;
        // Stored tokens hold no '\n' and end with one: equal prefix plus '\n' is equality.
        if (slot.hash == hash &&
            std::equal(token.begin(), token.end(), m_tokens.constData() + slot.start) &&
            m_tokens.at(slot.start + token.size()) == u'\n')
            return slot;
    }
    // A new token.
    const quint32 start = quint32(m_tokens.size());
    m_tokens.append(token);
    m_tokens.append(u'\n');
    m_tokenStarts.push_back(quint32(m_tokens.size()));
    if (std::size_t(tokenCount()) * 2 > m_slots.size())
        growSlots();
    const std::size_t newMask = m_slots.size() - 1;
    std::size_t i = hash & newMask;
    while (m_slots[i].id != 0) {
        ++m_probes;
        i = (i + 1) & newMask;
    }
    m_slots[i] = Slot{hash, start, quint32(tokenCount()), 0};
    return m_slots[i];
}

void SearchIndex::growSlots()
{
    std::vector<Slot> larger(m_slots.size() * 2);
    const std::size_t mask = larger.size() - 1;
    for (const Slot &slot : m_slots) {
        if (slot.id == 0)
            continue;
        std::size_t i = slot.hash & mask;
        while (larger[i].id != 0)
            i = (i + 1) & mask;
        larger[i] = slot;
    }
    m_slots.swap(larger);
}

void SearchIndex::finish()
{
    release(m_slots); // the largest table: gone before the postings grow
    release(m_pending);
    m_foldBuffer = QString();
    m_rowTokenStarts.push_back(quint32(m_rowTokens.size()));
    // Counting sort of (token, row) by token; rows stay ascending within a token.
    m_postingStarts.assign(std::size_t(tokenCount()) + 1, 0);
    for (const quint32 id : m_rowTokens)
        ++m_postingStarts[id + 1];
    for (std::size_t id = 1; id < m_postingStarts.size(); ++id)
        m_postingStarts[id] += m_postingStarts[id - 1];
    m_postingRows.resize(m_rowTokens.size());
    std::vector<quint32> next(m_postingStarts.begin(), m_postingStarts.end() - 1);
    for (int row = 0; row < m_rowCount; ++row) {
        for (quint32 i = m_rowTokenStarts[row]; i < m_rowTokenStarts[row + 1]; ++i)
            m_postingRows[next[m_rowTokens[i]]++] = quint32(row);
    }
    release(m_rowTokens);
    release(m_rowTokenStarts);
    m_tokens.squeeze();
    m_tokenStarts.shrink_to_fit();
}

QBitArray SearchIndex::rowsContaining(QStringView word) const
{
    QBitArray rows(m_rowCount);
    if (word.isEmpty()) {
        rows.fill(true);
        return rows;
    }
    // Outside what the index answers (see rowsContainingAll): no token holds whitespace.
    if (std::any_of(word.begin(), word.end(), isSpace))
        return rows;
    const QStringView tokens(m_tokens);
    const auto starts = m_tokenStarts.cbegin();
    std::size_t id = 0; // the token of the previous hit; hits come in token order
    for (qsizetype from = 0;;) {
        const qsizetype hit = tokens.indexOf(word, from);
        if (hit < 0)
            break;
        // The token holding the hit: gallop from the previous one, then binary search.
        std::size_t step = 1;
        std::size_t high = id + 1;
        while (high < m_tokenStarts.size() && starts[high] <= quint32(hit)) {
            id = high;
            high += step;
            step *= 2;
        }
        high = std::min(high, m_tokenStarts.size());
        id = std::size_t(std::upper_bound(starts + id, starts + high, quint32(hit)) - starts) - 1;
        for (quint32 i = m_postingStarts[id]; i < m_postingStarts[id + 1]; ++i)
            rows.setBit(qsizetype(m_postingRows[i]));
        from = starts[id + 1]; // one hit per token is enough
    }
    return rows;
}

QBitArray SearchIndex::rowsContainingAll(const QStringList &words) const
{
    QBitArray rows(m_rowCount, true);
    QSet<QStringView> searched; // a word given twice is searched for once
    for (const QString &word : words) {
        if (searched.contains(word))
            continue;
        searched.insert(word);
        rows &= rowsContaining(word);
        if (rows.count(true) == 0)
            break;
    }
    return rows;
}

} // namespace ntl
