#include "navigationhistory.h"

#include <algorithm>
#include <cmath>

namespace ntl {

namespace {
constexpr double dayTolerance = 1e-6;

bool sameDay(double a, double b) {
    return std::abs(a - b) <= dayTolerance;
}
} // namespace

bool NavigationState::operator==(const NavigationState &other) const {
    // Two "not laid out" ranges are equal whatever their numbers.
    const bool sameRange =
        hasRange() == other.hasRange() &&
        (!hasRange() || (sameDay(fromDay, other.fromDay) && sameDay(toDay, other.toDay)));
    return sameRange && eventId == other.eventId && tab == other.tab &&
           timelineScroll == other.timelineScroll && articleId == other.articleId &&
           articleScroll == other.articleScroll;
}

NavigationHistory::NavigationHistory(int capacity)
    : m_capacity(std::max(1, capacity)) {}

void NavigationHistory::record(const NavigationState &state, Change change, qint64 nowMs) {
    if (m_entries.isEmpty()) {
        m_entries.append(state);
        m_current = 0;
        m_gliding = false;
        return;
    }
    NavigationState &current = m_entries[m_current];
    if (state == current)
        return; // nothing moved: no entry, and a glide in progress may go on
    const bool continuesGlide = change == Change::Glide && m_gliding &&
                                nowMs - m_lastGlideMs <= glideWindowMs && nowMs >= m_lastGlideMs;
    if (change == Change::Touch || continuesGlide) {
        current = state;
    } else {
        // A new entry: what was ahead is no longer where Forward leads.
        m_entries.resize(m_current + 1);
        m_entries.append(state);
        if (m_entries.size() > m_capacity)
            m_entries.remove(0, m_entries.size() - m_capacity);
        m_current = int(m_entries.size()) - 1;
    }
    if (change == Change::Glide) {
        m_gliding = true;
        m_lastGlideMs = nowMs;
    } else if (change == Change::Step) {
        m_gliding = false;
    }
}

void NavigationHistory::clear() {
    m_entries.clear();
    m_current = -1;
    m_gliding = false;
}

NavigationState NavigationHistory::back() {
    if (canGoBack())
        --m_current;
    m_gliding = false; // a zoom after going back is a new entry
    return current();
}

NavigationState NavigationHistory::forward() {
    if (canGoForward())
        ++m_current;
    m_gliding = false;
    return current();
}

NavigationState NavigationHistory::current() const {
    return m_current >= 0 ? m_entries.at(m_current) : NavigationState();
}

} // namespace ntl
