#pragma once

#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QMenu;
class QPoint;
class QWidget;

namespace ntl {

class EventEditor;
class MainWindow;

// Edit → Edit Event, Delete Event, Duplicate Event and Actors and Sides…: the event editor in
// a dock beside the details panel (whose reading view stays as it is), and the actions on the
// current event, each one undoable step, disabled with the reason while no event is current.
class EventEditController : public QObject {
    Q_OBJECT
public:
    explicit EventEditController(MainWindow *window);
    // The window is being destroyed: ~QWidget hides the dock, whose visibilityChanged must
    // then not reach a window that is no longer a MainWindow.
    void windowClosing();

    QList<QAction *> actions() const;
    QAction *editAction() const { return m_edit; }
    QAction *deleteAction() const { return m_delete; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *actorsAndSidesAction() const { return m_actorsAndSides; }
    QDockWidget *dock() const { return m_dock; }
    // The timeline's or chronicle's event menu while it is open; null otherwise.
    QMenu *openEventMenu() const { return m_lastMenu; }
    EventEditor *editor() const { return m_editor; }

    // The current event removed / copied right after itself (the copy becomes current).
    bool deleteCurrentEvent();
    bool duplicateCurrentEvent();
    // A new id for a copy of `id`: "id-copy", "id-copy-2", …
    QString copyId(const QString &id) const;

    // The Actors and Sides dialog at `actorId`, or with a new actor named `newActorName` made
    // (a name selected in an article: the Sources view's "New Actor from Selection").
    void openActorsAndSides(const QString &actorId, const QString &newActorName = {});

private:
    void setUpActorsMenu();
    // The timeline's and the chronicle's context menus: the event under the pointer made
    // current, then Edit Event, Duplicate, Delete and Actors and Sides (disabled with why).
    void setUpEventMenus();
    void showEventMenu(QWidget *view, const QString &eventIdUnderPointer, const QPoint &global);
    QString currentEventId() const;
    void updateActions();
    void select(const QString &eventId);

    MainWindow *m_window;
    QDockWidget *m_dock;
    EventEditor *m_editor;
    QAction *m_edit;
    QAction *m_delete;
    QAction *m_duplicate;
    QMenu *m_lastMenu = nullptr;  // the event menu while it is open (tests read it)
    int m_foldedDetailsWidth = 0; // the details' width while the open editor folds them
    QAction *m_actorsAndSides;
};

} // namespace ntl
