#include "eventrowindex.h"

namespace ntl {

namespace {
constexpr qsizetype maxShifts = 1024;
}

int EventRowIndex::follow(int row, qsizetype fromShift) const {
    for (qsizetype i = fromShift; i < m_shifts.size() && row >= 0; ++i) {
        const Shift &shift = m_shifts.at(i);
        if (shift.delta > 0 && shift.row <= row)
            ++row;
        else if (shift.delta < 0 && shift.row == row)
            row = -1;
        else if (shift.delta < 0 && shift.row < row)
            --row;
    }
    return row;
}

QHash<QString, int> EventRowIndex::rowsById(const EventList &events) {
    QHash<QString, int> rows;
    rows.reserve(events.size());
    // Backwards, so that of duplicate ids (refused) the first one wins, as in Dataset.
    for (qsizetype i = events.size() - 1; i >= 0; --i)
        rows.insert(events.at(i).id, int(i));
    return rows;
}

void EventRowIndex::rebuild(const EventList &events) const {
    if (m_pending.valid())
        m_pending = {}; // (waits for the worker) superseded: the shifts may not describe it
    m_base = rowsById(events);
    m_shifts.clear();
    m_added.clear();
    m_valid = true;
    ++m_rebuilds;
}

int EventRowIndex::row(const EventList &events, const QString &id) const {
    if (!m_valid && m_pending.valid()) {
        m_base = m_pending.get(); // the shifts since prepare() apply to it
        m_valid = true;
        ++m_rebuilds;
    }
    if (!m_valid || m_shifts.size() > maxShifts)
        rebuild(events);
    int found = -1;
    const auto added = m_added.constFind(id);
    if (added != m_added.cend())
        found = follow(m_shifts.at(*added).row, *added + 1);
    if (found < 0) {
        const auto base = m_base.constFind(id);
        if (base != m_base.cend())
            found = follow(*base, 0);
    }
    if (found >= 0 && found < events.size() && events.at(found).id == id)
        return found;
    if (found >= 0) {
        // Cannot happen if every change was reported; a rebuild puts it right anyway.
        rebuild(events);
        return m_base.value(id, -1);
    }
    return -1;
}

void EventRowIndex::inserted(int row, const QString &id) {
    m_shifts.append({row, +1});
    m_added.insert(id, m_shifts.size() - 1);
}

void EventRowIndex::removed(int row) {
    m_shifts.append({row, -1});
}

void EventRowIndex::reset() {
    m_valid = false;
    m_pending = {};
}

void EventRowIndex::prepare(std::shared_ptr<const Dataset> snapshot) {
    reset();
    m_shifts.clear();
    m_added.clear();
    if (!snapshot)
        return;
    // The worker holds the snapshot, which no edit changes (edits make new ones).
    m_pending = std::async(std::launch::async,
                           [snapshot = std::move(snapshot)] { return rowsById(snapshot->events); });
}

} // namespace ntl
