#pragma once

#include "dataset.h"
#include "eventfield.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace ntl {

class FieldMessage;
class Session;

// Edits the session's current event: every field of it, its participants, passages and
// disagreements. Each change is a Document command (typing in a text field merges into one
// undo step); a refused value stays in its field, framed, with the reader's message under
// it, and the document does not change. The editor follows the document: undo, redo and
// edits made elsewhere refresh its fields, leaving the cursor where it was in the one being
// typed in.
class EventEditor : public QWidget {
    Q_OBJECT
public:
    explicit EventEditor(Session *session, QWidget *parent = nullptr);

    // The event edited (the session's current one); empty when none.
    QString eventId() const { return m_eventId; }
    // The message shown under `field` (one of this editor's children); empty when none.
    QString messageAt(const QWidget *field) const;

protected:
    void showEvent(QShowEvent *event) override;

signals:
    // "Show" on passage `sourceIndex` of event `eventId`.
    void passageActivated(const QString &eventId, int sourceIndex);

private:
    void build();
    QWidget *withMessage(QWidget *field);
    void follow();
    // Fields enabled only while the document takes edits (EditGate).
    void updateEditable();
    void setEvent(const QString &eventId);
    void refresh(const EventFields &fields);
    void refreshLists();
    void refreshKinds();
    void refreshArticles();
    const Event *shownEvent() const;
    int row() const;

    // One field through EditEventFieldCommand; a refusal is marked at `at`.
    bool pushField(EventField field, const QVariant &value, QWidget *at);
    // The event with a changed list, checked by the reader's rules first.
    bool pushEvent(const Event &edited, EventField field, const QString &text, QWidget *at);
    void mark(QWidget *at, const QString &message);

    void addParticipant();
    void setParticipantRole(int index, ParticipantRole role);
    void removeParticipant();
    void movePassage(int delta);
    void removePassage();
    void addDisagreement();
    void addClaim();
    void applyDisagreement();
    void removeDisagreementItem();
    void showDisagreementItem();
    // The selected disagreement and claim (-1: none).
    std::pair<int, int> disagreementSelection() const;
    Claim claimFromForm() const;

    Session *m_session;
    QString m_eventId;
    int m_rowHint = -1;
    bool m_updating = false;
    bool m_refreshPending = false; // fields not filled while hidden
    QHash<const QWidget *, FieldMessage *> m_messages;

    QLabel *m_empty = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_status = nullptr;
    QDateEdit *m_start = nullptr;
    QDateEdit *m_end = nullptr;
    QComboBox *m_precision = nullptr;
    QComboBox *m_basis = nullptr;
    QComboBox *m_anchor = nullptr;
    QLineEdit *m_expression = nullptr;
    QLineEdit *m_dateNote = nullptr;
    QLineEdit *m_place = nullptr;
    QTreeWidget *m_participants = nullptr;
    QLineEdit *m_actorSearch = nullptr;
    QComboBox *m_role = nullptr;
    QPushButton *m_addParticipant = nullptr;
    QPushButton *m_removeParticipant = nullptr;
    QListWidget *m_passages = nullptr;
    QPushButton *m_showPassage = nullptr;
    QPushButton *m_passageUp = nullptr;
    QPushButton *m_passageDown = nullptr;
    QPushButton *m_removePassage = nullptr;
    QTreeWidget *m_disagreements = nullptr;
    QLineEdit *m_topic = nullptr;
    QComboBox *m_claimArticle = nullptr;
    QLineEdit *m_claimWords = nullptr;
    QLineEdit *m_claimSays = nullptr;
    QPushButton *m_addDisagreement = nullptr;
    QPushButton *m_addClaim = nullptr;
    QPushButton *m_applyDisagreement = nullptr;
    QPushButton *m_removeDisagreement = nullptr;
    QPlainTextEdit *m_note = nullptr;
};

} // namespace ntl
