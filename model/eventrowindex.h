#pragma once

#include "dataset.h"

#include <QHash>
#include <QList>
#include <QString>

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
    // How often the hash was built: once per 1,024 shifts when every change is reported.
    int rebuildCount() const { return m_rebuilds; }

private:
    struct Shift {
        int row;
        int delta; // +1 an insertion at `row`, -1 a removal of `row`
    };
    int follow(int row, qsizetype fromShift) const;
    void rebuild(const EventList &events) const;

    mutable QHash<QString, int> m_base;
    mutable bool m_valid = false;
    mutable int m_rebuilds = 0;
    mutable QList<Shift> m_shifts;
    mutable QHash<QString, qsizetype> m_added; // id → its latest insertion in m_shifts
};

} // namespace ntl
