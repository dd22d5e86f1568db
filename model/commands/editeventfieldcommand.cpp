#include "editeventfieldcommand.h"

#include "document.h"
#include "editcheck.h"

#include <QCoreApplication>

namespace ntl {

EditEventFieldCommand::EditEventFieldCommand(Document *document, const QString &eventId,
                                             EventField field, const QVariant &value,
                                             QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_eventId(eventId)
    , m_field(field)
    , m_newValue(value) {
    m_rowHint = document->eventRow(eventId);
    if (m_rowHint >= 0)
        m_oldValue = eventFieldValue(document->dataset().events.at(m_rowHint), field);
    setText(QCoreApplication::translate("ntl::EditEventFieldCommand", "Edit Event"));
}

QString EditEventFieldCommand::refusal() const {
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ntl::EditEventFieldCommand", text);
    };
    const int row = document()->eventRow(m_eventId, m_rowHint);
    if (row < 0)
        return tr("unknown event id \"%1\"").arg(m_eventId);
    Event edited = document()->dataset().events.at(row);
    if (!setEventFieldValue(edited, m_field, m_newValue))
        return tr("event \"%1\": a value of the wrong type for this field").arg(m_eventId);
    return EditCheck::event(document()->dataset(), edited);
}

void EditEventFieldCommand::apply(const QVariant &value) {
    m_rowHint = document()->eventRow(m_eventId, m_rowHint);
    Q_ASSERT(m_rowHint >= 0); // the stack's order restores the state this command saw
    if (m_rowHint < 0)
        return;
    Event event = document()->dataset().events.at(m_rowHint);
    setEventFieldValue(event, m_field, value);
    document()->replaceEvent(m_rowHint, event, {m_field});
}

void EditEventFieldCommand::redo() {
    apply(m_newValue);
}

void EditEventFieldCommand::undo() {
    apply(m_oldValue);
}

bool EditEventFieldCommand::mergeWith(const QUndoCommand *other) {
    const auto *next = static_cast<const EditEventFieldCommand *>(other);
    if (next->m_eventId != m_eventId || next->m_field != m_field || !isTextField(m_field))
        return false;
    m_newValue = next->m_newValue;
    // Typed back to where it began: nothing is left to undo.
    setObsolete(m_newValue == m_oldValue);
    return true;
}

} // namespace ntl
