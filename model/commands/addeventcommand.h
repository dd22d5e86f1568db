#pragma once

#include "dataset.h"
#include "documentcommand.h"

namespace ntl {

// Adds an event at `row` (at the end when -1); undo removes it again.
class AddEventCommand : public DocumentCommand {
public:
    AddEventCommand(Document *document, const Event &event, int row = -1,
                    QUndoCommand *parent = nullptr);

    QString refusal() const override;
    void redo() override;
    void undo() override;

    // What it adds and where (the journal records them).
    const Event &event() const { return m_event; }
    int row() const { return m_row; }

private:
    Event m_event;
    int m_row;
};

} // namespace ntl
