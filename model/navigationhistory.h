#pragma once

#include <QList>
#include <QString>

namespace ntl {

// Where the user was: the values that bring a view back, by id and by value (never a model
// index, which a filter or a new dataset invalidates).
struct NavigationState {
    QString eventId; // the selected event; empty for none
    int tab = 0;     // the main window's tab
    // The timeline's visible range in days (julian day plus the fraction of the day);
    // from > to: not laid out, nothing to restore.
    double fromDay = 0;
    double toDay = -1;
    int timelineScroll = 0; // the lanes' vertical scroll position, pixels
    QString articleId;      // the Sources view's article
    int articleScroll = 0;  // and its scroll position, pixels

    bool hasRange() const { return fromDay <= toDay; }
    // Equal ranges within a millionth of a day: a range that went to pixels and back is equal.
    bool operator==(const NavigationState &other) const;
    bool operator!=(const NavigationState &other) const { return !(*this == other); }
};

// A browser's Back and Forward over NavigationStates, without widgets (the app feeds it
// states as the user navigates and applies the state it returns).
//
// Three kinds of change: a Step (another event, another tab, a passage opened) is a new
// entry; a Glide (a zoom or pan step) is a new entry unless it continues a glide of at most
// `glideWindowMs` ago, so a wheel's many steps go back as one; a Touch (a scroll, a detail
// settling) changes the current entry in place. A new entry clears Forward; at most
// `capacity` entries are kept (the oldest go).
class NavigationHistory {
public:
    enum class Change { Step, Glide, Touch };

    static constexpr int defaultCapacity = 100;
    static constexpr qint64 glideWindowMs = 800;

    explicit NavigationHistory(int capacity = defaultCapacity);

    // The user is now at `state` (`nowMs`: a monotonic clock, for gliding). The first
    // state recorded becomes the current entry whatever the change.
    void record(const NavigationState &state, Change change, qint64 nowMs);
    void clear();

    bool isEmpty() const { return m_entries.isEmpty(); }
    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current >= 0 && m_current + 1 < m_entries.size(); }
    // Moves to the previous (next) entry and returns it; the current one when there is none.
    NavigationState back();
    NavigationState forward();
    NavigationState current() const;

    int size() const { return int(m_entries.size()); }
    int currentIndex() const { return m_current; }
    int capacity() const { return m_capacity; }

private:
    QList<NavigationState> m_entries;
    int m_current = -1;
    int m_capacity;
    bool m_gliding = false; // the current entry is a glide that may continue
    qint64 m_lastGlideMs = 0;
};

} // namespace ntl
