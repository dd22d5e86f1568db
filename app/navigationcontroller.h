#pragma once

#include "navigationhistory.h"

#include <QElapsedTimer>
#include <QObject>

class QAction;
class QScrollArea;

namespace ntl {

class MainWindow;

// Go → Back and Forward for the main window: watches where the user goes (the selected
// event, the tab, the timeline's zoom and scroll, the Sources view's article and scroll),
// keeps it in a NavigationHistory and brings a state back. The mouse's back and forward
// buttons anywhere in the window do the same. Changes are recorded once the event loop
// is idle, so that one gesture ("Show in article": a tab, an event, a scroll) is one entry.
class NavigationController : public QObject {
    Q_OBJECT
public:
    // Adds the Go menu and the toolbar's Back and Forward buttons to `window`.
    explicit NavigationController(MainWindow *window);

    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    const NavigationHistory &history() const { return m_history; }

    void goBack();
    void goForward();
    // The window's state as it is now.
    NavigationState currentState() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void note(NavigationHistory::Change change);
    void recordPending();
    void restore(const NavigationState &state);
    void restoreScrolls(const NavigationState &state);
    void updateActions();
    // The timeline's axis units (which depend on the filter's events) as days and back.
    double dayAt(double x) const;
    double xAt(double day) const;

    MainWindow *m_window;
    QScrollArea *m_timelineScroll;
    NavigationHistory m_history;
    QElapsedTimer m_clock;
    QAction *m_back;
    QAction *m_forward;
    bool m_restoring = false;
    bool m_recordPending = false;
    bool m_stepPending = false;
    bool m_glidePending = false;
    bool m_articlePending = false; // the Sources text was set: maybe another article
};

} // namespace ntl
