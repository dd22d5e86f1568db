#pragma once

#include "dataset.h"
#include "documentcommand.h"

#include <QList>

namespace ntl {

// Many events in one step (a data import): `added` appended at the end, `updated` replacing
// the events with their ids. The document hears one notification for the added range and
// one for the updated events, never one per event: at 100,000 events a per-event path made
// every model rescan (docs/performance.md). Undo removes the range and puts the old values
// back.
class ImportEventsCommand : public DocumentCommand {
public:
    ImportEventsCommand(Document *document, const QList<Event> &added, const QList<Event> &updated,
                        const QString &text, QUndoCommand *parent = nullptr);

    QString refusal() const override;
    void redo() override;
    void undo() override;

    // What it adds and changes (the journal records them).
    const QList<Event> &added() const { return m_added; }
    const QList<Event> &updated() const { return m_updated; }

private:
    QList<Event> m_added;
    QList<Event> m_updated;
    QList<Event> m_before; // the updated events as they were, taken on the first redo
    int m_row = -1;        // where the added range starts
};

} // namespace ntl
