#pragma once

#include "dataset.h"

#include <QObject>

class QAction;
class QWidget;

namespace ntl {

class Session;
class SourcesView;

// From words selected in the Sources view's article to the dataset (issue 16, item 3): New
// Event from Selection, Add Selection to Current Event, Add Selection as Claim…, Remove Passage
// and Re-select Passage. Each is one undoable Document command; each action is disabled, with
// the reason as its tooltip and status tip, while it does not apply.
class AuthoringController : public QObject {
    Q_OBJECT
public:
    AuthoringController(Session *session, SourcesView *sources, QWidget *dialogParent);

    QAction *newEventAction() const { return m_newEvent; }
    QAction *addPassageAction() const { return m_addPassage; }
    QAction *addClaimAction() const { return m_addClaim; }
    QAction *removePassageAction() const { return m_removePassage; }
    QAction *reselectPassageAction() const { return m_reselectPassage; }
    QAction *newActorAction() const { return m_newActor; }
    QList<QAction *> actions() const;

    // The actions' work; each returns false (and says why in message()) when refused.
    bool newEventFromSelection();
    bool addSelectionToCurrentEvent();
    bool addSelectionAsClaim(); // asks with a ClaimDialog
    bool addClaim(int disagreementIndex, const QString &topic, const QString &says);
    bool removePassage();
    bool reselectPassage();
    // New Actor from Selection: asks (newActorRequested) for an actor named after the
    // selected words; false when no words are selected.
    bool newActorFromSelection();
    // The selected words as an actor's name (one line, spaces simplified); empty, with the
    // reason, when they cannot be one.
    QString selectedName(QString *why) const;

signals:
    // For the status bar: what was done, or why not.
    void message(const QString &text);
    // The user asks for a new actor named `name` (the window opens Actors and Sides on it).
    void newActorRequested(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Selection {
        const Article *article = nullptr;
        int start = 0;
        int end = 0;
    };
    // The trimmed selection in the shown article; empty (no article) with `why` set if none.
    Selection selection(QString *why) const;
    QString currentEventId() const;
    const Event *currentEvent(QString *why) const;
    // The current event's passage chosen in the Sources view, or -1 with `why` set.
    int currentPassageIndex(QString *why) const;
    bool refuse(const QString &why);
    QString usualKind() const;
    void updateActions();
    static void setReason(QAction *action, const QString &why, const QString &tip);

    Session *m_session;
    SourcesView *m_sources;
    QWidget *m_dialogParent;
    QAction *m_newEvent;
    QAction *m_addPassage;
    QAction *m_addClaim;
    QAction *m_removePassage;
    QAction *m_reselectPassage;
    QAction *m_newActor;
};

} // namespace ntl
