#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace ntl {

// Where each quote occurs in one article text, found once per quote: thousands of passages
// citing the same quote (or the same missing words) cost one scan of the text, not one each.
// Scans are charged to a search budget by the characters they read; a look-up of a quote
// already scanned costs nothing. Not thread-safe: one per reader.
class OccurrenceIndex {
public:
    // At most this many positions are kept per quote (the first ones), and this many in all:
    // a one-letter quote in a long text would otherwise keep millions.
    static constexpr qsizetype maxOccurrences = 1 << 20;
    static constexpr qsizetype maxStored = 1 << 24;

    struct Occurrences {
        QList<int> starts;    // ascending UTF-16 indices
        bool complete = true; // false when the quote occurs more than maxOccurrences times
    };

    explicit OccurrenceIndex(QStringView text = {})
        : m_text(text) {}

    // The occurrences of `exact`; nullptr when it has not been scanned for yet and a scan
    // costs more than `*budget` (then nothing is spent). A null `budget` is unlimited.
    const Occurrences *find(QStringView exact, qint64 *budget);
    QStringView text() const { return m_text; }

    // Characters read by the scans of every index in this process (for tests and benchmarks).
    static qint64 charactersScanned();

private:
    QStringView m_text;
    QHash<QString, Occurrences> m_found;
    Occurrences m_uncached; // the last result when the cache is full
    qsizetype m_stored = 0;
};

} // namespace ntl
