#include "occurrenceindex.h"

#include "passageanchor.h"

#include <atomic>

namespace ntl {

namespace {
std::atomic<qint64> scanned{0};
} // namespace

const OccurrenceIndex::Occurrences *OccurrenceIndex::find(QStringView exact, qint64 *budget) {
    const QString key = exact.toString();
    if (const auto it = m_found.constFind(key); it != m_found.constEnd())
        return &it.value();
    // A quote longer than the text needs no scan; otherwise KMP reads every character once.
    const qint64 cost = exact.size() > m_text.size() ? 0 : qint64(m_text.size());
    if (budget) {
        if (cost > *budget)
            return nullptr;
        *budget -= cost;
    }
    scanned += cost;
    Occurrences found;
    found.starts = PassageAnchor::findAll(m_text, exact, maxOccurrences + 1);
    if (found.starts.size() > maxOccurrences) {
        found.starts.resize(maxOccurrences);
        found.complete = false;
    }
    if (m_stored + found.starts.size() > maxStored) {
        m_uncached = std::move(found); // searched again when asked again, and charged again
        return &m_uncached;
    }
    m_stored += found.starts.size();
    return &*m_found.insert(key, std::move(found));
}

qint64 OccurrenceIndex::charactersScanned() {
    return scanned.load();
}

} // namespace ntl
