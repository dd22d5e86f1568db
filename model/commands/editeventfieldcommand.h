#pragma once

#include "documentcommand.h"
#include "eventfield.h"

#include <QVariant>

namespace ntl {

// Sets one field of one event (by id). Consecutive edits of the same text field of the same
// event merge into one step, so typing a title is undone at once.
class EditEventFieldCommand : public DocumentCommand {
public:
    EditEventFieldCommand(Document *document, const QString &eventId, EventField field,
                          const QVariant &value, QUndoCommand *parent = nullptr);

    QString refusal() const override;
    void redo() override;
    void undo() override;
    int id() const override { return int(CommandId::EditEventField); }
    bool mergeWith(const QUndoCommand *other) override;

    // The edit as the journal records it: after a merge, the last value typed.
    QString eventId() const { return m_eventId; }
    EventField field() const { return m_field; }
    QVariant newValue() const { return m_newValue; }

private:
    void apply(const QVariant &value);

    QString m_eventId;
    EventField m_field;
    QVariant m_oldValue;
    QVariant m_newValue;
    int m_rowHint = -1;
};

} // namespace ntl
