#pragma once

#include "dataset.h"
#include "documentcommand.h"

namespace ntl {

// Removes the event with this id; undo puts the same event back in the same row.
class RemoveEventCommand : public DocumentCommand {
public:
    RemoveEventCommand(Document *document, const QString &eventId, QUndoCommand *parent = nullptr);

    QString refusal() const override;
    void redo() override;
    void undo() override;

    QString eventId() const { return m_eventId; }

private:
    QString m_eventId;
    Event m_event; // the value removed, kept for undo
    int m_row = -1;
};

} // namespace ntl
