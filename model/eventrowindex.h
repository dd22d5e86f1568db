#pragma once

#include "dataset.h"

#include <QHash>
#include <QList>
#include <QString>

#include <future>
#include <memory>

namespace ntl {

// Event id → row for a Document, kept up to date across insertions and removals without
// rebuilding: rebuilding the hash costs ~20 ms at 100,000 events, an edit has 16 ms. The hash
// holds the rows of a base state; each insertion or removal since is a shift applied at
// lookup, and every 1,024 shifts the hash is rebuilt (once, amortised).
class EventRowIndex {
public:
    // The row of `id` in `events` (the list these shifts describe), or -1.
    int row(const EventList &events, const QString &id) const;
    void inserted(int row, const QString &id);
    void removed(int row);
    void reset();
    // Starts building the hash of `snapshot`'s events on a worker thread at once: a freshly
    // opened snapshot's first edit would otherwise build it on the GUI thread (100,000 ids).
    // row() waits for it only if asked before it is done; the shifts reported meanwhile
    // are applied to it as to any base.
    void prepare(std::shared_ptr<const Dataset> snapshot);
    // How often the hash was built: once per 1,024 shifts when every change is reported.
    int rebuildCount() const { return m_rebuilds; }

private:
    struct Shift {
        int row;
        int delta; // +1 an insertion at `row`, -1 a removal of `row`
    };
    int follow(int row, qsizetype fromShift) const;
    void rebuild(const EventList &events) const;
    static QHash<QString, int> rowsById(const EventList &events);

    mutable QHash<QString, int> m_base;
    mutable bool m_valid = false;
    mutable int m_rebuilds = 0;
    mutable QList<Shift> m_shifts;
    mutable QHash<QString, qsizetype> m_added; // id → its latest insertion in m_shifts
    mutable std::future<QHash<QString, int>> m_pending; // prepare()'s hash, not yet taken
};

} // namespace ntl
