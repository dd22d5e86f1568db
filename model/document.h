#pragma once

#include "dataset.h"
#include "diagnostic.h"
#include "eventfield.h"
#include "eventrowindex.h"

#include <QHash>
#include <QObject>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace ntl {

class DocumentCommand;

// The dataset being edited: the current snapshot, the undo stack, the file path, the clean
// state and the last diagnostics. Every change is a DocumentCommand pushed through push(),
// which refuses one that would break the format. Each applied change makes a new snapshot
// sharing everything it does not change (EventList), so a snapshot taken before it (by a
// reader on another thread or a save in progress) stays as it was.
class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Starts over on a freshly read dataset: no undo history, clean.
    void load(std::shared_ptr<const Dataset> dataset, const QString &filePath,
              const Diagnostics &diagnostics = {});

    std::shared_ptr<const Dataset> snapshot() const { return m_dataset; }
    const Dataset &dataset() const { return *m_dataset; }
    QUndoStack *undoStack() { return &m_undoStack; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &filePath);
    // The embedded default dataset (a ":/" resource) cannot be written, nor can a file opened
    // read-only (another instance holds its lock, or no lock can be made beside it): saving
    // it is Save As. The window offers no edit of a read-only document (EditGate: every
    // editing action disabled with the reason, and Edit a Copy… = Save As, then editable);
    // push() itself does not refuse, so tests, recovery and the command line edit as before.
    bool isReadOnly() const;
    // Opened read-only (DatasetLock). It holds for this file only: it ends when the file path
    // changes (Save As elsewhere, another file opened), not when the same file is reloaded.
    bool isOpenedReadOnly() const { return m_openedReadOnly; }
    void setOpenedReadOnly(bool readOnly);
    // The file no longer holds the document's state (it was deleted, or the user kept their
    // version over another writer's): modified, whatever undo does, until saved.
    void markModified() { m_undoStack.resetClean(); }
    bool isModified() const { return !m_undoStack.isClean(); }
    // After a save: the current state is what the file holds.
    void setClean() { m_undoStack.setClean(); }
    Diagnostics diagnostics() const { return m_diagnostics; }
    void setDiagnostics(const Diagnostics &diagnostics) { m_diagnostics = diagnostics; }

    // Pushes `command` (taking it) unless it would break the format; then it is deleted,
    // nothing changes and lastError() says why.
    bool push(DocumentCommand *command);
    QString lastError() const { return m_lastError; }

    // Conveniences for the common edits; each is one push().
    bool setEventField(const QString &eventId, EventField field, const QVariant &value);
    bool addEvent(const Event &event);
    bool removeEvent(const QString &eventId);
    // One item more or less in an event's lists (`index` -1: at the end).
    bool addPassage(const QString &eventId, const SourcePassage &passage, int index = -1);
    bool removePassage(const QString &eventId, int index);
    bool addParticipant(const QString &eventId, const Participant &participant, int index = -1);
    bool removeParticipant(const QString &eventId, int index);

    // The row of the event with this id, or -1; `hint` is tried first.
    int eventRow(const QString &eventId, int hint = -1) const;

    // --- For commands: each applies one change, swaps in a new snapshot and notifies.
    void replaceEvent(int row, const Event &event, const EventFields &fields);
    void insertEvent(int row, const Event &event);
    void removeEventAt(int row);
    // Many events at once (an import and its undo): one snapshot, one notification for the
    // whole contiguous range, so models follow in one pass instead of once per event.
    void insertEvents(int row, const QList<Event> &events);
    void removeEventsAt(int row, int count);
    // Several events' new values at once (an actor merge re-points participations).
    void replaceEvents(const QHash<QString, Event> &events, const EventFields &fields);
    enum class Part { Sides, Actors, Articles };
    void changePart(Part part, const std::function<void(Dataset &)> &change);

signals:
    void datasetReset();
    void eventsChanged(const QStringList &eventIds, const ntl::EventFields &fields);
    void eventInserted(const QString &eventId, int row);
    void eventRemoved(const QString &eventId, int row);
    // insertEvents()/removeEventsAt(): rows first … first + count - 1 (the removed ones' ids
    // in row order, said after the snapshot no longer holds them).
    void eventsInserted(int first, int count);
    void eventsRemoved(int first, const QStringList &eventIds);
    void sidesChanged();
    void actorsChanged();
    void articlesChanged();
    void modifiedChanged(bool modified);
    // Around each accepted push (the recovery journal records the command before the stack
    // applies or merges it, and knows the index changes between the two are the push's).
    void aboutToPush(const ntl::DocumentCommand *command);
    void pushed();
    void filePathChanged(const QString &filePath);
    void readOnlyChanged(bool readOnly);

private:
    std::shared_ptr<Dataset> draft() const;

    std::shared_ptr<const Dataset> m_dataset;
    QUndoStack m_undoStack;
    QString m_filePath;
    Diagnostics m_diagnostics;
    QString m_lastError;
    EventRowIndex m_eventRows;
    bool m_openedReadOnly = false;
};

} // namespace ntl
